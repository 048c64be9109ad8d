-- Retention and schedules: what the portal deletes, and when.
-- Functions: purge_expired_ideas.
-- Schedule: nightly with pg_cron where this database runs it (hosted
-- Supabase); the local stack runs the same function on a timer
-- (supabase/local/retentionTimer.ts). docs/deploy.md says how to check it runs.

-- purge_expired_ideas -----------------------------------------------------------
-- Called by a scheduled job (pg_cron or an Edge Function with service_role).
-- 1. Unpublished ideas (pending, rejected, or approved without consent) go a
--    set number of days after the end of the plan period they were sent in,
--    or, outside any plan period, that many days after submission.
-- 2. Escalated ideas go a set number of days after the referral was recorded.
-- 3. Published ideas (approved or adopted, with consent) lose the student's
--    original words (text and "what I can do") a set number of days after
--    publication; the public text stays, so the walls and plans do not change.
-- 4. Sessions past closes_at get closed_at, which frees their join codes.
create function public.purge_expired_ideas() returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_after_plan int := private.setting_int('retention_unpublished_after_plan_end_days', 180);
  v_without_plan int := private.setting_int('retention_unpublished_without_plan_days', 730);
  v_flagged int := private.setting_int('retention_flagged_after_referral_days', 90);
  v_original int := private.setting_int('retention_original_after_publication_days', 90);
  v_unpublished int;
  v_flagged_deleted int;
  v_originals int;
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

  -- Referral records outlive a withdrawn idea for the same period.
  delete from public.referrals r where r.referred_at < now() - make_interval(days => v_flagged);

  with purged as (
    update public.ideas i
    set text = null, can_do = null, original_purged_at = now()
    where i.status in ('approved', 'adopted') and i.publish_consent and i.original_purged_at is null
      and coalesce(i.published_at, i.moderated_at, i.created_at) < now() - make_interval(days => v_original)
    returning i.id, i.region
  ), logged as (
    insert into public.moderation_log (idea_id, region, actor, action, before, after)
    select p.id, p.region, null, 'purge', null, jsonb_build_object('rule', 'original_after_publication')
    from purged p
    returning 1
  )
  select count(*) into v_originals from logged;

  update public.class_sessions set closed_at = closes_at
  where closed_at is null and closes_at < now();
  get diagnostics v_sessions = row_count;

  return jsonb_build_object(
    'unpublished_deleted', v_unpublished,
    'flagged_deleted', v_flagged_deleted,
    'originals_removed', v_originals,
    'sessions_closed', v_sessions
  );
end
$$;

revoke all on function public.purge_expired_ideas() from public, anon, authenticated, service_role;
grant execute on function public.purge_expired_ideas() to service_role;

-- Schedule --------------------------------------------------------------------
-- pg_cron can only be created in the database its scheduler serves
-- (cron.database_name, `postgres` on hosted Supabase) and only when the
-- server preloads it; elsewhere (PGlite, a test database) this does nothing
-- and the local stack's timer runs the purge. 01:17 UTC is 02:17 or 03:17 in
-- Tirana, outside school hours. cron.schedule replaces a job of the same name.
do $$
begin
  if current_setting('cron.database_name', true) = current_database() then
    create extension if not exists pg_cron with schema pg_catalog;
    perform cron.schedule('zeri-purge-expired-ideas', '17 1 * * *', 'select public.purge_expired_ideas()');
  end if;
end
$$;
