-- People and their app roles: profiles, teachers (approved by a coordinator),
-- committee members (moderators of one region), coordinators. App roles live
-- in these tables, never in user-editable auth metadata.
-- Tables: profiles, teachers, committee_members, coordinators.
-- Functions: approve_teacher, appoint_moderator, remove_moderator,
-- remove_teacher, find_users, admin_overview.

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 80),
  school text check (char_length(school) <= 120),
  region text references public.regions (slug),
  created_at timestamptz not null default now()
);
comment on table public.profiles is
  'One row per account, created by a trigger on auth.users from the sign-up metadata (display_name, school, region).';
alter table public.profiles enable row level security;

create table public.teachers (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  region text not null references public.regions (slug),
  school text not null check (char_length(school) between 1 and 120),
  approved_at timestamptz,
  approved_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  -- approved_by may outlive the approver's account (set null), approved_at stays.
  constraint teachers_approver_needs_approval check (approved_by is null or approved_at is not null)
);
comment on table public.teachers is
  'Teacher applications; a teacher may open class sessions once a coordinator has approved them (approved_at set).';
alter table public.teachers enable row level security;

create table public.committee_members (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  region text not null references public.regions (slug),
  role text not null default 'moderator' check (role = 'moderator'),
  -- The region's named safeguarding officers: the only committee members who
  -- read flagged originals, clear a flag and refer a child (issue 12).
  safeguarding_officer boolean not null default false,
  appointed_at timestamptz not null default now(),
  appointed_by uuid references public.profiles (id) on delete set null
);
comment on table public.committee_members is
  'Members of a regional committee; each moderates ideas of exactly one region.';
alter table public.committee_members enable row level security;

create table public.coordinators (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  appointed_at timestamptz not null default now()
);
comment on table public.coordinators is
  'National coordinators: manage teachers, committees and all regions. Appointed with service_role or SQL only.';
alter table public.coordinators enable row level security;

create index teachers_region_idx on public.teachers (region);
create index committee_members_region_idx on public.committee_members (region);
create index profiles_region_idx on public.profiles (region);
-- Foreign keys to the person who approved or appointed (Supabase's advisor: unindexed_foreign_keys).
create index teachers_approved_by_idx on public.teachers (approved_by);
create index committee_members_appointed_by_idx on public.committee_members (appointed_by);

-- Policy helpers ----------------------------------------------------------------
-- security definer: they read the role tables, whose own policies call these
-- helpers; running as the owner avoids that recursion. Each answers only about
-- the caller (auth.uid()), so they reveal nothing about other users.
--
-- An access token stays valid until it expires (jwt_expiry, an hour) even
-- after its session was signed out, revoked or ended by a password change.
-- Staff rights therefore also need the token's session to be live in
-- auth.sessions, as Supabase recommends: a copied or left-behind staff token
-- cannot act once its session is gone. GoTrue always puts session_id in the
-- token; one without it is no session, so no staff rights.

-- security definer: auth.sessions is not readable by the API roles.
create function private.session_is_live() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from auth.sessions s
    where s.id = (
        select case when c.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then c.id::uuid end
        from (select auth.jwt() ->> 'session_id' as id) c
      )
      and s.user_id = (select auth.uid())
      and (s.not_after is null or s.not_after > now())
  )
$$;

create function private.is_coordinator() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.coordinators c where c.user_id = (select auth.uid()))
    and private.session_is_live()
$$;

create function private.is_moderator_of(p_region text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.committee_members m
    where m.user_id = (select auth.uid()) and m.region = p_region
  ) and private.session_is_live()
$$;

create function private.is_approved_teacher_of(p_region text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.teachers t
    where t.user_id = (select auth.uid()) and t.region = p_region and t.approved_at is not null
  ) and private.session_is_live()
$$;

create function private.is_safeguarding_officer_of(p_region text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.committee_members m
    where m.user_id = (select auth.uid()) and m.region = p_region and m.safeguarding_officer
  ) and private.session_is_live()
$$;

