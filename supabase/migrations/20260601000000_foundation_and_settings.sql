-- Foundation: the private schema for policy helpers, default privileges,
-- settings, and the reference data every other table points at.
-- Tables: settings, regions, pillars, public_holidays.
-- Functions (private): is_working_day, add_working_days, working_days_between.

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
      when 'retention_original_after_publication_days' then jsonb_typeof(value) = 'number' and (value)::int between 0 and 3650
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
  ('retention_original_after_publication_days', '90',
   'Published ideas lose the student''s original text (the public text stays) this many days after publication.'),
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

-- public_holidays -------------------------------------------------------------
-- Days off in Albania (the law on official holidays and commemorative days).
-- A holiday that falls on a Saturday or Sunday gives the next working day off
-- (Monday, and Tuesday for a second one), listed here as its own row. The two
-- Bajram dates follow the moon and are confirmed each year by the Muslim
-- Community of Albania and a decision of the Council of Ministers, as are the
-- days in lieu: check and add each year's rows before it starts. Used to
-- count "one working day" for safeguarding flags (private.add_working_days).
create table public.public_holidays (
  day date primary key,
  name_sq text not null check (name_sq <> ''),
  name_en text not null check (name_en <> '')
);
comment on table public.public_holidays is
  'Albanian public holidays and the Mondays given for those on a weekend; no working day for safeguarding deadlines.';
alter table public.public_holidays enable row level security;

insert into public.public_holidays (day, name_sq, name_en) values
  ('2026-01-01', 'Viti i Ri', 'New Year''s Day'),
  ('2026-01-02', 'Viti i Ri', 'New Year holiday'),
  ('2026-03-16', 'Dita e Verës (14 mars, e shtunë)', 'Summer Day (14 March, a Saturday)'),
  ('2026-03-20', 'Bajrami i Madh', 'Eid al-Fitr'),
  ('2026-03-23', 'Dita e Nevruzit (22 mars, e diel)', 'Nevruz Day (22 March, a Sunday)'),
  ('2026-04-06', 'Pashkët Katolike (e hëna pas)', 'Catholic Easter (the Monday after)'),
  ('2026-04-13', 'Pashkët Ortodokse (e hëna pas)', 'Orthodox Easter (the Monday after)'),
  ('2026-05-01', 'Dita Ndërkombëtare e Punëtorëve', 'International Workers'' Day'),
  ('2026-05-27', 'Kurban Bajrami', 'Eid al-Adha'),
  ('2026-09-07', 'Dita e Shenjtërimit të Nënë Terezës (5 shtator, e shtunë)', 'Mother Teresa Canonisation Day (5 September, a Saturday)'),
  ('2026-11-23', 'Dita e Alfabetit (22 nëntor, e diel)', 'Alphabet Day (22 November, a Sunday)'),
  ('2026-11-30', 'Dita e Pavarësisë (28 nëntor, e shtunë)', 'Independence Day (28 November, a Saturday)'),
  ('2026-12-01', 'Dita e Çlirimit (29 nëntor, e diel)', 'Liberation Day (29 November, a Sunday)'),
  ('2026-12-08', 'Dita Kombëtare e Rinisë', 'National Youth Day'),
  ('2026-12-25', 'Krishtlindjet', 'Christmas Day'),
  ('2027-01-01', 'Viti i Ri', 'New Year''s Day'),
  ('2027-01-04', 'Viti i Ri (2 janar, e shtunë)', 'New Year holiday (2 January, a Saturday)'),
  ('2027-03-10', 'Bajrami i Madh', 'Eid al-Fitr'),
  ('2027-03-15', 'Dita e Verës (14 mars, e diel)', 'Summer Day (14 March, a Sunday)'),
  ('2027-03-22', 'Dita e Nevruzit', 'Nevruz Day'),
  ('2027-03-29', 'Pashkët Katolike (e hëna pas)', 'Catholic Easter (the Monday after)'),
  ('2027-05-03', 'Dita e Punëtorëve (1 maj, e shtunë)', 'Workers'' Day (1 May, a Saturday)'),
  ('2027-05-04', 'Pashkët Ortodokse (2 maj, e diel)', 'Orthodox Easter (2 May, a Sunday)'),
  ('2027-05-17', 'Kurban Bajrami (16 maj, e diel)', 'Eid al-Adha (16 May, a Sunday)'),
  ('2027-09-06', 'Dita e Shenjtërimit të Nënë Terezës (5 shtator, e diel)', 'Mother Teresa Canonisation Day (5 September, a Sunday)'),
  ('2027-11-22', 'Dita e Alfabetit', 'Alphabet Day'),
  ('2027-11-29', 'Dita e Çlirimit', 'Liberation Day'),
  ('2027-11-30', 'Dita e Pavarësisë (28 nëntor, e diel)', 'Independence Day (28 November, a Sunday)'),
  ('2027-12-08', 'Dita Kombëtare e Rinisë', 'National Youth Day'),
  ('2027-12-27', 'Krishtlindjet (25 dhjetor, e shtunë)', 'Christmas Day (25 December, a Saturday)');

