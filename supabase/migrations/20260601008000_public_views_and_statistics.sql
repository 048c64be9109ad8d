-- Public views and statistics: what the public and teachers read.
-- Views: public_regions, public_ideas, public_plan_activities,
-- teacher_session_counts, teacher_session_ideas, public_idea_statistics,
-- public_adopted_ideas, public_open_calls, public_activity_statistics.
-- Functions: region_statistics.
--
-- Every view in public runs with the caller's rights (security_invoker), as
-- Supabase's advisor asks: what anon may read is decided by the tables' own
-- policies and column grants (published ideas, their public columns, plans),
-- and the views only shape it. Four views must count rows the caller may not
-- read (statistics over every idea, a teacher's sessions, whether an open call
-- is full): their owner-rights part is a view in the private schema, which the
-- API does not expose, so the public view is the only way to it and its
-- column list and where clause are the whole of what it shows.
-- security_barrier stops a caller's own filters from being evaluated first.

create view public.public_regions with (security_invoker = true, security_barrier = true) as
  select r.slug, r.name_sq, r.name_en, r.pilot from public.regions r;
comment on view public.public_regions is 'The 12 regions, for anyone.';

-- Only approved or adopted ideas whose author agreed to publication, and only
-- the moderator's public text, theme, region and month: never the original,
-- the session, the school, the flags or the exact time.
create view public.public_ideas with (security_invoker = true, security_barrier = true) as
  select
    i.id,
    i.region,
    i.theme,
    i.public_text,
    i.created_month as month,
    i.status,
    coalesce((
      select jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title) order by a.position, a.title)
      from public.idea_activity_links l join public.plan_activities a on a.id = l.activity_id
      where l.idea_id = i.id
    ), '[]'::jsonb) as activities
  from public.ideas i
  where i.status in ('approved', 'adopted') and i.publish_consent;
comment on view public.public_ideas is 'Published ideas: public text, theme, region, month, status and adopting activities.';

create view public.public_plan_activities with (security_invoker = true, security_barrier = true) as
  select
    a.id,
    p.region,
    p.id as plan_id,
    p.title as plan_title,
    p.period_start,
    p.period_end,
    p.is_demo,
    o.id as objective_id,
    o.pillar,
    o.code as objective_code,
    o.title_sq as objective_title_sq,
    o.title_en as objective_title_en,
    o.position as objective_position,
    a.title,
    a.description,
    a.responsible_institution,
    a.partners,
    a.indicator,
    a.target,
    a.timeline_start,
    a.timeline_end,
    a.status,
    a.progress,
    a.position,
    (select count(*) from public.idea_activity_links l join public.ideas i on i.id = l.idea_id
     where l.activity_id = a.id and i.publish_consent)::int as public_idea_count
  from public.plan_activities a
  join public.plan_objectives o on o.id = a.objective_id
  join public.plans p on p.id = o.plan_id
  where a.status <> 'archived';
comment on view public.public_plan_activities is 'Plan activities (not archived) with their objective and plan, for anyone.';

-- Teachers see how their sessions are doing without seeing any original text.
-- Escalated ideas count as pending so a class never learns of a referral.
create view private.teacher_session_counts with (security_barrier = true) as
  select
    s.id as session_id,
    s.join_code,
    s.region,
    s.school,
    s.grade_band,
    s.activity_slug,
    s.opens_at,
    s.closes_at,
    s.closed_at,
    s.max_ideas,
    count(i.id)::int as total,
    (count(i.id) filter (where i.status in ('pending', 'escalated')))::int as pending,
    (count(i.id) filter (where i.status = 'approved'))::int as approved,
    (count(i.id) filter (where i.status = 'adopted'))::int as adopted,
    (count(i.id) filter (where i.status = 'rejected'))::int as rejected
  from public.class_sessions s
  left join public.ideas i on i.session_id = s.id
  where s.teacher_id = (select auth.uid())
  group by s.id;
create view public.teacher_session_counts with (security_invoker = true) as
  select * from private.teacher_session_counts;
comment on view public.teacher_session_counts is 'Per session of the calling teacher: ideas per status.';

create view private.teacher_session_ideas with (security_barrier = true) as
  select i.session_id, i.id, i.theme, i.public_text, i.status
  from public.ideas i
  join public.class_sessions s on s.id = i.session_id
  where s.teacher_id = (select auth.uid())
    and i.status in ('approved', 'adopted') and i.publish_consent;
