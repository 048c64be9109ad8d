-- Open data and oversight: the export of a region's public data, the
-- moderation log as people read it, the coordinator's administration lists,
-- and the public statistics behind the statistics pages.
-- Views: public_idea_statistics.
-- Functions: export_region_ideas, export_region_plan, moderation_log_entries,
-- admin_overview, find_users, remove_teacher.
-- security definer where a function names people (profiles and e-mail
-- addresses a caller cannot read under RLS) or reads ideas for anon; each
-- checks the caller first.

-- export ---------------------------------------------------------------------------------
-- Only what the public pages already show: public text, theme, month, status
-- and adopting activities of published ideas (consent given). Never the
-- original text, the flags, the session or pending/rejected/escalated ideas.
-- Keyset paging by id so a large export can show its progress.
create function public.export_region_ideas(p_region text default null, p_after uuid default null, p_limit int default 1000)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_limit int := least(greatest(coalesce(p_limit, 1000), 1), 5000);
  v_items jsonb;
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  -- Moderators export their region; coordinators one region or (null) all.
  if p_region is null and not private.is_coordinator() then
    perform private.raise_code('not_allowed');
  end if;
  if p_region is not null and not private.can_moderate(p_region) then
    perform private.raise_code('not_allowed');
  end if;
  select coalesce(jsonb_agg(to_jsonb(x) order by x.id), '[]'::jsonb) into v_items
  from (
    select v.id, v.region, v.theme, v.public_text, v.month, v.status,
      (select coalesce(jsonb_agg(a -> 'id'), '[]'::jsonb) from jsonb_array_elements(v.activities) a) as activity_ids
    from public.public_ideas v
    where (p_region is null or v.region = p_region) and (p_after is null or v.id > p_after)
    order by v.id
    limit v_limit
  ) x;
  return jsonb_build_object(
    'total', case when p_after is null then
      (select count(*) from public.public_ideas v where p_region is null or v.region = p_region) end,
    'items', v_items,
    'next', case when jsonb_array_length(v_items) = v_limit then v_items -> (v_limit - 1) -> 'id' end);
end
$$;

create function public.export_region_plan(p_region text default null) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  if p_region is null and not private.is_coordinator() then
    perform private.raise_code('not_allowed');
  end if;
  if p_region is not null and not private.can_moderate(p_region) then
    perform private.raise_code('not_allowed');
  end if;
  return coalesce((
    select jsonb_agg(to_jsonb(a) || jsonb_build_object('idea_ids', coalesce((
        select jsonb_agg(l.idea_id order by l.idea_id)
        from public.idea_activity_links l join public.public_ideas v on v.id = l.idea_id
        where l.activity_id = a.id), '[]'::jsonb))
      order by a.region, a.objective_position, a.position)
    from public.public_plan_activities a
    where p_region is null or a.region = p_region), '[]'::jsonb);
end
$$;

-- moderation_log_entries ------------------------------------------------------------------
-- Read-only, newest first, with the actor's name. Moderators see their
-- region; coordinators any region or all (p_region null).
create function public.moderation_log_entries(
  p_region text default null, p_action text default null, p_from timestamptz default null,
  p_to timestamptz default null, p_limit int default 50, p_offset int default 0
) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_region text := p_region;
  v_limit int := least(greatest(coalesce(p_limit, 50), 1), 200);
  v_offset int := greatest(coalesce(p_offset, 0), 0);
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  if not private.is_coordinator() then
    v_region := private.committee_region(p_region);
  end if;
  return jsonb_build_object(
    'total', (select count(*) from public.moderation_log l
      where (v_region is null or l.region = v_region) and (p_action is null or l.action = p_action)
        and (p_from is null or l.at >= p_from) and (p_to is null or l.at < p_to)),
    'items', coalesce((
      select jsonb_agg(jsonb_build_object('id', e.id, 'at', e.at, 'action', e.action, 'region', e.region,
        'idea_id', e.idea_id, 'actor_name', e.actor_name, 'before', e.before, 'after', e.after) order by e.at desc, e.id desc)
      from (
        select l.*, (select p.display_name from public.profiles p where p.id = l.actor) as actor_name
        from public.moderation_log l
        where (v_region is null or l.region = v_region) and (p_action is null or l.action = p_action)
          and (p_from is null or l.at >= p_from) and (p_to is null or l.at < p_to)
        order by l.at desc, l.id desc
        limit v_limit offset v_offset
      ) e), '[]'::jsonb));
end
$$;

-- admin_overview ---------------------------------------------------------------------------
-- The coordinator's lists: teachers (waiting first), committee members per
-- region, open calls not yet closed.
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
        'region', m.region, 'appointed_at', m.appointed_at) order by m.region, p.display_name)
      from public.committee_members m join public.profiles p on p.id = m.user_id left join auth.users u on u.id = m.user_id), '[]'::jsonb),
    'calls', coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'region', s.region, 'join_code', s.join_code,
        'opens_at', s.opens_at, 'closes_at', s.closes_at, 'max_ideas', s.max_ideas) order by s.region, s.opens_at)
      from public.class_sessions s where s.kind = 'open_call' and s.closed_at is null and s.closes_at > now()), '[]'::jsonb)
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
  public.export_region_ideas(text, uuid, int),
  public.export_region_plan(text),
  public.moderation_log_entries(text, text, timestamptz, timestamptz, int, int),
  public.admin_overview(),
  public.find_users(text),
  public.remove_teacher(uuid)
  from public, anon, authenticated, service_role;
grant execute on function
  public.export_region_ideas(text, uuid, int),
  public.export_region_plan(text),
  public.moderation_log_entries(text, text, timestamptz, timestamptz, int, int),
  public.admin_overview(),
  public.find_users(text),
  public.remove_teacher(uuid)
  to authenticated;

-- public_idea_statistics ---------------------------------------------------------------------
-- One row per scope (a region, or 'all' for the country) and measure:
--   kind 'month'   key = first day of the month    submitted, published, adopted
--   kind 'theme'   key = theme                     submitted, published, adopted
--   kind 'total'   key = 'all'                     submitted, published, adopted, median_days
-- published = approved or adopted. median_days: submission to first
-- moderation decision. Any count under 10 is null (as region_statistics), so
-- a small class cannot be picked out; the median needs 10 decisions too.
-- A view rather than a function so anon reads it like public_ideas.
create view public.public_idea_statistics with (security_barrier = true) as
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
comment on view public.public_idea_statistics is
  'Counts of ideas per region (and all) by month, theme and in total, with the median days to a decision; cells under 10 are null.';

revoke all on public.public_idea_statistics from anon, authenticated;
revoke insert, update, delete, truncate on public.public_idea_statistics from service_role;
grant select on public.public_idea_statistics to anon, authenticated;
