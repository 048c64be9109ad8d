-- What committees do with ideas: mark read, approve (the original with masked spans),
-- reject with a reason, escalate a safeguarding concern, link to a plan
-- activity, answer a student's question; the queue, the dashboard, the export
-- and the moderation log as people read it. Every change is logged.
-- Functions: mark_idea_read, approve_idea, escalate_idea, clear_safeguarding_flag,
-- break_glass_flagged_idea, moderation_queue, committee_dashboard,
-- similar_ideas, reject_with_feedback, reject_ideas, adopt_idea,
-- reply_to_question, export_region_ideas, moderation_log_entries;
-- internal steps reject_idea, link_idea_to_activity, answer_question.
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

-- Deciding on a flagged idea (rejecting it, referring it, answering its
-- questions) is for those who may read its words: the region's safeguarding
-- officers. Anyone else would decide blind.
create function private.require_officer_for_flagged(p_idea public.ideas) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if private.has_flagged_words(p_idea) and not private.is_safeguarding_officer_of(p_idea.region) then
    perform private.raise_code('flagged_officer_only');
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
-- The child's words stay the child's: what is published is the original with
-- the spans a moderator masked replaced by a marker in the idea's language
-- ("[hequr]", "[removed]"), and nothing else; there is no argument through
-- which a moderator could send other words. p_masks is a jsonb array of
-- {start, end, reason}: code-point offsets into the original (as the
-- detectors report them), end exclusive, non-overlapping, at most 50, the
-- reason one of private.mask_reasons(). Each mask is logged with its reason;
-- never the words it hid.

-- Why a moderator may hide part of a child's words: the same list as
-- src/lib/maskReasons.ts (tests/db/22 keeps them equal).
create function private.mask_reasons() returns text[]
language sql immutable set search_path = ''
as $$
  select array['personal_data', 'real_person', 'identifying_place']
$$;

-- p_masks checked and sorted by start ({start, end, reason} only), or
-- invalid_masks: not an array, more than 50, a mask that is not an object
-- with integer start < end inside the text, an unknown reason, or overlaps.
create function private.checked_masks(p_text text, p_masks jsonb) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  v_masks jsonb := coalesce(p_masks, '[]'::jsonb);
  v_sorted jsonb := '[]'::jsonb;
  v_length int := char_length(p_text);
  v_previous_end int := 0;
  m jsonb;
begin
  if jsonb_typeof(v_masks) <> 'array' or jsonb_array_length(v_masks) > 50 then
    perform private.raise_code('invalid_masks');
  end if;
  for m in select value from jsonb_array_elements(v_masks) loop
    if jsonb_typeof(m) <> 'object' then
      perform private.raise_code('invalid_masks');
    end if;
    -- Offsets and a reason only: no room to carry words into the log.
    if exists (select 1 from jsonb_object_keys(m) k where k not in ('start', 'end', 'reason'))
      or jsonb_typeof(m -> 'start') is distinct from 'number' or jsonb_typeof(m -> 'end') is distinct from 'number'
      or jsonb_typeof(m -> 'reason') is distinct from 'string' then
      perform private.raise_code('invalid_masks');
    end if;
    if (m ->> 'start')::numeric <> trunc((m ->> 'start')::numeric)
      or (m ->> 'end')::numeric <> trunc((m ->> 'end')::numeric)
      or not ((m ->> 'reason') = any (private.mask_reasons()))
      or (m ->> 'start')::numeric < 0
      or (m ->> 'end')::numeric <= (m ->> 'start')::numeric
      or (m ->> 'end')::numeric > v_length then
      perform private.raise_code('invalid_masks');
    end if;
  end loop;
  for m in
    select jsonb_build_object('start', (e.value ->> 'start')::int, 'end', (e.value ->> 'end')::int, 'reason', e.value ->> 'reason')
    from jsonb_array_elements(v_masks) e
    order by (e.value ->> 'start')::int
  loop
    if (m ->> 'start')::int < v_previous_end then
      perform private.raise_code('invalid_masks');
    end if;
    v_previous_end := (m ->> 'end')::int;
    v_sorted := v_sorted || jsonb_build_array(m);
  end loop;
  return v_sorted;
