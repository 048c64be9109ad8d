-- The regional plan editor: moderators (for their region) and coordinators
-- create, edit, reorder and archive objectives and activities; every change
-- is logged. The activity rules are those of src/lib/schemas/planActivity.ts
-- (tests/db/62 keeps them in step).
-- Tables touched: plan_objectives, plan_activities, moderation_log.
-- Functions: committee_plan, save_plan_objective, save_plan_activity,
-- reorder_plan_objectives, reorder_plan_activities, archive_plan_objective,
-- archive_plan_activity, export_region_plan.
-- security definer: objectives have no write policy for moderators, and the
-- activity policies would let a write skip the log; these functions are the
-- logged way in and check the caller first.

-- The responsible institutions of src/lib/schemas/planActivity.ts; 'other'
-- stores the free text instead of the key.
create function private.plan_institutions() returns text[]
language sql immutable set search_path = ''
as $$
  select array['prefecture', 'state_police', 'border_migration_police', 'state_social_service', 'public_health',
    'education_directorate', 'employment_office', 'civil_society', 'other']
$$;

create function private.plan_for_editor(p_plan_id uuid) returns public.plans
language plpgsql stable security definer set search_path = ''
as $$
declare
  p public.plans;
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  select * into p from public.plans where id = p_plan_id;
  if not found then
    perform private.raise_code('plan_unknown');
  end if;
  if not private.can_moderate(p.region) then
    perform private.raise_code('not_allowed');
  end if;
  return p;
end
$$;

-- committee_plan ----------------------------------------------------------------------
-- The region's plans with every objective and activity, archived ones included.
create function public.committee_plan(p_region text default null) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_region text := private.committee_region(p_region);
begin
  return jsonb_build_object('region', v_region, 'plans', coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', p.id, 'title', p.title, 'period_start', p.period_start, 'period_end', p.period_end, 'is_demo', p.is_demo,
      'objectives', coalesce((
        select jsonb_agg(jsonb_build_object(
          'id', o.id, 'pillar', o.pillar, 'code', o.code, 'title_sq', o.title_sq, 'title_en', o.title_en,
          'position', o.position, 'archived_at', o.archived_at,
          'activities', coalesce((
            select jsonb_agg(to_jsonb(a) - 'objective_id' || jsonb_build_object('idea_count',
              (select count(*) from public.idea_activity_links l where l.activity_id = a.id))
              order by a.position, a.title)
            from public.plan_activities a where a.objective_id = o.id), '[]'::jsonb)
        ) order by o.position, o.code)
        from public.plan_objectives o where o.plan_id = p.id), '[]'::jsonb)
    ) order by p.period_start desc)
    from public.plans p where p.region = v_region), '[]'::jsonb));
end
$$;

