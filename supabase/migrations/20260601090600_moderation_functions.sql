-- What committees do with ideas: mark read, approve with a public text,
-- reject with a reason, escalate a safeguarding concern, link to a plan
-- activity, answer a student's question. Every change is logged.
-- Functions: mark_idea_read, approve_idea, reject_idea, escalate_idea,
-- link_idea_to_activity, answer_question.
-- security definer: ideas have no update policy (every change must be logged),
-- so these functions are the only writers; each checks the caller first.

-- Locks the idea and checks the caller may moderate its region.
create function private.idea_for_moderation(p_idea_id uuid) returns public.ideas
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas;
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  select * into i from public.ideas where id = p_idea_id for update;
  if not found then
    perform private.raise_code('idea_unknown');
  end if;
  if not private.can_moderate(i.region) then
    perform private.raise_code('not_allowed');
  end if;
  return i;
end
$$;

-- The row lock above makes a second moderator wait; once the first commits,
-- the second finds the new status and is told who got there first.
create function private.require_pending(p_idea public.ideas) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_idea.status <> 'pending' then
    raise exception using errcode = 'P0001', message = 'already_moderated',
      detail = coalesce((select p.display_name from public.profiles p where p.id = p_idea.moderated_by), ''),
      hint = p_idea.status;
  end if;
end
$$;

-- Optional feedback text: null or trimmed 1..500.
create function private.clean_feedback(p_text text) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  v text := nullif(private.clean_text(p_text), '');
begin
  if v is not null and char_length(v) > 500 then
    perform private.raise_code('invalid_feedback');
  end if;
  return v;
end
$$;