end
$$;

-- The original with each (checked, sorted) mask replaced by p_marker.
create function private.masked_text(p_text text, p_masks jsonb, p_marker text) returns text
language plpgsql immutable set search_path = ''
as $$
declare
  v_result text := '';
  v_at int := 0;
  m jsonb;
begin
  for m in select value from jsonb_array_elements(p_masks) loop
    v_result := v_result || substr(p_text, v_at + 1, (m ->> 'start')::int - v_at) || p_marker;
    v_at := (m ->> 'end')::int;
  end loop;
  return v_result || substr(p_text, v_at + 1);
end
$$;

create function public.approve_idea(
  p_idea_id uuid, p_masks jsonb default '[]'::jsonb, p_feedback_sq text default null, p_feedback_en text default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas := private.idea_for_moderation(p_idea_id);
  v_sq text := private.clean_feedback(p_feedback_sq);
  v_en text := private.clean_feedback(p_feedback_en);
  v_masks jsonb;
  v_public text;
begin
  perform private.require_pending(i);
  -- The table's check would refuse it too; this says why, in a code the UI translates.
  if i.safeguarding_flag then
    perform private.raise_code('idea_flagged');
  end if;
  v_masks := private.checked_masks(i.text, p_masks);
  v_public := private.masked_text(i.text, v_masks, case i.locale when 'en' then '[removed]' else '[hequr]' end);
  -- Masking nearly everything of a short idea, or many short spans of a long
  -- one, can leave a text the table would refuse; say so in a code.
  if not private.text_fits(v_public, 10, 1000) then
    perform private.raise_code('invalid_public_text');
  end if;
  if jsonb_array_length(private.detect_personal_data(v_public)) > 0 then
    perform private.raise_code('public_text_personal_data');
  end if;
  update public.ideas
  set status = 'approved', public_text = v_public, feedback_sq = v_sq, feedback_en = v_en,
      read_at = coalesce(read_at, now()), moderated_at = now(), moderated_by = (select auth.uid()),
      published_at = now()
  where id = i.id;
  perform private.log('approve', i.id, i.region,
    jsonb_build_object('status', i.status),
    jsonb_build_object('status', 'approved', 'masks', v_masks,
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
  perform private.require_officer_for_flagged(i);
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
-- p_action records what was done, one of private.referral_actions() (the
-- child protection unit, 116 111, the police, the school psychologist, or
-- none, which needs p_reason). Retention counts from this moment.
create function public.escalate_idea(p_idea_id uuid, p_action text, p_reason text default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas := private.idea_for_moderation(p_idea_id);
  v_reason text := nullif(private.clean_text(p_reason), '');
begin
  perform private.require_pending(i);
  perform private.require_officer_for_flagged(i);
  if p_action is null or not (p_action = any (private.referral_actions())) then
    perform private.raise_code('invalid_referral_action');
  end if;
  if v_reason is not null and char_length(v_reason) > 500 then
    perform private.raise_code('invalid_referral_reason');
  end if;
  if p_action = 'none' and v_reason is null then
    perform private.raise_code('referral_reason_required');
  end if;
  update public.ideas
  set status = 'escalated', escalated_at = now(), escalation_informed = p_action,
      read_at = coalesce(read_at, now()), moderated_at = now(), moderated_by = (select auth.uid())
  where id = i.id;
  insert into public.referrals (idea_id, region, school, action, reason, referred_by)
  select i.id, i.region, s.school, p_action, v_reason, (select auth.uid())
  from public.class_sessions s where s.id = i.session_id;
  perform private.log('escalate', i.id, i.region,
    jsonb_build_object('status', i.status), jsonb_build_object('status', 'escalated', 'action', p_action));
  return private.moderation_result(i.id);
end
$$;

-- clear_safeguarding_flag -------------------------------------------------------------
-- Only the region's safeguarding officer clears a flag, with a reason from the
-- fixed list; the idea then follows the normal path (pending). The clearance
-- row is what lets private.protect_safeguarding_flag accept the change.
create function public.clear_safeguarding_flag(p_idea_id uuid, p_reason text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas;
begin
  select * into i from public.ideas where id = p_idea_id for update;
  if not found or not private.is_safeguarding_officer_of(i.region) then
    perform private.raise_code('not_allowed');
  end if;
  if not i.safeguarding_flag then
    perform private.raise_code('idea_not_flagged');
  end if;
  if i.status <> 'pending' then
    perform private.raise_code('already_moderated');
  end if;
  if p_reason is null or p_reason not in ('false_alarm', 'handled_child_agrees') then
    perform private.raise_code('invalid_clear_reason');
  end if;
  insert into public.safeguarding_clearances (idea_id, region, officer_id, reason)
  values (i.id, i.region, (select auth.uid()), p_reason);
  update public.ideas set safeguarding_flag = false where id = i.id;
  perform private.log('clear_flag', i.id, i.region,
    jsonb_build_object('safeguarding_flag', true), jsonb_build_object('safeguarding_flag', false, 'reason', p_reason));
  return private.moderation_result(i.id);
end
$$;

-- break_glass_flagged_idea ------------------------------------------------------------
-- The national coordinator reads a flagged idea's words only here, saying
-- why (10 to 300 characters); each read is logged with the reason, which the
-- region's committee sees in its log. Returns the idea's card with its words.
create function public.break_glass_flagged_idea(p_idea_id uuid, p_reason text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas;
  v_reason text := private.clean_text(p_reason);
begin
  perform private.require_coordinator();
  if v_reason is null or char_length(v_reason) not between 10 and 300 then
    perform private.raise_code('invalid_break_glass_reason');
  end if;
  select * into i from public.ideas where id = p_idea_id;
  if not found then
    perform private.raise_code('idea_unknown');
  end if;
  if not private.has_flagged_words(i) then
    perform private.raise_code('idea_not_flagged');
  end if;
  perform private.log('read_flagged', i.id, i.region, null,
    jsonb_build_object('via', 'break_glass', 'reason', v_reason));
  return private.idea_card(i, true);
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
  perform private.require_officer_for_flagged(i);
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
  public.approve_idea(uuid, jsonb, text, text),
  public.reject_idea(uuid, text, text, text),
  public.escalate_idea(uuid, text, text),
  public.clear_safeguarding_flag(uuid, text),
  public.break_glass_flagged_idea(uuid, text),
  public.link_idea_to_activity(uuid, uuid, text, text, text),
  public.answer_question(uuid, text)
  from public, anon, authenticated, service_role;
-- reject_idea, link_idea_to_activity and answer_question are the inner steps
-- of reject_with_feedback, reject_ideas, adopt_idea and reply_to_question
-- (below), which add the plain-language check: no API role may call them, so
-- no idea is closed without plain feedback to the child. One entry point per
-- action keeps the rule in one place (private.require_plain_feedback).
grant execute on function
  public.mark_idea_read(uuid),
  public.approve_idea(uuid, jsonb, text, text),
  public.escalate_idea(uuid, text, text),
  public.clear_safeguarding_flag(uuid, text),
  public.break_glass_flagged_idea(uuid, text)
  to authenticated;

-- The queue and closing with feedback ---------------------------------------------
-- The queue a moderator works through, the dashboard of overdue work, similar
-- published ideas, closing ideas with plain-language feedback (single, bulk,
-- adopt) and answering questions. security definer throughout: the queue and
-- dashboard show who moderated an idea (profiles a moderator may not read
-- under RLS) and the writers go through the logged functions above; each
-- checks the caller on its first lines.

-- Indexes ------------------------------------------------------------------------
-- The queue's order, so a page is an index range scan even with 100,000 ideas.
create index ideas_queue_idx on public.ideas
  (region, status, safeguarding_flag desc, personal_data_flag desc, created_at, id);
-- Similar-idea search over what is already public.
create index ideas_public_text_fts_idx on public.ideas
  using gin (to_tsvector('simple'::regconfig, private.fold_text(public_text)))
  where status in ('approved', 'adopted');
create index moderation_log_at_idx on public.moderation_log (region, at desc);
-- Flags waiting for their officer, across regions (the coordinator's overview).
create index ideas_pending_flagged_idx on public.ideas (created_at) where safeguarding_flag and status = 'pending';

-- Plain language -----------------------------------------------------------------
-- Feedback to a child and answers to their questions are closed only when
-- they read easily: sentences of at most 20 words and none of the office
-- words below (folded: lowercase, no ë/ç). src/lib/checkPlainLanguage.ts holds
-- the same list and rule for the form; tests/db/60 keeps them in step.
create function private.plain_language_jargon() returns text[]
language sql immutable set search_path = ''
as $$
  select array[
    'ne perputhje me', 'konform', 'sipas nenit', 'kuadri ligjor', 'legjislacion', 'procedur',
    'implementim', 'mekanizm', 'institucional', 'referim', 'moderim', 'eskalim', 'vkm',
    'aplikueshm', 'relevant', 'subjekt',
    'pursuant', 'hereby', 'stakeholder', 'leverage', 'mechanism', 'implementation', 'framework',
    'moderation', 'escalat', 'in accordance with', 'aforementioned', 'notwithstanding', 'compliance', 'referral'
  ]
$$;

create function private.plain_language_max_words() returns int
language sql immutable set search_path = ''
as $$ select 20 $$;

-- Problems found in p_text: 'long_sentence' and 'jargon:<term>'; empty when fine.
create function private.plain_language_problems(p_text text) returns text[]
language sql immutable set search_path = ''
as $$
  with folded as (select private.fold_text(coalesce(p_text, '')) as t),
  sentences as (
    select s from folded, regexp_split_to_table(folded.t, '[.!?;:]+') as s
  ),
  long as (
    select 'long_sentence' as problem
    where exists (
      select 1 from sentences
      where coalesce(array_length(regexp_split_to_array(btrim(s), '\s+'), 1), 0) > private.plain_language_max_words()
        and btrim(s) <> ''
    )
  ),
  jargon as (
    select 'jargon:' || j as problem
    from folded, unnest(private.plain_language_jargon()) with ordinality as u(j, n)
    where folded.t ~ ('(^|[^a-z0-9])' || replace(j, ' ', '\s+'))
    order by n
  )
  select coalesce(array(select problem from long union all select problem from jargon), '{}')
$$;

-- Closing an idea needs feedback in at least one language, each plain.
create function private.require_plain_feedback(p_sq text, p_en text) returns void
language plpgsql immutable set search_path = ''
as $$
declare
  v_problems text[];
begin
  if p_sq is null and p_en is null then
    perform private.raise_code('feedback_required');
  end if;
  v_problems := private.plain_language_problems(p_sq) || private.plain_language_problems(p_en);
  if cardinality(v_problems) > 0 then
    perform private.raise_code('feedback_not_plain', array_to_string(v_problems, ','));
  end if;
end
$$;

grant execute on function private.plain_language_jargon(), private.plain_language_max_words(),
  private.plain_language_problems(text) to authenticated, service_role;

-- Which region a call is about: a moderator's own; a coordinator names one.
create function private.committee_region(p_region text) returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_region text := coalesce(p_region, private.my_committee_region());
begin
  if (select auth.uid()) is null or v_region is null or not private.can_moderate(v_region) then
    perform private.raise_code('not_allowed');
  end if;
  return v_region;
end
$$;

-- One idea as a moderator sees it: original, flags, session, questions, outcome.
-- p_officer: the caller may read flagged words (the region's safeguarding
-- officer, or the coordinator through break_glass_flagged_idea). Anyone else
-- sees that a flagged idea exists and when it came, never its words: the
-- text, what the child can do, the flagged spans and the questions' texts
-- are null, and a flagged question's text is null on any idea.
create function private.idea_card(p_idea public.ideas, p_officer boolean) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_idea.id, 'region', p_idea.region, 'theme', p_idea.theme,
    'text', case when v.shown then p_idea.text end,
    'can_do', case when v.shown then p_idea.can_do end,
    'original_hidden', not v.shown,
    'original_purged', p_idea.original_purged_at is not null,
    'age_band', p_idea.age_band, 'locale', p_idea.locale,
    'status', p_idea.status, 'publish_consent', p_idea.publish_consent,
    'personal_data_flag', p_idea.personal_data_flag, 'safeguarding_flag', p_idea.safeguarding_flag,
    'flag_details', case when v.shown then p_idea.flag_details
      else '{"personalData": [], "safeguarding": []}'::jsonb end,
    'public_text', p_idea.public_text,
    'reject_reason', p_idea.reject_reason, 'feedback_sq', p_idea.feedback_sq, 'feedback_en', p_idea.feedback_en,
    'created_at', p_idea.created_at, 'read_at', p_idea.read_at, 'moderated_at', p_idea.moderated_at,
    'moderated_by_name', (select p.display_name from public.profiles p where p.id = p_idea.moderated_by),
    'session', (select jsonb_build_object('id', s.id, 'kind', s.kind, 'school', s.school, 'join_code', s.join_code)
                from public.class_sessions s where s.id = p_idea.session_id),
    'questions', coalesce((
      select jsonb_agg(jsonb_build_object('id', q.id,
        'text', case when v.shown and (p_officer or not q.safeguarding_flag) then q.text end,
        'safeguarding_flag', q.safeguarding_flag, 'answer', q.answer,
        'asked_at', q.asked_at, 'answered_at', q.answered_at) order by q.asked_at)
      from public.idea_questions q where q.idea_id = p_idea.id), '[]'::jsonb),
    'activities', coalesce((
      select jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title, 'note', l.note) order by a.title)
      from public.idea_activity_links l join public.plan_activities a on a.id = l.activity_id
      where l.idea_id = p_idea.id), '[]'::jsonb)
  )
  from (select coalesce(p_officer, false) or not p_idea.safeguarding_flag as shown) as v
$$;

-- True when the card of this idea carries flagged words (the idea's or a question's).
create function private.has_flagged_words(p_idea public.ideas) returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_idea.safeguarding_flag
    or exists (select 1 from public.idea_questions q where q.idea_id = p_idea.id and q.safeguarding_flag)
$$;

-- moderation_queue ------------------------------------------------------------------
-- Safeguarding-flagged first, then personal-data-flagged, then oldest.
-- p_flag: 'safeguarding' | 'personal_data' | 'none'; p_status: one status or
-- 'open' (pending with an unanswered question counts too). Offset paging:
-- a queue page is at most 100 rows and the order is stable (id breaks ties).
-- Flagged words reach only the region's safeguarding officers, and each card
-- that shows them is logged as a 'read_flagged' (volatile for that reason);
-- everybody else gets the card without the words (private.idea_card).
create function public.moderation_queue(
  p_region text default null, p_status text default 'pending', p_theme text default null,
  p_flag text default null, p_session_id uuid default null, p_school text default null,
  p_limit int default 20, p_offset int default 0
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_region text := private.committee_region(p_region);
  v_limit int := least(greatest(coalesce(p_limit, 20), 1), 100);
  v_offset int := greatest(coalesce(p_offset, 0), 0);
  v_officer boolean := private.is_safeguarding_officer_of(v_region);
  v_total int;
  v_page uuid[];
  v_items jsonb;
begin
  if p_status is not null and p_status not in ('pending', 'approved', 'rejected', 'escalated', 'adopted') then
    perform private.raise_code('invalid_status');
  end if;
  if p_flag is not null and p_flag not in ('safeguarding', 'personal_data', 'none') then
    perform private.raise_code('invalid_flag');
  end if;
  with matching as (
    select i.* from public.ideas i
    left join public.class_sessions s on s.id = i.session_id
    where i.region = v_region
      and (p_status is null or i.status = p_status)
      and (p_theme is null or i.theme = p_theme)
      and (p_session_id is null or i.session_id = p_session_id)
      and (p_school is null or s.school = p_school)
      and (p_flag is null
        or (p_flag = 'safeguarding' and i.safeguarding_flag)
        or (p_flag = 'personal_data' and i.personal_data_flag)
        or (p_flag = 'none' and not i.safeguarding_flag and not i.personal_data_flag))
  ), page as (
    select m.* from matching m
    order by m.safeguarding_flag desc, m.personal_data_flag desc, m.created_at, m.id
    limit v_limit offset v_offset
  )
  select (select count(*) from matching)::int,
    coalesce((select array_agg(p.id order by p.safeguarding_flag desc, p.personal_data_flag desc, p.created_at, p.id)
      from page p), '{}')
  into v_total, v_page;
  select coalesce(jsonb_agg(private.idea_card(i, v_officer) order by u.n), '[]'::jsonb) into v_items
  from unnest(v_page) with ordinality as u(id, n) join public.ideas i on i.id = u.id;
  if v_officer then
    insert into public.moderation_log (idea_id, region, actor, action, before, after)
    select i.id, i.region, (select auth.uid()), 'read_flagged', null, jsonb_build_object('via', 'officer')
    from public.ideas i
    where i.id = any (v_page) and private.has_flagged_words(i);
  end if;
  return jsonb_build_object('region', v_region, 'total', v_total, 'limit', v_limit, 'offset', v_offset, 'items', v_items);
end
$$;

-- committee_dashboard --------------------------------------------------------------------
-- Ideas unread after 14 days and safeguarding flags not acknowledged within
-- one working day, plus the region's sessions for the filters.

-- Flags no safeguarding officer has acknowledged one working day (Monday to
-- Friday in Tirana, public_holidays excepted) after they came: still pending
-- and flagged (clearing or referring ends the wait) and never read by an
-- officer (a 'read_flagged' via the officer's queue; the coordinator's break
-- glass does not count). Ids, region and age only, never words. p_region
-- null: every region (the coordinator's overview).
create function private.overdue_flags(p_region text) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'region', o.region, 'created_at', o.created_at,
      'due_at', o.due_at, 'working_days', private.working_days_between(o.created_at, now()))
    order by o.created_at, o.id), '[]'::jsonb)
  from (
    select i.id, i.region, i.created_at, private.add_working_days(i.created_at, 1) as due_at
    from public.ideas i
    where i.safeguarding_flag and i.status = 'pending' and (p_region is null or i.region = p_region)
      -- One working day is at least a day: younger flags cannot be due.
      and i.created_at < now() - interval '1 day'
      and not exists (
        select 1 from public.moderation_log l
        where l.idea_id = i.id and l.action = 'read_flagged' and l.after ->> 'via' = 'officer')
  ) o
  where o.due_at < now()
$$;

create function public.committee_dashboard(p_region text default null) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_region text := private.committee_region(p_region);
begin
  return jsonb_build_object(
    'region', v_region,
    'pending', (select count(*) from public.ideas i where i.region = v_region and i.status = 'pending'),
    'pending_safeguarding', (select count(*) from public.ideas i
      where i.region = v_region and i.status = 'pending' and i.safeguarding_flag),
    'open_questions', (select count(*) from public.idea_questions q join public.ideas i on i.id = q.idea_id
      where i.region = v_region and q.answer is null),
    'unread_after_14_days', coalesce((
      select jsonb_agg(jsonb_build_object('id', i.id, 'created_at', i.created_at, 'theme', i.theme) order by i.created_at)
      from public.ideas i
      where i.region = v_region and i.status = 'pending' and i.read_at is null
        and i.created_at < now() - interval '14 days'), '[]'::jsonb),
    'safeguarding_overdue', private.overdue_flags(v_region),
    'sessions', coalesce((
      select jsonb_agg(jsonb_build_object('id', s.id, 'kind', s.kind, 'school', s.school, 'join_code', s.join_code,
        'opens_at', s.opens_at) order by s.opens_at desc)
      from public.class_sessions s where s.region = v_region), '[]'::jsonb)
  );
end
$$;

-- similar_ideas ------------------------------------------------------------------------
-- Up to five published ideas of the same region whose public text shares the
-- most words with this idea (full-text search on folded text with the
-- 'simple' configuration: no Albanian dictionary exists in Postgres, and
-- folding makes "shkollë" and "shkolle" the same word).
create function public.similar_ideas(p_idea_id uuid, p_limit int default 5) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  i public.ideas;
  v_query tsquery;
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  select * into i from public.ideas where id = p_idea_id;
  if not found then
    perform private.raise_code('idea_unknown');
  end if;
  if not private.can_moderate(i.region) then
    perform private.raise_code('not_allowed');
  end if;
  -- The matches would hint at flagged words the caller may not read.
  if i.safeguarding_flag and not private.is_safeguarding_officer_of(i.region) then
    return '[]'::jsonb;
  end if;
  select to_tsquery('simple', string_agg(w, ' | ')) into v_query
  from (
    select distinct w from regexp_split_to_table(private.fold_text(i.text), '[^a-z0-9]+') as w
    where char_length(w) >= 4
      and w <> all (array['duhet', 'jane', 'eshte', 'kemi', 'kane', 'keto', 'mund', 'edhe', 'shume', 'qytet',
                          'that', 'this', 'with', 'have', 'should', 'there', 'their', 'about', 'from', 'they'])
    limit 40
  ) words;
  if v_query is null then
    return '[]'::jsonb;
  end if;
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', r.id, 'public_text', r.public_text, 'status', r.status,
      'theme', r.theme, 'rank', round(r.rank::numeric, 4)) order by r.rank desc, r.id)
    from (
      select o.id, o.public_text, o.status, o.theme,
        ts_rank(to_tsvector('simple'::regconfig, private.fold_text(o.public_text)), v_query) as rank
      from public.ideas o
      where o.region = i.region and o.status in ('approved', 'adopted') and o.id <> i.id
        and to_tsvector('simple'::regconfig, private.fold_text(o.public_text)) @@ v_query
      order by rank desc, o.id
      limit least(greatest(coalesce(p_limit, 5), 1), 5)
    ) r
  ), '[]'::jsonb);
