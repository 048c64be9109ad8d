-- Committee moderation, second part: the queue a moderator works through,
-- the dashboard of overdue work, similar published ideas, closing ideas with
-- plain-language feedback (single, bulk, adopt) and answering questions.
-- Tables touched: ideas (index only), moderation_log (more actions).
-- Functions: moderation_queue, committee_dashboard, similar_ideas,
-- reject_with_feedback, reject_ideas, adopt_idea, reply_to_question.
-- security definer throughout: the queue and dashboard show who moderated an
-- idea (profiles a moderator may not read under RLS) and the writers go
-- through the logged functions of 20260601090600; each checks the caller on
-- its first lines.

-- The log learns the plan editor's and the coordinator's new actions.
alter table public.moderation_log drop constraint moderation_log_action_check;
alter table public.moderation_log add constraint moderation_log_action_check check (action in (
  'read', 'approve', 'reject', 'escalate', 'link', 'answer', 'withdraw', 'purge',
  'approve_teacher', 'appoint_moderator', 'remove_moderator', 'open_call', 'close_session', 'extend_session',
  'plan_objective', 'plan_activity', 'plan_reorder', 'plan_archive', 'remove_teacher'
));

-- Indexes ------------------------------------------------------------------------
-- The queue's order, so a page is an index range scan even with 100,000 ideas.
create index ideas_queue_idx on public.ideas
  (region, status, safeguarding_flag desc, personal_data_flag desc, created_at, id);
-- Similar-idea search over what is already public.
create index ideas_public_text_fts_idx on public.ideas
  using gin (to_tsvector('simple'::regconfig, private.fold_text(public_text)))
  where status in ('approved', 'adopted');
create index moderation_log_at_idx on public.moderation_log (region, at desc);

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
create function private.idea_card(p_idea public.ideas) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_idea.id, 'region', p_idea.region, 'theme', p_idea.theme, 'text', p_idea.text,
    'can_do', p_idea.can_do, 'age_band', p_idea.age_band, 'locale', p_idea.locale,
    'status', p_idea.status, 'publish_consent', p_idea.publish_consent,
    'personal_data_flag', p_idea.personal_data_flag, 'safeguarding_flag', p_idea.safeguarding_flag,
    'flag_details', p_idea.flag_details, 'public_text', p_idea.public_text,
    'reject_reason', p_idea.reject_reason, 'feedback_sq', p_idea.feedback_sq, 'feedback_en', p_idea.feedback_en,
    'created_at', p_idea.created_at, 'read_at', p_idea.read_at, 'moderated_at', p_idea.moderated_at,
    'moderated_by_name', (select p.display_name from public.profiles p where p.id = p_idea.moderated_by),
    'session', (select jsonb_build_object('id', s.id, 'kind', s.kind, 'school', s.school, 'join_code', s.join_code)
                from public.class_sessions s where s.id = p_idea.session_id),
    'questions', coalesce((
      select jsonb_agg(jsonb_build_object('id', q.id, 'text', q.text, 'answer', q.answer,
        'asked_at', q.asked_at, 'answered_at', q.answered_at) order by q.asked_at)
      from public.idea_questions q where q.idea_id = p_idea.id), '[]'::jsonb),
    'activities', coalesce((
      select jsonb_agg(jsonb_build_object('id', a.id, 'title', a.title, 'note', l.note) order by a.title)
      from public.idea_activity_links l join public.plan_activities a on a.id = l.activity_id
      where l.idea_id = p_idea.id), '[]'::jsonb)
  )
$$;

-- moderation_queue ------------------------------------------------------------------
-- Safeguarding-flagged first, then personal-data-flagged, then oldest.
-- p_flag: 'safeguarding' | 'personal_data' | 'none'; p_status: one status or
-- 'open' (pending with an unanswered question counts too). Offset paging:
-- a queue page is at most 100 rows and the order is stable (id breaks ties).
create function public.moderation_queue(
  p_region text default null, p_status text default 'pending', p_theme text default null,
  p_flag text default null, p_session_id uuid default null, p_school text default null,
  p_limit int default 20, p_offset int default 0
) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_region text := private.committee_region(p_region);
  v_limit int := least(greatest(coalesce(p_limit, 20), 1), 100);
  v_offset int := greatest(coalesce(p_offset, 0), 0);
  v_total int;
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
    coalesce((select jsonb_agg(private.idea_card(p::public.ideas)
      order by p.safeguarding_flag desc, p.personal_data_flag desc, p.created_at, p.id) from page p), '[]'::jsonb)
  into v_total, v_items;
  return jsonb_build_object('region', v_region, 'total', v_total, 'limit', v_limit, 'offset', v_offset, 'items', v_items);
end
$$;

-- committee_dashboard --------------------------------------------------------------------
-- Ideas unread after 14 days and safeguarding flags not acknowledged (read or
-- handled) within one working day (Monday to Friday, Tirana time; public
-- holidays are not known here), plus the region's sessions for the filters.
create function private.next_working_day(p_at timestamptz) returns timestamptz
language sql immutable set search_path = ''
as $$
  select min(d) from generate_series(p_at + interval '1 day', p_at + interval '4 days', interval '1 day') as d
  where extract(isodow from (d at time zone 'Europe/Tirane')) < 6
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
    'safeguarding_overdue', coalesce((
      select jsonb_agg(jsonb_build_object('id', i.id, 'created_at', i.created_at, 'due_at', private.next_working_day(i.created_at))
        order by i.created_at)
      from public.ideas i
      where i.region = v_region and i.safeguarding_flag and i.status = 'pending' and i.read_at is null
        and private.next_working_day(i.created_at) < now()), '[]'::jsonb),
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