-- save_plan_objective ---------------------------------------------------------------------
-- p_id null creates (at the end of the plan), otherwise updates.
create function public.save_plan_objective(
  p_plan_id uuid, p_pillar text, p_code text, p_title_sq text, p_title_en text default null, p_id uuid default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p public.plans := private.plan_for_editor(p_plan_id);
  v_code text := private.clean_text(p_code);
  v_sq text := private.clean_text(p_title_sq);
  v_en text := nullif(private.clean_text(p_title_en), '');
  o public.plan_objectives;
  v_before public.plan_objectives;
begin
  if p_pillar is null or not exists (select 1 from public.pillars x where x.slug = p_pillar) then
    perform private.raise_code('invalid_pillar');
  end if;
  if v_code is null or char_length(v_code) not between 1 and 20 then
    perform private.raise_code('invalid_code');
  end if;
  if v_sq is null or char_length(v_sq) not between 3 and 500 or (v_en is not null and char_length(v_en) > 500) then
    perform private.raise_code('invalid_title');
  end if;
  if exists (select 1 from public.plan_objectives x where x.plan_id = p.id and x.code = v_code and x.id is distinct from p_id) then
    perform private.raise_code('code_taken');
  end if;
  if p_id is null then
    insert into public.plan_objectives (plan_id, pillar, code, title_sq, title_en, position)
    values (p.id, p_pillar, v_code, v_sq, v_en,
      coalesce((select max(x.position) + 1 from public.plan_objectives x where x.plan_id = p.id), 1))
    returning * into o;
  else
    select * into v_before from public.plan_objectives x where x.id = p_id and x.plan_id = p.id for update;
    if not found then
      perform private.raise_code('objective_unknown');
    end if;
    update public.plan_objectives set pillar = p_pillar, code = v_code, title_sq = v_sq, title_en = v_en
    where id = p_id returning * into o;
  end if;
  perform private.log('plan_objective', null, p.region,
    case when v_before.id is not null then jsonb_build_object('objective_id', v_before.id, 'pillar', v_before.pillar, 'code', v_before.code) end,
    jsonb_build_object('objective_id', o.id, 'plan_id', p.id, 'pillar', o.pillar, 'code', o.code));
  return to_jsonb(o);
end
$$;

-- save_plan_activity ----------------------------------------------------------------------
create function public.save_plan_activity(
  p_objective_id uuid, p_title text, p_responsible_institution text, p_timeline_start date, p_timeline_end date,
  p_description text default null, p_institution_other text default null, p_partners text[] default '{}',
  p_indicator text default null, p_target text default null, p_status text default 'planned',
  p_progress int default 0, p_id uuid default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_region text := private.objective_region(p_objective_id);
  v_title text := private.clean_text(p_title);
  v_description text := nullif(private.clean_text(p_description), '');
  v_other text := nullif(private.clean_text(p_institution_other), '');
  v_indicator text := nullif(private.clean_text(p_indicator), '');
  v_target text := nullif(private.clean_text(p_target), '');
  v_partners text[];
  v_institution text;
  a public.plan_activities;
  v_before public.plan_activities;
begin
  if (select auth.uid()) is null or v_region is null or not private.can_moderate(v_region) then
    perform private.raise_code('not_allowed');
  end if;
  if v_title is null or char_length(v_title) not between 3 and 200 then
    perform private.raise_code('invalid_title');
  end if;
  if v_description is not null and char_length(v_description) > 2000 then
    perform private.raise_code('invalid_description');
  end if;
  if p_responsible_institution is null or p_responsible_institution <> all (private.plan_institutions()) then
    perform private.raise_code('invalid_institution');
  end if;
  if p_responsible_institution = 'other' and (v_other is null or char_length(v_other) not between 2 and 200) then
    perform private.raise_code('invalid_institution');
  end if;
  v_institution := case when p_responsible_institution = 'other' then v_other else p_responsible_institution end;
  select coalesce(array_agg(private.clean_text(x) order by n), '{}') into v_partners
  from unnest(coalesce(p_partners, '{}')) with ordinality as u(x, n);
  if cardinality(v_partners) > 20
     or exists (select 1 from unnest(v_partners) x where x is null or char_length(x) not between 1 and 120) then
    perform private.raise_code('invalid_partners');
  end if;
  if (v_indicator is not null and char_length(v_indicator) > 500) or (v_target is not null and char_length(v_target) > 500) then
    perform private.raise_code('invalid_indicator');
  end if;
  if p_timeline_start is null or p_timeline_end is null or p_timeline_end < p_timeline_start then
    perform private.raise_code('invalid_timeline');
  end if;
  if p_status is null or p_status not in ('planned', 'in_progress', 'done', 'archived') then
    perform private.raise_code('invalid_status');
  end if;
  if p_progress is null or p_progress not between 0 and 100 then
    perform private.raise_code('invalid_progress');
  end if;

  if p_id is null then
    insert into public.plan_activities (objective_id, title, description, responsible_institution, partners,
      indicator, target, timeline_start, timeline_end, status, progress, position)
    values (p_objective_id, v_title, v_description, v_institution, v_partners, v_indicator, v_target,
      p_timeline_start, p_timeline_end, p_status, p_progress,
      coalesce((select max(x.position) + 1 from public.plan_activities x where x.objective_id = p_objective_id), 1))
    returning * into a;
  else
    select * into v_before from public.plan_activities x where x.id = p_id for update;
    if not found then
      perform private.raise_code('activity_unknown');
    end if;
    -- Moving an activity to another objective stays inside the region.
    if private.objective_region(v_before.objective_id) <> v_region then
      perform private.raise_code('not_allowed');
    end if;
    update public.plan_activities set objective_id = p_objective_id, title = v_title, description = v_description,
      responsible_institution = v_institution, partners = v_partners, indicator = v_indicator, target = v_target,
      timeline_start = p_timeline_start, timeline_end = p_timeline_end, status = p_status, progress = p_progress,
      updated_at = now()
    where id = p_id returning * into a;
  end if;
  perform private.log('plan_activity', null, v_region,
    case when v_before.id is not null then jsonb_build_object('activity_id', v_before.id, 'status', v_before.status,
      'progress', v_before.progress) end,
    jsonb_build_object('activity_id', a.id, 'objective_id', a.objective_id, 'status', a.status, 'progress', a.progress));
  return to_jsonb(a);
end
$$;

-- reorder -----------------------------------------------------------------------------------
-- p_ids lists every objective of the plan (or activity of the objective) in
-- the new order; anything else is refused so a stale screen cannot drop rows.
create function public.reorder_plan_objectives(p_plan_id uuid, p_ids uuid[]) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  p public.plans := private.plan_for_editor(p_plan_id);
begin
  if p_ids is null or (select array_agg(x order by x) from unnest(p_ids) x)
     is distinct from (select array_agg(o.id order by o.id) from public.plan_objectives o where o.plan_id = p.id) then
    perform private.raise_code('invalid_order');
  end if;
  update public.plan_objectives o set position = u.n
  from unnest(p_ids) with ordinality as u(id, n) where o.id = u.id;
  perform private.log('plan_reorder', null, p.region, null, jsonb_build_object('plan_id', p.id, 'ids', to_jsonb(p_ids)));
  return jsonb_build_object('plan_id', p.id, 'ids', to_jsonb(p_ids));
end
$$;

create function public.reorder_plan_activities(p_objective_id uuid, p_ids uuid[]) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_region text := private.objective_region(p_objective_id);
begin
  if (select auth.uid()) is null or v_region is null or not private.can_moderate(v_region) then
    perform private.raise_code('not_allowed');
  end if;
  if p_ids is null or (select array_agg(x order by x) from unnest(p_ids) x)
     is distinct from (select array_agg(a.id order by a.id) from public.plan_activities a where a.objective_id = p_objective_id) then
    perform private.raise_code('invalid_order');
  end if;
  update public.plan_activities a set position = u.n, updated_at = now()
  from unnest(p_ids) with ordinality as u(id, n) where a.id = u.id;
  perform private.log('plan_reorder', null, v_region, null,
    jsonb_build_object('objective_id', p_objective_id, 'ids', to_jsonb(p_ids)));
  return jsonb_build_object('objective_id', p_objective_id, 'ids', to_jsonb(p_ids));
end
$$;

-- archive -------------------------------------------------------------------------------------
-- Archiving hides from the public pages but keeps rows and adopted-idea links.
create function public.archive_plan_activity(p_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  a public.plan_activities;
  v_region text;
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  select * into a from public.plan_activities where id = p_id for update;
  if not found then
    perform private.raise_code('activity_unknown');
  end if;
  v_region := private.objective_region(a.objective_id);
  if not private.can_moderate(v_region) then
    perform private.raise_code('not_allowed');
  end if;
  update public.plan_activities set status = 'archived', updated_at = now() where id = p_id;
  perform private.log('plan_archive', null, v_region, jsonb_build_object('activity_id', a.id, 'status', a.status),
    jsonb_build_object('activity_id', a.id, 'status', 'archived'));
  return jsonb_build_object('id', a.id, 'status', 'archived');
end
$$;

create function public.archive_plan_objective(p_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  o public.plan_objectives;
  v_region text;
  v_archived int;
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  select * into o from public.plan_objectives where id = p_id for update;
  if not found then
    perform private.raise_code('objective_unknown');
  end if;
  v_region := private.plan_region(o.plan_id);
  if not private.can_moderate(v_region) then
    perform private.raise_code('not_allowed');
  end if;
  update public.plan_objectives set archived_at = coalesce(archived_at, now()) where id = p_id;
  update public.plan_activities set status = 'archived', updated_at = now()
  where objective_id = p_id and status <> 'archived';
  get diagnostics v_archived = row_count;
  perform private.log('plan_archive', null, v_region, null,
    jsonb_build_object('objective_id', o.id, 'activities', v_archived));
  return jsonb_build_object('id', o.id, 'archived_activities', v_archived);
end
$$;

revoke all on function
  public.committee_plan(text),
  public.save_plan_objective(uuid, text, text, text, text, uuid),
  public.save_plan_activity(uuid, text, text, date, date, text, text, text[], text, text, text, int, uuid),
  public.reorder_plan_objectives(uuid, uuid[]),
  public.reorder_plan_activities(uuid, uuid[]),
  public.archive_plan_activity(uuid),
  public.archive_plan_objective(uuid)
  from public, anon, authenticated, service_role;
grant execute on function
  public.committee_plan(text),
  public.save_plan_objective(uuid, text, text, text, text, uuid),
  public.save_plan_activity(uuid, text, text, date, date, text, text, text[], text, text, text, int, uuid),
  public.reorder_plan_objectives(uuid, uuid[]),
  public.reorder_plan_activities(uuid, uuid[]),
  public.archive_plan_activity(uuid),
  public.archive_plan_objective(uuid)
  to authenticated;

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

revoke all on function public.export_region_plan(text) from public, anon, authenticated, service_role;
grant execute on function public.export_region_plan(text) to authenticated;