end
$$;

-- reject_with_feedback ------------------------------------------------------------------------
-- The committee UI's reject: reject_idea plus the rule that a child always
-- hears back, in plain words.
create function public.reject_with_feedback(
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
  perform private.require_plain_feedback(v_sq, v_en);
  return public.reject_idea(i.id, p_reason, v_sq, v_en);
end
$$;

-- reject_ideas (bulk) -------------------------------------------------------------------
-- All ids must be ideas the caller may moderate (otherwise nothing happens:
-- not_allowed). Ideas another moderator closed meanwhile are skipped and
-- reported with who did it; the rest are rejected with the one reason and
-- feedback, each logged as its own 'reject'.
create function public.reject_ideas(
  p_idea_ids uuid[], p_reason text, p_feedback_sq text default null, p_feedback_en text default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
  i public.ideas;
  v_sq text := private.clean_feedback(p_feedback_sq);
  v_en text := private.clean_feedback(p_feedback_en);
  v_rejected jsonb := '[]'::jsonb;
  v_skipped jsonb := '[]'::jsonb;
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  if p_idea_ids is null or cardinality(p_idea_ids) not between 1 and 100 then
    perform private.raise_code('invalid_selection');
  end if;
  if p_reason is null or p_reason not in ('off_topic', 'duplicate', 'personal_data', 'inappropriate', 'other') then
    perform private.raise_code('invalid_reason');
  end if;
  perform private.require_plain_feedback(v_sq, v_en);
  -- Lock in id order so two bulk actions over overlapping sets cannot deadlock.
  for v_id in select distinct u from unnest(p_idea_ids) as u order by 1 loop
    i := private.idea_for_moderation(v_id);
    if i.status <> 'pending' then
      v_skipped := v_skipped || jsonb_build_array(jsonb_build_object('id', i.id, 'status', i.status,
        'moderated_by_name', (select p.display_name from public.profiles p where p.id = i.moderated_by)));
    else
      perform public.reject_idea(i.id, p_reason, v_sq, v_en);
      v_rejected := v_rejected || to_jsonb(i.id);
    end if;
  end loop;
  return jsonb_build_object('rejected', v_rejected, 'skipped', v_skipped);
end
$$;

-- adopt_idea -------------------------------------------------------------------------------
-- Links an approved idea to one or more activities of its region's plan in
-- one step; the idea must end up with plain feedback (given now or at approval).
create function public.adopt_idea(
  p_idea_id uuid, p_activity_ids uuid[], p_note text default null,
  p_feedback_sq text default null, p_feedback_en text default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas := private.idea_for_moderation(p_idea_id);
  v_sq text := private.clean_feedback(p_feedback_sq);
  v_en text := private.clean_feedback(p_feedback_en);
  v_activity uuid;
  v_result jsonb;
begin
  if p_activity_ids is null or cardinality(p_activity_ids) not between 1 and 20 then
    perform private.raise_code('invalid_selection');
  end if;
  if i.status not in ('approved', 'adopted') then
    perform private.raise_code('idea_not_approved');
  end if;
  perform private.require_plain_feedback(coalesce(v_sq, i.feedback_sq), coalesce(v_en, i.feedback_en));
  for v_activity in select distinct u from unnest(p_activity_ids) as u order by 1 loop
    v_result := public.link_idea_to_activity(i.id, v_activity, p_note, v_sq, v_en);
  end loop;
  return v_result;
end
$$;

-- reply_to_question ---------------------------------------------------------------------------
create function public.reply_to_question(p_question_id uuid, p_answer text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_idea_id uuid;
  v_problems text[];
begin
  if (select auth.uid()) is null then
    perform private.raise_code('not_allowed');
  end if;
  select q.idea_id into v_idea_id from public.idea_questions q where q.id = p_question_id;
  if not found then
    perform private.raise_code('question_unknown');
  end if;
  perform private.idea_for_moderation(v_idea_id);
  v_problems := private.plain_language_problems(p_answer);
  if cardinality(v_problems) > 0 then
    perform private.raise_code('answer_not_plain', array_to_string(v_problems, ','));
  end if;
  return public.answer_question(p_question_id, p_answer);
end
$$;

revoke all on function
  public.moderation_queue(text, text, text, text, uuid, text, int, int),
  public.committee_dashboard(text),
  public.similar_ideas(uuid, int),
  public.reject_with_feedback(uuid, text, text, text),
  public.reject_ideas(uuid[], text, text, text),
  public.adopt_idea(uuid, uuid[], text, text, text),
  public.reply_to_question(uuid, text)
  from public, anon, authenticated, service_role;
grant execute on function
  public.moderation_queue(text, text, text, text, uuid, text, int, int),
  public.committee_dashboard(text),
  public.similar_ideas(uuid, int),
  public.reject_with_feedback(uuid, text, text, text),
  public.reject_ideas(uuid[], text, text, text),
  public.adopt_idea(uuid, uuid[], text, text, text),
  public.reply_to_question(uuid, text)
  to authenticated;

-- Open data and oversight -----------------------------------------------------------
-- The export of a region's public ideas and the moderation log as people read
-- it. security definer: both name people (profiles a caller cannot read under
-- RLS); each checks the caller first.

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

revoke all on function
  public.export_region_ideas(text, uuid, int),
  public.moderation_log_entries(text, text, timestamptz, timestamptz, int, int)
  from public, anon, authenticated, service_role;
grant execute on function
  public.export_region_ideas(text, uuid, int),
  public.moderation_log_entries(text, text, timestamptz, timestamptz, int, int)
  to authenticated;