create view public.teacher_session_ideas with (security_invoker = true) as
  select * from private.teacher_session_ideas;
comment on view public.teacher_session_ideas is 'Public texts of the calling teacher''s sessions, after moderation.';

-- Read-only for everybody: simple views are auto-updatable and run as their
-- owner, so write privileges would bypass the tables' policies.
revoke all on public.public_regions, public.public_ideas, public.public_plan_activities,
  public.teacher_session_counts, public.teacher_session_ideas from anon, authenticated;
revoke insert, update, delete, truncate on public.public_regions, public.public_ideas,
  public.public_plan_activities, public.teacher_session_counts, public.teacher_session_ideas from service_role;
grant select on public.public_regions, public.public_ideas, public.public_plan_activities to anon, authenticated;
grant select on public.teacher_session_counts, public.teacher_session_ideas to authenticated;
revoke all on private.teacher_session_counts, private.teacher_session_ideas from public, anon, authenticated, service_role;
grant select on private.teacher_session_counts, private.teacher_session_ideas to authenticated, service_role;

-- region_statistics ------------------------------------------------------------
-- Counts per region and month, by theme (status null), by public status
-- (theme null) and in total (both null). Any cell under 10 is null so a
-- small class cannot be picked out. Statuses are the public ones:
-- received (pending, escalated), published (approved), adopted, not_published.
create function public.region_statistics(p_region text default null)
returns table (region text, month date, theme text, status text, ideas int)
language sql stable security definer set search_path = ''
as $$
  with base as (
    select
      i.region,
      (date_trunc('month', i.created_at at time zone 'Europe/Tirane'))::date as month,
      i.theme,
      case i.status
        when 'pending' then 'received'
        when 'escalated' then 'received'
        when 'approved' then 'published'
        when 'adopted' then 'adopted'
        else 'not_published'
      end as status
    from public.ideas i
    where p_region is null or i.region = p_region
  ),
  cells as (
    select b.region, b.month, b.theme, b.status, count(*)::int as n
    from base b
    group by grouping sets ((b.region, b.month), (b.region, b.month, b.theme), (b.region, b.month, b.status))
  )
  select c.region, c.month, c.theme, c.status, case when c.n >= 10 then c.n end
  from cells c
  order by c.region, c.month, c.theme nulls first, c.status nulls first
$$;

revoke all on function public.region_statistics(text) from public, anon, authenticated, service_role;
grant execute on function public.region_statistics(text) to anon, authenticated, service_role;

-- public_idea_statistics ---------------------------------------------------------------------
-- One row per scope (a region, or 'all' for the country) and measure:
--   kind 'month'   key = first day of the month    submitted, published, adopted
--   kind 'theme'   key = theme                     submitted, published, adopted
--   kind 'total'   key = 'all'                     submitted, published, adopted, median_days
-- published = approved or adopted. median_days: submission to first
-- moderation decision. Any count under 10 is null (as region_statistics), so
-- a small class cannot be picked out; the median needs 10 decisions too.
-- A view rather than a function so anon reads it like public_ideas.
create view private.idea_statistics with (security_barrier = true) as
  with base as (
    select
      i.region,
      (date_trunc('month', i.created_at at time zone 'Europe/Tirane'))::date::text as month,
      i.theme,
      i.status in ('approved', 'adopted') as published,
      i.status = 'adopted' as adopted,
      case when i.status <> 'pending' and i.status <> 'escalated' and i.moderated_at is not null
        then extract(epoch from (i.moderated_at - i.created_at)) / 86400.0 end as days
    from public.ideas i
  ),
  scoped as (
    select b.region as scope, b.* from base b
    union all
    select 'all' as scope, b.* from base b
  ),
  cells as (
    select s.scope, 'month' as kind, s.month as key, count(*) as submitted,
      count(*) filter (where s.published) as published, count(*) filter (where s.adopted) as adopted,
      null::numeric as median_days, null::bigint as decisions
    from scoped s group by s.scope, s.month
    union all
    select s.scope, 'theme', s.theme, count(*), count(*) filter (where s.published),
      count(*) filter (where s.adopted), null, null
    from scoped s group by s.scope, s.theme
    union all
    select s.scope, 'total', 'all', count(*), count(*) filter (where s.published),
      count(*) filter (where s.adopted),
      round((percentile_cont(0.5) within group (order by s.days))::numeric, 1),
      count(s.days)
    from scoped s group by s.scope
  )
  select c.scope, c.kind, c.key,
    case when c.submitted >= 10 then c.submitted end::int as submitted,
    case when c.published >= 10 then c.published end::int as published,
    case when c.adopted >= 10 then c.adopted end::int as adopted,
    case when c.decisions >= 10 then c.median_days end as median_days
  from cells c;
