-- Class sessions and regional open calls: the door through which students
-- (who have no accounts) send ideas, opened with a short join code.
-- Tables: class_sessions.
-- Functions: open_call, close_session, extend_session (session owners and
-- committees; security definer because closed_at has no write grant).
-- Limits mirror src/lib/schemas/session.ts (school 2..120, max_ideas 1..200
-- for a class, students_present 0..100, window at most 8 hours).

create table public.class_sessions (
  id uuid primary key default gen_random_uuid(),
  kind text not null default 'class' check (kind in ('class', 'open_call')),
  teacher_id uuid default auth.uid() references public.profiles (id) on delete set null,
  region text not null references public.regions (slug),
  school text check (char_length(school) between 2 and 120),
  grade_band text check (grade_band in ('6-9', '10-12')),
  activity_slug text check (activity_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(activity_slug) <= 100),
  campaign_slug text check (campaign_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(campaign_slug) <= 100),
  students_present int check (students_present between 0 and 100),
  join_code text not null check (join_code ~ '^[0-9A-HJKMNP-Z]{6}$'),
  opens_at timestamptz not null default now(),
  closes_at timestamptz not null default now() + interval '2 hours',
  max_ideas int not null default 40 check (max_ideas between 1 and 10000),
  closed_at timestamptz,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  constraint class_sessions_window_order check (closes_at > opens_at),
  constraint class_sessions_open_call_has_no_teacher check (kind = 'class' or teacher_id is null),
  constraint class_sessions_class_has_school check (kind = 'open_call' or (school is not null and grade_band is not null)),
  constraint class_sessions_class_size check (kind = 'open_call' or max_ideas <= 200)
);
comment on table public.class_sessions is
  'A time window in which students of one class (or anyone, for an open call) send ideas with a 6-character join code.';
alter table public.class_sessions enable row level security;

-- A code is unique among sessions not yet closed; purge_expired_ideas() sets
-- closed_at on expired sessions, which frees their codes.
create unique index class_sessions_open_join_code_idx on public.class_sessions (join_code) where closed_at is null;
create index class_sessions_join_code_idx on public.class_sessions (join_code);
create index class_sessions_teacher_id_idx on public.class_sessions (teacher_id);
create index class_sessions_region_idx on public.class_sessions (region);
-- public_open_calls reads the open calls not yet closed: a handful of rows
-- among all the class sessions of a school year.
create index class_sessions_open_calls_idx on public.class_sessions (closes_at)
  where kind = 'open_call' and closed_at is null;

-- Codes ---------------------------------------------------------------------
-- Uniform random string from an alphabet: bytes at or above the largest
-- multiple of the alphabet size are discarded so no symbol is favoured.
create function private.random_code(p_alphabet text, p_length int) returns text
language plpgsql volatile set search_path = ''
as $$
declare
  n int := char_length(p_alphabet);
  cutoff int := 256 - (256 % n);
  code text := '';
  bytes bytea;
  b int;
begin
  while char_length(code) < p_length loop
    bytes := extensions.gen_random_bytes(16);
    for i in 0..15 loop
      b := get_byte(bytes, i);
      if b < cutoff and char_length(code) < p_length then
        code := code || substr(p_alphabet, b % n + 1, 1);
      end if;
    end loop;
  end loop;
  return code;
end
$$;

-- Contract: uppercase, drop whitespace and '-', then O->0, I->1, L->1.
create function private.normalise_join_code(p_code text) returns text
language sql immutable set search_path = ''
as $$
  select translate(upper(regexp_replace(coalesce(p_code, ''), '[[:space:]-]', '', 'g')), 'OIL', '011')
$$;

-- The session a code opens: a session not closed wins over old closed ones.
create function private.session_for_code(p_code text) returns uuid
language sql stable set search_path = ''
as $$
  select s.id
  from public.class_sessions s
  where s.join_code = private.normalise_join_code(p_code)
  order by (s.closed_at is null) desc, s.created_at desc
  limit 1
$$;

-- security definer: the uniqueness check must see every open session, not
-- only those the inserting teacher may read, and the code helpers are not
-- executable by API roles.
create function private.set_join_code() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  candidate text;
begin
  if new.join_code is not null then
    return new;
  end if;
  loop
    candidate := private.random_code('0123456789ABCDEFGHJKMNPQRSTUVWXYZ', 6);
    exit when not exists (
      select 1 from public.class_sessions s where s.join_code = candidate and s.closed_at is null
    );
  end loop;
  new.join_code := candidate;
  return new;
end
$$;

create trigger set_join_code
  before insert on public.class_sessions
  for each row execute function private.set_join_code();

-- Grants ------------------------------------------------------------------------
-- Teachers insert sessions directly (RLS checks them); join_code and closed_at
-- are left out of the column grants so the trigger always picks the code and
-- closing goes through close_session().
revoke all on public.class_sessions from anon, authenticated;
grant select on public.class_sessions to authenticated;
grant insert (kind, teacher_id, region, school, grade_band, activity_slug, campaign_slug,
  students_present, opens_at, closes_at, max_ideas) on public.class_sessions to authenticated;