create function private.moderation_result(p_idea_id uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('id', i.id, 'status', i.status, 'read_at', i.read_at,
    'moderated_at', i.moderated_at, 'moderated_by', i.moderated_by)
  from public.ideas i where i.id = p_idea_id
$$;

-- mark_idea_read --------------------------------------------------------------------
create function public.mark_idea_read(p_idea_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas := private.idea_for_moderation(p_idea_id);
begin
  if i.read_at is null then
    update public.ideas set read_at = now() where id = i.id;
    perform private.log('read', i.id, i.region, null, jsonb_build_object('read_at', now()));
  end if;
  return private.moderation_result(i.id);
end
$$;

-- approve_idea ---------------------------------------------------------------------
create function public.approve_idea(
  p_idea_id uuid, p_public_text text, p_feedback_sq text default null, p_feedback_en text default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas := private.idea_for_moderation(p_idea_id);
  v_public text := private.clean_text(p_public_text);
  v_sq text := private.clean_feedback(p_feedback_sq);
  v_en text := private.clean_feedback(p_feedback_en);
begin
  perform private.require_pending(i);
  if v_public is null or char_length(v_public) not between 10 and 1000 then
    perform private.raise_code('invalid_public_text');
  end if;
  if jsonb_array_length(private.detect_personal_data(v_public)) > 0 then
    perform private.raise_code('public_text_personal_data');
  end if;
  update public.ideas
  set status = 'approved', public_text = v_public, feedback_sq = v_sq, feedback_en = v_en,
      read_at = coalesce(read_at, now()), moderated_at = now(), moderated_by = (select auth.uid())
  where id = i.id;
  perform private.log('approve', i.id, i.region,
    jsonb_build_object('status', i.status),
    jsonb_build_object('status', 'approved', 'redacted', v_public <> i.text,
      'public_text_length', char_length(v_public),
      'feedback', jsonb_build_array(v_sq is not null, v_en is not null)));
  return private.moderation_result(i.id);
end
$$;

-- reject_idea -----------------------------------------------------------------------
create function public.reject_idea(
  p_idea_id uuid, p_reason text, p_feedback_sq text default null, p_feedback_en text default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas := private.idea_for_moderation(p_idea_id);
  v_sq text := private.clean_feedback(p_feedback_sq);
  v_en text := private.clean_feedback(p_feedback_en);
begin
  perform private.require_pending(i);
  if p_reason is null or p_reason not in ('off_topic', 'duplicate', 'personal_data', 'inappropriate', 'other') then
    perform private.raise_code('invalid_reason');
  end if;
  update public.ideas
  set status = 'rejected', reject_reason = p_reason, feedback_sq = v_sq, feedback_en = v_en,
      read_at = coalesce(read_at, now()), moderated_at = now(), moderated_by = (select auth.uid())
  where id = i.id;
  perform private.log('reject', i.id, i.region,
    jsonb_build_object('status', i.status),
    jsonb_build_object('status', 'rejected', 'reason', p_reason));
  return private.moderation_result(i.id);
end
$$;

-- escalate_idea ----------------------------------------------------------------------
-- p_informed records the referral: who was told (e.g. the school psychologist,
-- the child protection unit). Retention counts from this moment.
create function public.escalate_idea(p_idea_id uuid, p_informed text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas := private.idea_for_moderation(p_idea_id);
  v_informed text := private.clean_text(p_informed);
begin
  perform private.require_pending(i);
  if v_informed is null or char_length(v_informed) not between 1 and 500 then
    perform private.raise_code('invalid_informed');
  end if;
  update public.ideas
  set status = 'escalated', escalated_at = now(), escalation_informed = v_informed,
      read_at = coalesce(read_at, now()), moderated_at = now(), moderated_by = (select auth.uid())
  where id = i.id;
  perform private.log('escalate', i.id, i.region,
    jsonb_build_object('status', i.status), jsonb_build_object('status', 'escalated'));
  return private.moderation_result(i.id);
end
$$;

-- link_idea_to_activity ----------------------------------------------------------------
create function public.link_idea_to_activity(
  p_idea_id uuid, p_activity_id uuid, p_note text default null,
  p_feedback_sq text default null, p_feedback_en text default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas := private.idea_for_moderation(p_idea_id);
  v_note text := nullif(private.clean_text(p_note), '');
  v_sq text := private.clean_feedback(p_feedback_sq);
  v_en text := private.clean_feedback(p_feedback_en);
  v_activity_region text;
begin
  if i.status not in ('approved', 'adopted') then
    perform private.raise_code('idea_not_approved');
  end if;
  select private.objective_region(a.objective_id) into v_activity_region
  from public.plan_activities a where a.id = p_activity_id;
  if not found then
    perform private.raise_code('activity_unknown');
  end if;
  if v_activity_region <> i.region then
    perform private.raise_code('activity_other_region');
  end if;
  if v_note is not null and char_length(v_note) > 500 then
    perform private.raise_code('invalid_note');
  end if;
  if exists (select 1 from public.idea_activity_links l where l.idea_id = i.id and l.activity_id = p_activity_id) then
    perform private.raise_code('already_linked');
  end if;
  insert into public.idea_activity_links (idea_id, activity_id, linked_by, note)
  values (i.id, p_activity_id, (select auth.uid()), v_note);
  update public.ideas
  set status = 'adopted', feedback_sq = coalesce(v_sq, feedback_sq), feedback_en = coalesce(v_en, feedback_en),
      moderated_at = now(), moderated_by = (select auth.uid())
  where id = i.id;
  perform private.log('link', i.id, i.region,
    jsonb_build_object('status', i.status),
    jsonb_build_object('status', 'adopted', 'activity_id', p_activity_id));
  return private.moderation_result(i.id);
end
$$;

-- answer_question -----------------------------------------------------------------------
create function public.answer_question(p_question_id uuid, p_answer text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  q public.idea_questions;
  i public.ideas;
  v_answer text := private.clean_text(p_answer);
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  select * into q from public.idea_questions where id = p_question_id for update;
  if not found then
    perform private.raise_code('question_unknown');
  end if;
  i := private.idea_for_moderation(q.idea_id);
  if q.answer is not null then
    perform private.raise_code('already_answered');
  end if;
  if v_answer is null or char_length(v_answer) not between 1 and 1000 then
    perform private.raise_code('invalid_answer');
  end if;
  update public.idea_questions
  set answer = v_answer, answered_at = now(), answered_by = (select auth.uid())
  where id = q.id;
  perform private.log('answer', i.id, i.region, null, jsonb_build_object('question_id', q.id));
  return jsonb_build_object('id', q.id, 'answered_at', now());
end
$$;

revoke all on function
  public.mark_idea_read(uuid),
  public.approve_idea(uuid, text, text, text),
  public.reject_idea(uuid, text, text, text),
  public.escalate_idea(uuid, text),
  public.link_idea_to_activity(uuid, uuid, text, text, text),
  public.answer_question(uuid, text)
  from public, anon, authenticated, service_role;
grant execute on function
  public.mark_idea_read(uuid),
  public.approve_idea(uuid, text, text, text),
  public.reject_idea(uuid, text, text, text),
  public.escalate_idea(uuid, text),
  public.link_idea_to_activity(uuid, uuid, text, text, text),
  public.answer_question(uuid, text)
  to authenticated;
