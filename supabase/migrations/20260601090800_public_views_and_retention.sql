-- What the public and teachers read, the public statistics, and retention.
-- Views: public_regions, public_ideas, public_plan_activities,
-- teacher_session_counts, teacher_session_ideas.
-- Functions: region_statistics, purge_expired_ideas.
--
-- The views run with their owner's rights (no security_invoker), which is the
-- point: anon has no access to the tables, and each view's where clause and
-- column list is the whole of what it exposes. security_barrier stops a
-- caller's own filters from being evaluated before the view's.

create view public.public_regions with (security_barrier = true) as
  select r.slug, r.name_sq, r.name_en, r.pilot from public.regions r;
comment on view public.public_regions is 'The 12 regions, for anyone.';

-- Only approved or adopted ideas whose author agreed to publication, and only
-- the moderator's public text, theme, region and month: never the original,
-- the session, the school, the flags or the exact time.
create view public.public_ideas with (security_barrier = true) as
  select
    i.id,
    i.region,
    i.theme,
    i.public_text,
    (date_trunc('month', i.created_at at time zone 'Europe/Tirane'))::date as month,
    i.status,
    coalesce((
      select jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title) order by a.position, a.title)
      from public.idea_activity_links l join public.plan_activities a on a.id = l.activity_id
      where l.idea_id = i.id
    ), '[]'::jsonb) as activities
  from public.ideas i
  where i.status in ('approved', 'adopted') and i.publish_consent;
comment on view public.public_ideas is 'Published ideas: public text, theme, region, month, status and adopting activities.';

create view public.public_plan_activities with (security_barrier = true) as
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
create view public.teacher_session_counts with (security_barrier = true) as
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
comment on view public.teacher_session_counts is 'Per session of the calling teacher: ideas per status.';

create view public.teacher_session_ideas with (security_barrier = true) as
  select i.session_id, i.id, i.theme, i.public_text, i.status
  from public.ideas i
  join public.class_sessions s on s.id = i.session_id
  where s.teacher_id = (select auth.uid())
    and i.status in ('approved', 'adopted') and i.publish_consent;
comment on view public.teacher_session_ideas is 'Public texts of the calling teacher''s sessions, after moderation.';

-- Read-only for everybody: simple views are auto-updatable and run as their
-- owner, so write privileges would bypass the tables' policies.
revoke all on public.public_regions, public.public_ideas, public.public_plan_activities,
  public.teacher_session_counts, public.teacher_session_ideas from anon, authenticated;
revoke insert, update, delete, truncate on public.public_regions, public.public_ideas,
  public.public_plan_activities, public.teacher_session_counts, public.teacher_session_ideas from service_role;
grant select on public.public_regions, public.public_ideas, public.public_plan_activities to anon, authenticated;
grant select on public.teacher_session_counts, public.teacher_session_ideas to authenticated;

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

-- purge_expired_ideas -----------------------------------------------------------
-- Called by a scheduled job (pg_cron or an Edge Function with service_role).
-- 1. Unpublished ideas (pending, rejected, or approved without consent) go a
--    set number of days after the end of the plan period they were sent in,
--    or, outside any plan period, that many days after submission.
-- 2. Escalated ideas go a set number of days after the referral was recorded.
-- 3. Sessions past closes_at get closed_at, which frees their join codes.
create function public.purge_expired_ideas() returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_after_plan int := private.setting_int('retention_unpublished_after_plan_end_days', 180);
  v_without_plan int := private.setting_int('retention_unpublished_without_plan_days', 730);
  v_flagged int := private.setting_int('retention_flagged_after_referral_days', 90);
  v_unpublished int;
  v_flagged_deleted int;
  v_sessions int;
begin
  if coalesce((select auth.role()), 'service_role') <> 'service_role' then
    perform private.raise_code('not_allowed');
  end if;

  with doomed as (
    select i.id from public.ideas i
    where (i.status in ('pending', 'rejected') or (i.status = 'approved' and not i.publish_consent))
      and (
        exists (
          select 1 from public.plans p
          where p.region = i.region
            and (i.created_at at time zone 'Europe/Tirane')::date between p.period_start and p.period_end
            and p.period_end + v_after_plan < current_date
        )
        or (
          not exists (
            select 1 from public.plans p
            where p.region = i.region
              and (i.created_at at time zone 'Europe/Tirane')::date between p.period_start and p.period_end
          )
          and i.created_at < now() - make_interval(days => v_without_plan)
        )
      )
  ), deleted as (
    delete from public.ideas i using doomed d where i.id = d.id
    returning i.id, i.region, i.status
  ), logged as (
    insert into public.moderation_log (idea_id, region, actor, action, before, after)
    select d.id, d.region, null, 'purge', jsonb_build_object('status', d.status), jsonb_build_object('rule', 'unpublished')
    from deleted d
    returning 1
  )
  select count(*) into v_unpublished from logged;

  with deleted as (
    delete from public.ideas i
    where i.status = 'escalated' and i.escalated_at < now() - make_interval(days => v_flagged)
    returning i.id, i.region, i.status
  ), logged as (
    insert into public.moderation_log (idea_id, region, actor, action, before, after)
    select d.id, d.region, null, 'purge', jsonb_build_object('status', d.status), jsonb_build_object('rule', 'flagged')
    from deleted d
    returning 1
  )
  select count(*) into v_flagged_deleted from logged;

  update public.class_sessions set closed_at = closes_at
  where closed_at is null and closes_at < now();
  get diagnostics v_sessions = row_count;

  return jsonb_build_object(
    'unpublished_deleted', v_unpublished,
    'flagged_deleted', v_flagged_deleted,
    'sessions_closed', v_sessions
  );
end
$$;

revoke all on function public.purge_expired_ideas() from public, anon, authenticated, service_role;
grant execute on function public.purge_expired_ideas() to service_role;