-- Moderator of the region or coordinator: who may act on a region's ideas.
create function private.can_moderate(p_region text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.is_coordinator() or private.is_moderator_of(p_region)
$$;

-- The region a moderator belongs to (null for everybody else).
create function private.my_committee_region() returns text
language sql stable security definer set search_path = ''
as $$
  select m.region from public.committee_members m where m.user_id = (select auth.uid()) and private.session_is_live()
$$;

grant execute on function
  private.session_is_live(),
  private.is_coordinator(), private.is_moderator_of(text), private.is_approved_teacher_of(text),
  private.is_safeguarding_officer_of(text),
  private.can_moderate(text), private.my_committee_region()
  to authenticated, service_role;

-- Raises the project's stable error for callers who may not do something.
create function private.deny(p_code text default 'not_allowed') returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = p_code;
end
$$;

-- New accounts ----------------------------------------------------------------
-- security definer: runs inside GoTrue's insert into auth.users, as whatever
-- role GoTrue uses, and must write public tables that role cannot.
create function private.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_name text := left(btrim(coalesce(meta ->> 'display_name', '')), 80);
  v_school text := nullif(left(btrim(coalesce(meta ->> 'school', '')), 120), '');
  v_region text := meta ->> 'region';
begin
  if v_name = '' then
    v_name := left(coalesce(split_part(new.email, '@', 1), 'user'), 80);
  end if;
  if v_name = '' then
    v_name := 'user';
  end if;
  if not exists (select 1 from public.regions r where r.slug = v_region) then
    v_region := null;
  end if;

  insert into public.profiles (id, display_name, school, region)
  values (new.id, v_name, v_school, v_region);

  -- Signing up with a school and region is a teacher application; a
  -- coordinator approves it with approve_teacher().
  if v_school is not null and v_region is not null then
    insert into public.teachers (user_id, region, school) values (new.id, v_region, v_school);
  end if;
  return new;
end
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

-- Grants ------------------------------------------------------------------------
revoke all on public.profiles, public.teachers, public.committee_members, public.coordinators
  from anon, authenticated;
grant select on public.profiles, public.teachers, public.committee_members, public.coordinators to authenticated;
grant update (display_name, school) on public.profiles to authenticated;
grant insert (user_id, region, school), delete on public.teachers to authenticated;

-- Policies ----------------------------------------------------------------------
-- One permissive policy per table, role and action (Supabase's advisor warns
-- of several: each is evaluated for every row), named for everyone it lets in.
create policy "Users read their own profile, moderators their region's, coordinators all" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()) or region = (select private.my_committee_region()) or (select private.is_coordinator()));
create policy "Users can update their own profile" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

create policy "Teachers read their own application, moderators their region's, coordinators all" on public.teachers
  for select to authenticated
  using (user_id = (select auth.uid()) or region = (select private.my_committee_region()) or (select private.is_coordinator()));
-- Only unapproved rows: the insert grant excludes approved_at/approved_by.
create policy "Users can apply as a teacher" on public.teachers
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Teachers can withdraw their own application and coordinators can remove teachers" on public.teachers
  for delete to authenticated
  using ((user_id = (select auth.uid()) and approved_at is null) or (select private.is_coordinator()));

create policy "Members read their own committee, coordinators all committees" on public.committee_members
  for select to authenticated
  using (user_id = (select auth.uid()) or region = (select private.my_committee_region()) or (select private.is_coordinator()));

-- A coordinator reads them all (the own-row case included).
create policy "Coordinators can read all coordinators" on public.coordinators
  for select to authenticated using ((select private.is_coordinator()));

-- Settings (table from the foundation migration).
create policy "Coordinators can read settings" on public.settings
  for select to authenticated using ((select private.is_coordinator()));
create policy "Coordinators can change settings" on public.settings
  for update to authenticated
  using ((select private.is_coordinator()))
  with check ((select private.is_coordinator()));

-- Administration ----------------------------------------------------------------
-- Coordinators approve and remove teachers, appoint and remove moderators,
-- and find accounts. security definer: the role tables have no write grants
-- for authenticated; these functions are the logged way in.

create function private.require_coordinator() returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null or not private.is_coordinator() then
    perform private.raise_code('not_allowed');
  end if;
end
$$;