grant update (students_present, activity_slug, campaign_slug) on public.class_sessions to authenticated;

create policy "Teachers read their own sessions, moderators their region's, coordinators all" on public.class_sessions
  for select to authenticated
  using (
    (teacher_id = (select auth.uid()) and (select private.session_is_live()))
    or region = (select private.my_committee_region()) or (select private.is_coordinator())
  );
create policy "Approved teachers can open class sessions in their region" on public.class_sessions
  for insert to authenticated
  with check (
    kind = 'class'
    and teacher_id = (select auth.uid())
    and private.is_approved_teacher_of(region)
    and closes_at > now()
    -- SESSION_WINDOW_MAX_HOURS in src/lib/schemas/session.ts
    and closes_at <= opens_at + interval '8 hours'
  );
-- A live session, as for every staff right (private.session_is_live in people_and_roles).
create policy "Teachers can update their own sessions" on public.class_sessions
  for update to authenticated
  using (teacher_id = (select auth.uid()) and (select private.session_is_live()))
  with check (teacher_id = (select auth.uid()) and (select private.session_is_live()));

-- open_call -------------------------------------------------------------------------------
create function public.open_call(
  p_region text, p_opens_at timestamptz, p_closes_at timestamptz, p_max_ideas int default 500
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions;
begin
  if (select auth.uid()) is null or not private.can_moderate(p_region) then
    perform private.raise_code('not_allowed');
  end if;
  if not exists (select 1 from public.regions r where r.slug = p_region) then
    perform private.raise_code('invalid_region');
  end if;
  if p_opens_at is null or p_closes_at is null or p_closes_at <= p_opens_at or p_closes_at <= now()
     or p_closes_at > p_opens_at + interval '180 days' then
    perform private.raise_code('invalid_window');
  end if;
  if p_max_ideas is null or p_max_ideas not between 1 and 10000 then
    perform private.raise_code('invalid_max_ideas');
  end if;
  insert into public.class_sessions (kind, teacher_id, region, opens_at, closes_at, max_ideas, created_by)
  values ('open_call', null, p_region, p_opens_at, p_closes_at, p_max_ideas, (select auth.uid()))
  returning * into s;
  perform private.log('open_call', null, p_region, null,
    jsonb_build_object('session_id', s.id, 'opens_at', s.opens_at, 'closes_at', s.closes_at, 'max_ideas', s.max_ideas));
  return jsonb_build_object('id', s.id, 'join_code', s.join_code, 'region', s.region,
    'opens_at', s.opens_at, 'closes_at', s.closes_at, 'max_ideas', s.max_ideas);
end
$$;

-- Locks a session and checks the caller is its teacher, a moderator of its
-- region or a coordinator, signed in with a live session.
create function private.session_for_owner(p_session_id uuid) returns public.class_sessions
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions;
begin
  if (select auth.uid()) is null or not private.session_is_live() then
    perform private.raise_code('not_allowed');
  end if;
  select * into s from public.class_sessions where id = p_session_id for update;
  if not found then
    perform private.raise_code('session_unknown');
  end if;
  if s.teacher_id is distinct from (select auth.uid()) and not private.can_moderate(s.region) then
    perform private.raise_code('not_allowed');
  end if;
  return s;
end
$$;

-- close_session ---------------------------------------------------------------------------
create function public.close_session(p_session_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions := private.session_for_owner(p_session_id);
begin
  if s.closed_at is null then
    update public.class_sessions set closed_at = now() where id = s.id returning * into s;
    perform private.log('close_session', null, s.region, null, jsonb_build_object('session_id', s.id));
  end if;
  return jsonb_build_object('id', s.id, 'closed_at', s.closed_at, 'closes_at', s.closes_at);
end
$$;

-- extend_session --------------------------------------------------------------------------
create function public.extend_session(p_session_id uuid, p_minutes int) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions := private.session_for_owner(p_session_id);
  v_before timestamptz := s.closes_at;
begin
  if p_minutes is null or p_minutes not between 1 and 1440 then
    perform private.raise_code('invalid_minutes');
  end if;
  if s.closed_at is not null then
    perform private.raise_code('session_closed');
  end if;
  update public.class_sessions
  set closes_at = greatest(closes_at, now()) + make_interval(mins => p_minutes)
  where id = s.id returning * into s;
  perform private.log('extend_session', null, s.region,
    jsonb_build_object('session_id', s.id, 'closes_at', v_before),
    jsonb_build_object('session_id', s.id, 'closes_at', s.closes_at));
  return jsonb_build_object('id', s.id, 'closes_at', s.closes_at);
end
$$;

revoke all on function
  public.open_call(text, timestamptz, timestamptz, int),
  public.close_session(uuid),
  public.extend_session(uuid, int)
  from public, anon, authenticated, service_role;
grant execute on function
  public.open_call(text, timestamptz, timestamptz, int),
  public.close_session(uuid),
  public.extend_session(uuid, int)
  to authenticated;
