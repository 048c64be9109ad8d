-- Class sessions and regional open calls: the door through which students
-- (who have no accounts) send ideas, opened with a short join code.
-- Tables: class_sessions.
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

create policy "Teachers can read their own sessions" on public.class_sessions
  for select to authenticated using (teacher_id = (select auth.uid()));
create policy "Moderators can read sessions of their region" on public.class_sessions
  for select to authenticated using (region = (select private.my_committee_region()));
create policy "Coordinators can read all sessions" on public.class_sessions
  for select to authenticated using ((select private.is_coordinator()));
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
create policy "Teachers can update their own sessions" on public.class_sessions
  for update to authenticated
  using (teacher_id = (select auth.uid()))
  with check (teacher_id = (select auth.uid()));
