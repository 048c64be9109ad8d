-- Awareness activities run: a class session is also the record of the
-- activity a teacher ran (activity_slug, campaign_slug, students_present), and
-- the committees' reports and the public statistics pages show how many were
-- run, how many students were there and how many ideas came out of them.
-- Views: public_activity_statistics. Tables read: class_sessions, ideas.

-- public_activity_statistics ----------------------------------------------------------------
-- One row per scope (a region, or 'all' for the country) and measure:
--   kind 'activity'  key = class_sessions.activity_slug (a translationKey of content/activities)
--   kind 'campaign'  key = class_sessions.campaign_slug (a translationKey of content/campaigns)
-- Columns: sessions_run, sessions_with_count (sessions that recorded how many
-- students were present), students_present (sum of those counts) and ideas
-- (every idea sent in those sessions, whatever its moderation status, as
-- "submitted" in public_idea_statistics).
--
-- A session has run when it ended (closed by hand or its window passed) after
-- it opened: a session closed before its start never took place, and one
-- still open is not over yet. Open calls are not classroom activities.
--
-- Suppression: students_present and ideas are counts of children, so under 10
-- they are null, exactly as public_idea_statistics. sessions_run and
-- sessions_with_count are shown as they are: they count lessons a teacher
-- gave (the public record of the committee's awareness work), not children,
-- and no school, teacher or date is published beside them, so a count of 1
-- points at no class. sessions_with_count is what lets the page tell "not
-- recorded" (0) from "fewer than 10" when students_present is null.
-- Like the idea statistics, cells are suppressed one by one; a total row is
-- deliberately left out so a suppressed cell cannot be had by subtraction
-- from it within one scope.
--
-- Never exposed: school, teacher, join code, session id, dates.
-- A view owned by the migration role (so it reads class_sessions and ideas
-- past their RLS) with security_barrier, rather than a function, so anon
-- reads it like public_idea_statistics; anon still cannot read either table.
create view public.public_activity_statistics with (security_barrier = true) as
  with run as (
    select s.region, s.activity_slug, s.campaign_slug, s.students_present,
      (select count(*) from public.ideas i where i.session_id = s.id) as ideas
    from public.class_sessions s
    where s.kind = 'class'
      and least(s.closes_at, coalesce(s.closed_at, s.closes_at)) <= now()
      and least(s.closes_at, coalesce(s.closed_at, s.closes_at)) > s.opens_at
  ),
  scoped as (
    select r.region as scope, r.* from run r
    union all
    select 'all' as scope, r.* from run r
  ),
  cells as (
    select s.scope, 'activity' as kind, s.activity_slug as key, count(*) as sessions_run,
      count(s.students_present) as sessions_with_count, sum(s.students_present) as students_present,
      sum(s.ideas) as ideas
    from scoped s where s.activity_slug is not null group by s.scope, s.activity_slug
    union all
    select s.scope, 'campaign', s.campaign_slug, count(*), count(s.students_present),
      sum(s.students_present), sum(s.ideas)
    from scoped s where s.campaign_slug is not null group by s.scope, s.campaign_slug
  )
  select c.scope, c.kind, c.key,
    c.sessions_run::int as sessions_run,
    c.sessions_with_count::int as sessions_with_count,
    case when c.students_present >= 10 then c.students_present end::int as students_present,
    case when c.ideas >= 10 then c.ideas end::int as ideas
  from cells c;
comment on view public.public_activity_statistics is
  'Awareness activities (class sessions that have run) per region (and all) by activity and by campaign: sessions run, students present and ideas sent; counts of children under 10 are null.';

revoke all on public.public_activity_statistics from anon, authenticated;
revoke insert, update, delete, truncate on public.public_activity_statistics from service_role;
grant select on public.public_activity_statistics to anon, authenticated;