-- Working days: Monday to Friday in Tirana, except public holidays.
create function private.is_working_day(p_day date) returns boolean
language sql stable set search_path = ''
as $$
  select extract(isodow from p_day) < 6
    and not exists (select 1 from public.public_holidays h where h.day = p_day)
$$;

-- p_days working days after p_at, at the same Tirana clock time: a flag sent
-- on Friday at 15:00 is due on Monday at 15:00, one sent on Saturday at 10:00
-- on Monday at 10:00 (or later when Monday is a holiday).
create function private.add_working_days(p_at timestamptz, p_days int) returns timestamptz
language plpgsql stable set search_path = ''
as $$
declare
  v_local timestamp := p_at at time zone 'Europe/Tirane';
  v_left int := greatest(coalesce(p_days, 0), 0);
begin
  while v_left > 0 loop
    v_local := v_local + interval '1 day';
    if private.is_working_day(v_local::date) then
      v_left := v_left - 1;
    end if;
  end loop;
  return v_local at time zone 'Europe/Tirane';
end
$$;

-- Working days after p_from's Tirana date up to and including p_to's: how
-- many working days a flag has waited. Weekdays are counted by arithmetic
-- from a Monday (2000-01-03; dates are later than that), then holidays on
-- weekdays come off: one index range scan per call, whatever the span (the
-- coordinator's overview asks it of every waiting flag).
create function private.working_days_between(p_from timestamptz, p_to timestamptz) returns int
language sql stable set search_path = ''
as $$
  select (w.b_weekdays - w.a_weekdays
    - (select count(*) from public.public_holidays h where h.day > w.a and h.day <= w.b and extract(isodow from h.day) < 6))::int
  from (
    select d.a, d.b,
      ((d.a - date '2000-01-03') / 7) * 5 + least((d.a - date '2000-01-03') % 7 + 1, 5) as a_weekdays,
      ((d.b - date '2000-01-03') / 7) * 5 + least((d.b - date '2000-01-03') % 7 + 1, 5) as b_weekdays
    from (
      select (p_from at time zone 'Europe/Tirane')::date as a,
        greatest((p_to at time zone 'Europe/Tirane')::date, (p_from at time zone 'Europe/Tirane')::date) as b
    ) as d
  ) as w
$$;

-- Grants: reference data is public; settings are the coordinators' alone;
-- the holiday calendar is for signed-in staff.
revoke all on public.settings, public.regions, public.pillars, public.public_holidays from anon, authenticated;
grant select on public.regions, public.pillars to anon, authenticated;
grant select on public.public_holidays to authenticated;
grant select, update (value) on public.settings to authenticated;

create policy "Anyone can read regions" on public.regions
  for select to anon, authenticated using (true);
create policy "Anyone can read pillars" on public.pillars
  for select to anon, authenticated using (true);
create policy "Signed-in users can read public holidays" on public.public_holidays
  for select to authenticated using (true);