-- approve_teacher -----------------------------------------------------------------------
create function public.approve_teacher(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t public.teachers;
begin
  perform private.require_coordinator();
  select * into t from public.teachers where user_id = p_user_id for update;
  if not found then
    perform private.raise_code('teacher_unknown');
  end if;
  if t.approved_at is null then
    update public.teachers set approved_at = now(), approved_by = (select auth.uid())
    where user_id = p_user_id returning * into t;
    perform private.log('approve_teacher', null, t.region, null,
      jsonb_build_object('user_id', t.user_id, 'region', t.region));
  end if;
  return jsonb_build_object('user_id', t.user_id, 'region', t.region, 'approved_at', t.approved_at);
end
$$;

-- appoint_moderator ---------------------------------------------------------------------
-- A member sits on one committee; appointing to another region moves them.
create function public.appoint_moderator(p_user_id uuid, p_region text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_before text;
begin
  perform private.require_coordinator();
  if not exists (select 1 from public.regions r where r.slug = p_region) then
    perform private.raise_code('invalid_region');
  end if;
  if not exists (select 1 from public.profiles p where p.id = p_user_id) then
    perform private.raise_code('user_unknown');
  end if;
  select region into v_before from public.committee_members where user_id = p_user_id;
  insert into public.committee_members (user_id, region, appointed_by)
  values (p_user_id, p_region, (select auth.uid()))
  on conflict (user_id) do update
    set region = excluded.region, appointed_at = now(), appointed_by = excluded.appointed_by;
  perform private.log('appoint_moderator', null, p_region,
    case when v_before is not null then jsonb_build_object('user_id', p_user_id, 'region', v_before) end,
    jsonb_build_object('user_id', p_user_id, 'region', p_region));
  return jsonb_build_object('user_id', p_user_id, 'region', p_region);
end
$$;

-- set_safeguarding_officer ---------------------------------------------------------------
-- The coordinator names (or stands down) a committee member as their region's
-- safeguarding officer; logged like every change of role.
create function public.set_safeguarding_officer(p_user_id uuid, p_officer boolean) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  m public.committee_members;
begin
  perform private.require_coordinator();
  if p_officer is null then
    perform private.raise_code('invalid_officer');
  end if;
  update public.committee_members set safeguarding_officer = p_officer
  where user_id = p_user_id
  returning * into m;
  if not found then
    perform private.raise_code('not_a_committee_member');
  end if;
  perform private.log(case when p_officer then 'appoint_officer' else 'remove_officer' end, null, m.region,
    null, jsonb_build_object('user_id', p_user_id, 'region', m.region));
  return jsonb_build_object('user_id', p_user_id, 'region', m.region, 'safeguarding_officer', p_officer);
end
$$;

-- remove_moderator ----------------------------------------------------------------------
create function public.remove_moderator(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_region text;
begin
  perform private.require_coordinator();
  delete from public.committee_members where user_id = p_user_id returning region into v_region;
  if v_region is not null then
    perform private.log('remove_moderator', null, v_region,
      jsonb_build_object('user_id', p_user_id, 'region', v_region), null);
  end if;
  return jsonb_build_object('removed', v_region is not null);
end
$$;

revoke all on function
  public.approve_teacher(uuid),
  public.appoint_moderator(uuid, text),
  public.remove_moderator(uuid),
  public.set_safeguarding_officer(uuid, boolean)
  from public, anon, authenticated, service_role;
grant execute on function
  public.approve_teacher(uuid),
  public.appoint_moderator(uuid, text),
  public.remove_moderator(uuid),
  public.set_safeguarding_officer(uuid, boolean)
  to authenticated;

-- admin_overview ---------------------------------------------------------------------------
-- The coordinator's lists: teachers (waiting first), committee members per
-- region, open calls not yet closed, and safeguarding flags no officer has
-- acknowledged within one working day (private.overdue_flags in the
-- moderation migration: region, idea id and age, never words).
create function public.admin_overview() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform private.require_coordinator();
  return jsonb_build_object(
    'teachers', coalesce((
      select jsonb_agg(jsonb_build_object('user_id', t.user_id, 'display_name', p.display_name, 'email', u.email,
        'school', t.school, 'region', t.region, 'created_at', t.created_at, 'approved_at', t.approved_at)
        order by (t.approved_at is not null), t.created_at)
      from public.teachers t join public.profiles p on p.id = t.user_id left join auth.users u on u.id = t.user_id), '[]'::jsonb),
    'members', coalesce((
      select jsonb_agg(jsonb_build_object('user_id', m.user_id, 'display_name', p.display_name, 'email', u.email,
        'region', m.region, 'appointed_at', m.appointed_at, 'safeguarding_officer', m.safeguarding_officer)
        order by m.region, p.display_name)
      from public.committee_members m join public.profiles p on p.id = m.user_id left join auth.users u on u.id = m.user_id), '[]'::jsonb),
    'calls', coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'region', s.region, 'join_code', s.join_code,
        'opens_at', s.opens_at, 'closes_at', s.closes_at, 'max_ideas', s.max_ideas) order by s.region, s.opens_at)
      from public.class_sessions s where s.kind = 'open_call' and s.closed_at is null and s.closes_at > now()), '[]'::jsonb),
    'safeguarding_overdue', private.overdue_flags(null)
  );
end
$$;

-- find_users: accounts by e-mail or name, to appoint a committee member.
create function public.find_users(p_query text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_query text := btrim(coalesce(p_query, ''));
begin
  perform private.require_coordinator();
  if char_length(v_query) < 3 then
    return '[]'::jsonb;
  end if;
  return coalesce((
    select jsonb_agg(jsonb_build_object('user_id', p.id, 'display_name', p.display_name, 'email', u.email,
      'region', p.region) order by u.email)
    from (
      select p.* from public.profiles p left join auth.users u on u.id = p.id
      where u.email ilike '%' || v_query || '%' or p.display_name ilike '%' || v_query || '%'
      order by u.email limit 20
    ) p left join auth.users u on u.id = p.id), '[]'::jsonb);
end
$$;

-- remove_teacher: refuse an application or withdraw an approval, logged.
create function public.remove_teacher(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_region text;
begin
  perform private.require_coordinator();
  delete from public.teachers where user_id = p_user_id returning region into v_region;
  if v_region is not null then
    perform private.log('remove_teacher', null, v_region, jsonb_build_object('user_id', p_user_id, 'region', v_region), null);
  end if;
  return jsonb_build_object('removed', v_region is not null);
end
$$;

revoke all on function
  public.admin_overview(),
  public.find_users(text),
  public.remove_teacher(uuid)
  from public, anon, authenticated, service_role;
grant execute on function
  public.admin_overview(),
  public.find_users(text),
  public.remove_teacher(uuid)
  to authenticated;
