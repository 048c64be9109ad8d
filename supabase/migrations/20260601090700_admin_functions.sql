-- Administration: coordinators approve teachers and appoint moderators;
-- committees open regional calls; session owners close or extend sessions.
-- Functions: approve_teacher, appoint_moderator, remove_moderator, open_call,
-- close_session, extend_session.
-- security definer: the role tables and closed_at have no write grants for
-- authenticated; these functions are the audited way in.

create function private.require_coordinator() returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null or not private.is_coordinator() then
    perform private.raise_code('not_allowed');
  end if;
end
$$;

-- approve_teacher -----------------------------------------------------------------------
create function public.approve_teacher(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t public.teachers;
begin
  perform private.require_coordinator();
  select * into t from public.teachers where user_id = p_user_id for update;
  if not found then
    perform private.raise_code('teacher_unknown');
  end if;
  if t.approved_at is null then
    update public.teachers set approved_at = now(), approved_by = (select auth.uid())
    where user_id = p_user_id returning * into t;
    perform private.log('approve_teacher', null, t.region, null,
      jsonb_build_object('user_id', t.user_id, 'region', t.region));
  end if;
  return jsonb_build_object('user_id', t.user_id, 'region', t.region, 'approved_at', t.approved_at);
end
$$;

-- appoint_moderator ---------------------------------------------------------------------
-- A member sits on one committee; appointing to another region moves them.
create function public.appoint_moderator(p_user_id uuid, p_region text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_before text;
begin
  perform private.require_coordinator();
  if not exists (select 1 from public.regions r where r.slug = p_region) then
    perform private.raise_code('invalid_region');
  end if;
  if not exists (select 1 from public.profiles p where p.id = p_user_id) then
    perform private.raise_code('user_unknown');
  end if;
  select region into v_before from public.committee_members where user_id = p_user_id;
  insert into public.committee_members (user_id, region, appointed_by)
  values (p_user_id, p_region, (select auth.uid()))
  on conflict (user_id) do update
    set region = excluded.region, appointed_at = now(), appointed_by = excluded.appointed_by;
  perform private.log('appoint_moderator', null, p_region,
    case when v_before is not null then jsonb_build_object('user_id', p_user_id, 'region', v_before) end,
    jsonb_build_object('user_id', p_user_id, 'region', p_region));
  return jsonb_build_object('user_id', p_user_id, 'region', p_region);
end
$$;

-- remove_moderator ----------------------------------------------------------------------
create function public.remove_moderator(p_user_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_region text;
begin
  perform private.require_coordinator();
  delete from public.committee_members where user_id = p_user_id returning region into v_region;
  if v_region is not null then
    perform private.log('remove_moderator', null, v_region,
      jsonb_build_object('user_id', p_user_id, 'region', v_region), null);
  end if;
  return jsonb_build_object('removed', v_region is not null);
end
$$;

-- open_call -------------------------------------------------------------------------------
create function public.open_call(
  p_region text, p_opens_at timestamptz, p_closes_at timestamptz, p_max_ideas int default 500
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions;
begin
  if (select auth.uid()) is null or not private.can_moderate(p_region) then
    perform private.raise_code('not_allowed');
  end if;
  if not exists (select 1 from public.regions r where r.slug = p_region) then
    perform private.raise_code('invalid_region');
  end if;
  if p_opens_at is null or p_closes_at is null or p_closes_at <= p_opens_at or p_closes_at <= now()
     or p_closes_at > p_opens_at + interval '180 days' then
    perform private.raise_code('invalid_window');
  end if;
  if p_max_ideas is null or p_max_ideas not between 1 and 10000 then
    perform private.raise_code('invalid_max_ideas');
  end if;
  insert into public.class_sessions (kind, teacher_id, region, opens_at, closes_at, max_ideas, created_by)
  values ('open_call', null, p_region, p_opens_at, p_closes_at, p_max_ideas, (select auth.uid()))
  returning * into s;
  perform private.log('open_call', null, p_region, null,
    jsonb_build_object('session_id', s.id, 'opens_at', s.opens_at, 'closes_at', s.closes_at, 'max_ideas', s.max_ideas));
  return jsonb_build_object('id', s.id, 'join_code', s.join_code, 'region', s.region,
    'opens_at', s.opens_at, 'closes_at', s.closes_at, 'max_ideas', s.max_ideas);
end
$$;

-- Locks a session and checks the caller is its teacher, a moderator of its
-- region or a coordinator.
create function private.session_for_owner(p_session_id uuid) returns public.class_sessions
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions;
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  select * into s from public.class_sessions where id = p_session_id for update;
  if not found then
    perform private.raise_code('session_unknown');
  end if;
  if s.teacher_id is distinct from (select auth.uid()) and not private.can_moderate(s.region) then
    perform private.raise_code('not_allowed');
  end if;
  return s;
end
$$;

-- close_session ---------------------------------------------------------------------------
create function public.close_session(p_session_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions := private.session_for_owner(p_session_id);
begin
  if s.closed_at is null then
    update public.class_sessions set closed_at = now() where id = s.id returning * into s;
    perform private.log('close_session', null, s.region, null, jsonb_build_object('session_id', s.id));
  end if;
  return jsonb_build_object('id', s.id, 'closed_at', s.closed_at, 'closes_at', s.closes_at);
end
$$;

-- extend_session --------------------------------------------------------------------------
create function public.extend_session(p_session_id uuid, p_minutes int) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions := private.session_for_owner(p_session_id);
  v_before timestamptz := s.closes_at;
begin
  if p_minutes is null or p_minutes not between 1 and 1440 then
    perform private.raise_code('invalid_minutes');
  end if;
  if s.closed_at is not null then
    perform private.raise_code('session_closed');
  end if;
  update public.class_sessions
  set closes_at = greatest(closes_at, now()) + make_interval(mins => p_minutes)
  where id = s.id returning * into s;
  perform private.log('extend_session', null, s.region,
    jsonb_build_object('session_id', s.id, 'closes_at', v_before),
    jsonb_build_object('session_id', s.id, 'closes_at', s.closes_at));
  return jsonb_build_object('id', s.id, 'closes_at', s.closes_at);
end
$$;

revoke all on function
  public.approve_teacher(uuid),
  public.appoint_moderator(uuid, text),
  public.remove_moderator(uuid),
  public.open_call(text, timestamptz, timestamptz, int),
  public.close_session(uuid),
  public.extend_session(uuid, int)
  from public, anon, authenticated, service_role;
grant execute on function
  public.approve_teacher(uuid),
  public.appoint_moderator(uuid, text),
  public.remove_moderator(uuid),
  public.open_call(text, timestamptz, timestamptz, int),
  public.close_session(uuid),
  public.extend_session(uuid, int)
  to authenticated;
