-- Foundation: the private schema for policy helpers, default privileges,
-- settings, and the reference data every other table points at.
-- Tables: settings, regions, pillars.

-- Functions are not executable by everyone unless granted one by one. Postgres
-- grants EXECUTE to PUBLIC by default and Supabase grants it to the API roles
-- on public; both are removed here so each function states who may call it.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon, authenticated, service_role;

-- Policy helpers, detectors and triggers live here; PostgREST does not expose
-- this schema (see supabase/config.toml [api].schemas).
create schema if not exists private;
revoke all on schema private from public;
-- anon too: the public views read the few owner-rights views kept here (see
-- the public views migration); everything else in private is granted one by one.
grant usage on schema private to anon, authenticated, service_role;

-- settings --------------------------------------------------------------------
create table public.settings (
  key text primary key,
  value jsonb not null,
  description text,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint settings_value_valid check (
    case key
      when 'submit_burst_per_minute' then jsonb_typeof(value) = 'number' and (value)::int between 1 and 100000
      when 'retention_unpublished_after_plan_end_days' then jsonb_typeof(value) = 'number' and (value)::int between 0 and 3650
      when 'retention_unpublished_without_plan_days' then jsonb_typeof(value) = 'number' and (value)::int between 30 and 3650
      when 'retention_flagged_after_referral_days' then jsonb_typeof(value) = 'number' and (value)::int between 0 and 3650
      when 'open_questions_per_idea' then jsonb_typeof(value) = 'number' and (value)::int between 0 and 100
      -- Up to 30 days: a school tablet may stay offline over a long weekend or a holiday.
      when 'late_delivery_grace_hours' then jsonb_typeof(value) = 'number' and (value)::int between 0 and 720
      -- Abuse limits, read by private.check_request() and the student functions
      -- (20260601005000_student_functions.sql); docs/security.md has the arithmetic.
      when 'student_requests_per_minute_per_address' then jsonb_typeof(value) = 'number' and (value)::int between 1 and 100000
      when 'ideas_per_minute_per_address' then jsonb_typeof(value) = 'number' and (value)::int between 1 and 100000
      when 'failed_joins_per_address' then jsonb_typeof(value) = 'number' and (value)::int between 1 and 100000
      when 'failed_joins_global_per_hour' then jsonb_typeof(value) = 'number' and (value)::int between 1 and 1000000
      when 'seat_token_ideas' then jsonb_typeof(value) = 'number' and (value)::int between 1 and 100
      when 'late_ideas_per_session' then jsonb_typeof(value) = 'number' and (value)::int between 0 and 10000
      else false
    end
  )
);
comment on table public.settings is
  'Operational limits and retention periods. Only coordinators (and service_role) read or change them.';
alter table public.settings enable row level security;

insert into public.settings (key, value, description) values
  ('submit_burst_per_minute', '60', 'Accepted ideas per class session per minute before PT429 rate_limited.'),
  ('retention_unpublished_after_plan_end_days', '180', 'Unpublished ideas are deleted this many days after the end of the plan period they were submitted in.'),
  ('retention_unpublished_without_plan_days', '730', 'Unpublished ideas submitted outside any plan period are deleted this many days after submission.'),
  ('retention_flagged_after_referral_days', '90', 'Escalated (safeguarding) ideas are deleted this many days after the referral was recorded.'),
  ('open_questions_per_idea', '3', 'Unanswered questions a student may have open on one idea.'),
  ('late_delivery_grace_hours', '24',
   'An idea queued on a device before its session closed is still accepted this many hours after closing.'),
  ('student_requests_per_minute_per_address', '600',
   'Calls to join_session and submit_idea per client address per minute (a school behind one address included) before PT429.'),
  ('ideas_per_minute_per_address', '40',
   'Accepted ideas per class session per client address per minute: one client cannot take the whole per-session burst.'),
  ('failed_joins_per_address', '20',
   'Unknown join codes per client address per 10 minutes; past it every join from that address is PT429 until the window ends.'),
  ('failed_joins_global_per_hour', '1000',
   'Unknown join codes from all addresses per hour; past it only addresses that joined a class session this hour may join.'),
  ('seat_token_ideas', '5', 'Ideas one seat token (given by join_session) may deliver after its session closed.'),
  ('late_ideas_per_session', '40', 'Ideas a session accepts after it closed (offline queues delivering late).');

-- regions ---------------------------------------------------------------------
create table public.regions (
  slug text primary key check (slug ~ '^[a-z]+$'),
  name_sq text not null check (name_sq <> ''),
  name_en text not null check (name_en <> ''),
  pilot boolean not null default false
);
comment on table public.regions is 'The 12 qarqe of Albania; must equal content/regions.json (a db test checks).';
alter table public.regions enable row level security;

insert into public.regions (slug, name_sq, name_en, pilot) values
  ('berat', 'Berat', 'Berat', false),
  ('diber', 'Dibër', 'Dibër', false),
  ('durres', 'Durrës', 'Durrës', true),
  ('elbasan', 'Elbasan', 'Elbasan', false),
  ('fier', 'Fier', 'Fier', false),
  ('gjirokaster', 'Gjirokastër', 'Gjirokastër', false),
  ('korce', 'Korçë', 'Korçë', false),
  ('kukes', 'Kukës', 'Kukës', true),
  ('lezhe', 'Lezhë', 'Lezhë', true),
  ('shkoder', 'Shkodër', 'Shkodër', true),
  ('tirane', 'Tiranë', 'Tirana', false),
  ('vlore', 'Vlorë', 'Vlorë', false);

-- pillars ---------------------------------------------------------------------
create table public.pillars (
  slug text primary key check (slug in ('prosecution', 'protection', 'coordination', 'prevention')),
  name_sq text not null,
  name_en text not null,
  position int not null
);
comment on table public.pillars is 'The four pillars of the national anti-trafficking strategy (the 4 P).';
alter table public.pillars enable row level security;

insert into public.pillars (slug, name_sq, name_en, position) values
  ('prosecution', 'Ndjekja penale', 'Prosecution', 1),
  ('protection', 'Mbrojtja', 'Protection', 2),
  ('coordination', 'Bashkërendimi', 'Coordination', 3),
  ('prevention', 'Parandalimi', 'Prevention', 4);

-- Grants: reference data is public; settings are the coordinators' alone.
revoke all on public.settings, public.regions, public.pillars from anon, authenticated;
grant select on public.regions, public.pillars to anon, authenticated;
grant select, update (value) on public.settings to authenticated;

create policy "Anyone can read regions" on public.regions
  for select to anon, authenticated using (true);
create policy "Anyone can read pillars" on public.pillars
  for select to anon, authenticated using (true);
