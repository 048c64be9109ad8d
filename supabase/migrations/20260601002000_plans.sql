-- Regional action plans: plan (region, period) -> objectives (pillar, code)
-- -> activities (institution, indicator, timeline, status, progress).
-- Tables: plans, plan_objectives, plan_activities.

create table public.plans (
  id uuid primary key default gen_random_uuid(),
  region text not null references public.regions (slug),
  period_start date not null,
  period_end date not null,
  title text not null check (char_length(title) between 1 and 300),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  constraint plans_period_order check (period_end >= period_start)
);
comment on table public.plans is 'A regional anti-trafficking action plan for a period; is_demo marks invented seed data.';
alter table public.plans enable row level security;

create table public.plan_objectives (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references public.plans (id) on delete cascade,
  pillar text not null references public.pillars (slug),
  code text not null check (char_length(code) between 1 and 20),
  title_sq text not null check (char_length(title_sq) between 1 and 500),
  title_en text check (char_length(title_en) between 1 and 500),
  position int not null default 0,
  archived_at timestamptz,
  unique (plan_id, code)
);
comment on table public.plan_objectives is 'Objectives of a plan, each under one pillar, with the code used in the official plan.';
alter table public.plan_objectives enable row level security;

create table public.plan_activities (
  id uuid primary key default gen_random_uuid(),
  objective_id uuid not null references public.plan_objectives (id) on delete cascade,
  title text not null check (char_length(title) between 1 and 500),
  description text check (char_length(description) <= 4000),
  responsible_institution text not null check (char_length(responsible_institution) between 1 and 300),
  partners text[] not null default '{}',
  indicator text check (char_length(indicator) <= 1000),
  target text check (char_length(target) <= 1000),
  timeline_start date,
  timeline_end date,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'archived')),
  progress int not null default 0 check (progress between 0 and 100),
  position int not null default 0,
  updated_at timestamptz not null default now(),
  constraint plan_activities_timeline_order check (timeline_end is null or timeline_start is null or timeline_end >= timeline_start)
);
comment on table public.plan_activities is 'Activities of an objective: who does what, measured how, by when, and how far along.';
alter table public.plan_activities enable row level security;

create index plans_region_idx on public.plans (region);
create index plan_objectives_plan_id_idx on public.plan_objectives (plan_id);
create index plan_objectives_pillar_idx on public.plan_objectives (pillar);
create index plan_activities_objective_id_idx on public.plan_activities (objective_id);

-- security definer: resolves the region of a plan row for policies without
-- going through the plan tables' own policies.
create function private.plan_region(p_plan_id uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select p.region from public.plans p where p.id = p_plan_id
$$;

create function private.objective_region(p_objective_id uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select p.region
  from public.plan_objectives o join public.plans p on p.id = o.plan_id
  where o.id = p_objective_id
$$;

grant execute on function private.plan_region(uuid), private.objective_region(uuid) to authenticated, service_role;

revoke all on public.plans, public.plan_objectives, public.plan_activities from anon, authenticated;
grant select, insert, update, delete on public.plans to authenticated;
-- Objectives and activities are written only through the logged plan-editor
-- functions (20260601007000_plan_editor.sql): no write policy and no write
-- privilege, so a direct write fails with a clear 42501 and a policy added
-- later by mistake cannot reopen a write without a moderation_log row.
grant select on public.plan_objectives, public.plan_activities to authenticated;
grant select on public.plans, public.plan_objectives, public.plan_activities to anon;

-- Regional action plans are public documents: anyone reads them, directly or
-- through public_plan_activities (which runs with the caller's rights).
create policy "Anyone can read plans" on public.plans
  for select to anon, authenticated using (true);
create policy "Coordinators can create plans" on public.plans
  for insert to authenticated with check ((select private.is_coordinator()));
create policy "Coordinators can update plans" on public.plans
  for update to authenticated
  using ((select private.is_coordinator()))
  with check ((select private.is_coordinator()));
create policy "Coordinators can delete plans" on public.plans
  for delete to authenticated using ((select private.is_coordinator()));

create policy "Anyone can read objectives" on public.plan_objectives
  for select to anon, authenticated using (true);

create policy "Anyone can read activities" on public.plan_activities
  for select to anon, authenticated using (true);