create view public.public_idea_statistics with (security_invoker = true) as
  select * from private.idea_statistics;
comment on view public.public_idea_statistics is
  'Counts of ideas per region (and all) by month, theme and in total, with the median days to a decision; cells under 10 are null.';

revoke all on public.public_idea_statistics from anon, authenticated;
revoke insert, update, delete, truncate on public.public_idea_statistics from service_role;
grant select on public.public_idea_statistics to anon, authenticated;
revoke all on private.idea_statistics from public, anon, authenticated, service_role;
grant select on private.idea_statistics to anon, authenticated, service_role;

-- public_adopted_ideas -----------------------------------------------------------------
-- "You said, we did": the adopted ideas of each plan activity with the
-- committee's words to the children, for the public plan pages. Runs with its owner's rights like the other public views (anon has no
-- access to ideas); the where clause and column list are all it exposes:
-- adopted ideas whose author agreed to publication, their public text,
-- theme, month, the activity, the committee's note and feedback. Never the
-- original, the session, the flags or the exact time.
create view public.public_adopted_ideas with (security_invoker = true, security_barrier = true) as
  select
    i.id,
    i.region,
    i.theme,
    i.public_text,
    i.created_month as month,
    l.activity_id,
    l.note,
    i.feedback_sq,
    i.feedback_en
  from public.ideas i
  join public.idea_activity_links l on l.idea_id = i.id
  join public.plan_activities a on a.id = l.activity_id
  where i.status = 'adopted' and i.publish_consent and a.status <> 'archived';
comment on view public.public_adopted_ideas is
  'Adopted ideas per plan activity, with the committee''s note and feedback to the children.';

revoke all on public.public_adopted_ideas from anon, authenticated;
revoke insert, update, delete, truncate on public.public_adopted_ideas from service_role;
grant select on public.public_adopted_ideas to anon, authenticated;

-- public_open_calls ---------------------------------------------------------------------
-- Runs as its owner (anon cannot read class_sessions): only open calls that
-- are open or not yet open, and only what a visitor needs to join one. Never
-- class sessions: their codes belong to a classroom. The "not full" test is
-- private.session_state's, written out: functions in a view are executed
-- with the caller's rights, and anon may not use schema private.
create view private.open_calls with (security_barrier = true) as
  select s.region, s.join_code, s.opens_at, s.closes_at
  from public.class_sessions s
  where s.kind = 'open_call'
    and s.closed_at is null
    and s.closes_at > now()
    and (select count(*) from (
          select 1 from public.ideas i where i.session_id = s.id limit s.max_ideas
        ) as counted) < s.max_ideas;
create view public.public_open_calls with (security_invoker = true) as
  select * from private.open_calls;
comment on view public.public_open_calls is
  'Regional open calls that are open or upcoming: region, join code and window, for anyone.';

-- A simple view is auto-updatable and runs as its owner, so write
-- privileges would bypass the table's policies: read-only for every role.
revoke all on public.public_open_calls from anon, authenticated;
revoke insert, update, delete, truncate on public.public_open_calls from service_role;
grant select on public.public_open_calls to anon, authenticated;
revoke all on private.open_calls from public, anon, authenticated, service_role;
grant select on private.open_calls to anon, authenticated, service_role;

-- public_activity_statistics ----------------------------------------------------------------
-- Awareness activities run: a class session is also the record of the
-- activity a teacher ran (activity_slug, campaign_slug, students_present), and
-- the committees' reports and the public statistics pages show how many were
-- run, how many students were there and how many ideas came out of them.
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
create view private.activity_statistics with (security_barrier = true) as
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
create view public.public_activity_statistics with (security_invoker = true) as
  select * from private.activity_statistics;
comment on view public.public_activity_statistics is
  'Awareness activities (class sessions that have run) per region (and all) by activity and by campaign: sessions run, students present and ideas sent; counts of children under 10 are null.';

revoke all on public.public_activity_statistics from anon, authenticated;
revoke insert, update, delete, truncate on public.public_activity_statistics from service_role;
grant select on public.public_activity_statistics to anon, authenticated;
revoke all on private.activity_statistics from public, anon, authenticated, service_role;
grant select on private.activity_statistics to anon, authenticated, service_role;
