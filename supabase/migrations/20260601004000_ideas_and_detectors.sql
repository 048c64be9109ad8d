-- Ideas from students, the questions they ask about them, their links to plan
-- activities, and the append-only moderation log.
-- Tables: ideas, idea_questions, idea_activity_links, safeguarding_clearances,
-- referrals, moderation_log.
-- Detectors (private): detect_personal_data, detect_safeguarding.

-- Text rules shared with src/lib/schemas/text.ts ----------------------------------
-- The schemas clean text with normalize('NFC') and String.prototype.trim and
-- count code points; the database does the same (an emoji counts 1).
create function private.js_trim(p_text text) returns text
language sql immutable set search_path = ''
as $$
  select regexp_replace(
    p_text,
    '^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$',
    '', 'g')
$$;

-- Invisible bidi and zero-width controls are removed first (a number written
-- backwards behind U+202E displays as a number); U+200D stays for emoji.
-- The twin of cleanText in src/lib/schemas/text.ts.
create function private.clean_text(p_text text) returns text
language sql immutable set search_path = ''
as $$
  select private.js_trim(normalize(
    regexp_replace(p_text, '[\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]', '', 'g'), nfc))
$$;

-- True when the text is already trimmed and between p_min and p_max long.
create function private.text_fits(p_text text, p_min int, p_max int) returns boolean
language sql immutable set search_path = ''
as $$
  select p_text = private.clean_text(p_text) and char_length(p_text) between p_min and p_max
$$;

-- Check constraints run as the writing role, so the pure text helpers they
-- call are executable by the API roles (they read no data).
grant execute on function private.js_trim(text), private.clean_text(text), private.text_fits(text, int, int)
  to anon, authenticated, service_role;

-- Receipt codes: 10 symbols from the contract alphabet; only the hash is kept.
create function private.normalise_receipt_code(p_code text) returns text
language sql immutable set search_path = ''
as $$
  select upper(regexp_replace(coalesce(p_code, ''), '[[:space:]-]', '', 'g'))
$$;

create function private.receipt_hash(p_code text) returns text
language sql immutable set search_path = ''
as $$
  select encode(extensions.digest(private.normalise_receipt_code(p_code), 'sha256'), 'hex')
$$;

-- ideas -------------------------------------------------------------------------
create table public.ideas (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.class_sessions (id) on delete restrict,
  region text not null references public.regions (slug),
  theme text not null check (theme in ('school', 'family', 'online', 'community', 'work_abroad', 'other')),
  -- Null only once retention removed the original of a published idea
  -- (original_purged_at, below); the public text stays.
  text text check (private.text_fits(text, 10, 1000)),
  can_do text check (private.text_fits(can_do, 1, 500)),
  age_band text check (age_band in ('12-14', '15-17', '18+')),
  locale text not null default 'sq' check (locale in ('sq', 'en')),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'escalated', 'adopted')),
  public_text text check (private.text_fits(public_text, 10, 1000)),
  personal_data_flag boolean not null default false,
  safeguarding_flag boolean not null default false,
  flag_details jsonb not null default '{"personalData": [], "safeguarding": []}'::jsonb,
  receipt_hash text not null unique check (receipt_hash ~ '^[0-9a-f]{64}$'),
  publish_consent boolean not null,
  idempotency_key uuid not null unique,
  transcribed boolean not null default false,
  read_at timestamptz,
  moderated_at timestamptz,
  -- When approve_idea published it: retention of the original counts from here.
  published_at timestamptz,
  original_purged_at timestamptz,
  moderated_by uuid references public.profiles (id) on delete set null,
  reject_reason text check (reject_reason in ('off_topic', 'duplicate', 'personal_data', 'inappropriate', 'other')),
  escalated_at timestamptz,
  -- What was done (a referral action, see public.referrals); the referral row is the record.
  escalation_informed text check (private.text_fits(escalation_informed, 1, 500)),
  feedback_sq text check (private.text_fits(feedback_sq, 1, 500)),
  feedback_en text check (private.text_fits(feedback_en, 1, 500)),
  created_at timestamptz not null default now(),
  -- The month in Tirana: all the public ever learns of when an idea was sent.
  created_month date not null generated always as ((date_trunc('month', created_at at time zone 'Europe/Tirane'))::date) stored,
  constraint ideas_rejected_has_reason check ((status = 'rejected') = (reject_reason is not null)),
  constraint ideas_published_has_public_text check (status not in ('approved', 'adopted') or public_text is not null),
  constraint ideas_escalated_has_referral check (status <> 'escalated' or (escalated_at is not null and escalation_informed is not null)),
  -- The promise on screen to a child who wrote about themselves ("this will
  -- not be published") as a rule no role can break, service_role and the
  -- owner included: a flagged idea is never approved or adopted, so no public
  -- or teacher-facing view (they all require those statuses) can show it.
  -- The flag goes only through private.protect_safeguarding_flag below.
  constraint ideas_flagged_never_published check (not (safeguarding_flag and status in ('approved', 'adopted'))),
  -- The original goes (text and can_do) only from a published idea, by
  -- purge_expired_ideas; every other idea keeps the words as sent.
  constraint ideas_original_kept_until_purged check (
    (text is not null and original_purged_at is null)
    or (text is null and can_do is null and original_purged_at is not null
        and status in ('approved', 'adopted') and public_text is not null))
);
comment on table public.ideas is
  'Ideas for the prevention pillar sent by students through a class session. The original text is never public; '
  'public_text is what a moderator publishes. Only the sha256 of the receipt code is stored.';
alter table public.ideas enable row level security;

-- The per-minute burst count and a session's size in submit_idea.
create index ideas_session_id_created_at_idx on public.ideas (session_id, created_at);
create index ideas_moderated_by_idx on public.ideas (moderated_by);
-- A moderator's paged list (`ideas?region=eq.x&status=eq.pending&order=created_at.desc`)
-- is a short backward index range scan that stops after offset + limit rows
-- (1 ms at 100,000 ideas, against 47 ms for a bitmap scan and sort); it also
-- serves the RLS filter on region and the committee dashboard's counts.
create index ideas_region_status_created_at_idx on public.ideas (region, status, created_at);
-- The ideas wall counts published ideas per region and theme (HEAD requests
-- with count=exact on public_ideas): an index-only scan of the published rows.
create index ideas_published_region_theme_idx on public.ideas (region, theme)
  where status in ('approved', 'adopted') and publish_consent;

-- Nobody, not even service_role or the owner, rewrites what a student sent.
create function private.protect_idea_original() returns trigger
language plpgsql set search_path = ''
as $$
declare
  -- Retention removing a published idea's original (text and can_do together,
  -- checked by ideas_original_kept_until_purged) deletes words, it rewrites none.
  v_purge boolean := old.original_purged_at is null and new.original_purged_at is not null
    and new.text is null and new.can_do is null;
begin
  if (not v_purge and (new.text is distinct from old.text or new.can_do is distinct from old.can_do))
    or (old.original_purged_at is not null and new.original_purged_at is distinct from old.original_purged_at)
    or new.receipt_hash is distinct from old.receipt_hash
    or new.region is distinct from old.region
    or new.session_id is distinct from old.session_id
    or new.theme is distinct from old.theme
    or new.age_band is distinct from old.age_band
    or new.locale is distinct from old.locale
    or new.publish_consent is distinct from old.publish_consent
    or new.idempotency_key is distinct from old.idempotency_key
    or new.transcribed is distinct from old.transcribed
    or new.created_at is distinct from old.created_at
  then
    raise exception using errcode = 'P0001', message = 'idea_immutable',
      detail = 'text, can_do, receipt, region, session, theme, age band, locale, consent, key and time are fixed at submission';
  end if;
  return new;
end
$$;

create trigger protect_idea_original
  before update on public.ideas
  for each row execute function private.protect_idea_original();

-- safeguarding_clearances ------------------------------------------------------------
-- Each time a region's safeguarding officer clears a flag, with the reason from
-- a fixed list. Written only by public.clear_safeguarding_flag (moderation) and
-- append-only; the trigger below lets a flag go only with such a row.
create table public.safeguarding_clearances (
  id bigint generated always as identity primary key,
  idea_id uuid not null references public.ideas (id) on delete cascade,
  region text not null references public.regions (slug),
  officer_id uuid references public.profiles (id) on delete set null,
  reason text not null check (reason in ('false_alarm', 'handled_child_agrees')),
  at timestamptz not null default now()
);
comment on table public.safeguarding_clearances is
  'Flags cleared by a region''s safeguarding officer, with the reason; the only way a flagged idea can be published.';
alter table public.safeguarding_clearances enable row level security;
create index safeguarding_clearances_idea_id_idx on public.safeguarding_clearances (idea_id);
create index safeguarding_clearances_region_idx on public.safeguarding_clearances (region);
create index safeguarding_clearances_officer_id_idx on public.safeguarding_clearances (officer_id);

-- A flag is cleared only in the transaction that recorded a clearance for the
-- idea (now() is the transaction's start, so a clearance from an earlier
-- transaction does not count twice). Holds for every role, owner included.
create function private.protect_safeguarding_flag() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if old.safeguarding_flag and not new.safeguarding_flag and not exists (
    select 1 from public.safeguarding_clearances c where c.idea_id = new.id and c.at = now()
  ) then
    raise exception using errcode = 'P0001', message = 'flag_clear_needs_officer',
      detail = 'a safeguarding flag is cleared only through clear_safeguarding_flag by the region''s safeguarding officer';
  end if;
  return new;
end
$$;

create trigger protect_safeguarding_flag
  before update of safeguarding_flag on public.ideas
  for each row execute function private.protect_safeguarding_flag();

-- referrals ---------------------------------------------------------------------------
-- What was done for a child whose idea was referred to child protection. Kept
-- apart from the idea so that a child who withdraws the idea deletes their
-- words, while the officer keeps the record (region, school, date, what was
-- done) until its retention ends (purge_expired_ideas). What was done is one
-- of src/lib/referralActions.ts (tests/db/16 keeps the lists equal); 'none'
-- needs a reason.
-- What an officer may record as done for a child: the same list as
-- src/lib/referralActions.ts. One SQL definition, used by the table's check
-- and by escalate_idea.
create function private.referral_actions() returns text[]
language sql immutable set search_path = ''
as $$
  select array['child_protection_unit', 'helpline_116111', 'police', 'school_psychologist', 'none']
$$;
grant execute on function private.referral_actions() to authenticated, service_role;

create table public.referrals (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid references public.ideas (id) on delete set null,
  region text not null references public.regions (slug),
  school text,
  referred_at timestamptz not null default now(),
  action text not null check (action = any (private.referral_actions())),
  reason text check (private.text_fits(reason, 1, 500)),
  referred_by uuid references public.profiles (id) on delete set null,
  idea_withdrawn_at timestamptz,
  constraint referrals_none_has_reason check (action <> 'none' or reason is not null)
);
comment on table public.referrals is
  'Referrals to child protection: region, school, date and what was done. Outlive a withdrawn idea until retention.';
alter table public.referrals enable row level security;
create index referrals_idea_id_idx on public.referrals (idea_id);
create index referrals_region_idx on public.referrals (region);
create index referrals_referred_by_idx on public.referrals (referred_by);

-- idea_questions -------------------------------------------------------------------
create table public.idea_questions (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid not null references public.ideas (id) on delete cascade,
  text text not null check (private.text_fits(text, 1, 500)),
  answer text check (private.text_fits(answer, 1, 1000)),
  asked_at timestamptz not null default now(),
  answered_at timestamptz,
  answered_by uuid references public.profiles (id) on delete set null,
  -- A child may disclose in a question too: flagged for the safeguarding officer.
  safeguarding_flag boolean not null default false,
  constraint idea_questions_answer_complete check ((answer is null) = (answered_at is null))
);
comment on table public.idea_questions is 'Questions a student asks the committee about their idea (by receipt code), and the answers.';
alter table public.idea_questions enable row level security;
create index idea_questions_idea_id_idx on public.idea_questions (idea_id);
create index idea_questions_answered_by_idx on public.idea_questions (answered_by);

-- idea_activity_links -----------------------------------------------------------
create table public.idea_activity_links (
  idea_id uuid not null references public.ideas (id) on delete cascade,
  activity_id uuid not null references public.plan_activities (id) on delete cascade,
  linked_by uuid references public.profiles (id) on delete set null,
  linked_at timestamptz not null default now(),
  note text check (private.text_fits(note, 1, 500)),
  primary key (idea_id, activity_id)
);
comment on table public.idea_activity_links is 'An approved idea taken up by a plan activity of the same region (makes the idea adopted).';
alter table public.idea_activity_links enable row level security;
create index idea_activity_links_activity_id_idx on public.idea_activity_links (activity_id);
create index idea_activity_links_linked_by_idx on public.idea_activity_links (linked_by);

-- moderation_log ------------------------------------------------------------------
create table public.moderation_log (
  id bigint generated always as identity primary key,
  -- No foreign key: rows outlive withdrawn and purged ideas.
  idea_id uuid,
  region text,
  actor uuid,
  action text not null check (action in (
    'read', 'approve', 'reject', 'escalate', 'link', 'answer', 'withdraw', 'purge',
    'approve_teacher', 'appoint_moderator', 'remove_moderator', 'open_call', 'close_session', 'extend_session',
    'plan_objective', 'plan_activity', 'plan_reorder', 'plan_archive', 'remove_teacher',
    'appoint_officer', 'remove_officer', 'clear_flag', 'read_flagged'
  )),
  -- Structural fields only (status, reason, ids, lengths), never student text,
  -- so a withdrawn or purged idea leaves nothing personal behind.
  before jsonb,
  after jsonb,
  at timestamptz not null default now()
);
comment on table public.moderation_log is
  'Append-only record of every moderation and administration action. No role may update or delete it.';
alter table public.moderation_log enable row level security;
create index moderation_log_idea_id_idx on public.moderation_log (idea_id);
create index moderation_log_region_idx on public.moderation_log (region);

create function private.refuse_log_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = 'moderation_log_append_only';
end
$$;

create trigger moderation_log_no_update
  before update or delete on public.moderation_log
  for each row execute function private.refuse_log_change();
create trigger moderation_log_no_truncate
  before truncate on public.moderation_log
  for each statement execute function private.refuse_log_change();
create trigger safeguarding_clearances_no_update
  before update on public.safeguarding_clearances
  for each row execute function private.refuse_log_change();
create trigger safeguarding_clearances_no_truncate
  before truncate on public.safeguarding_clearances
  for each statement execute function private.refuse_log_change();

create function private.log(
  p_action text, p_idea_id uuid, p_region text, p_before jsonb, p_after jsonb
) returns void
language sql set search_path = ''
as $$
  insert into public.moderation_log (idea_id, region, actor, action, before, after)
  values (p_idea_id, p_region, (select auth.uid()), p_action, p_before, p_after)
$$;

-- Detectors ------------------------------------------------------------------------
-- Both return a jsonb array of {kind, start, end}: 0-based code point offsets,
-- end exclusive. They flag for a moderator's attention; they never block.

-- Offsets of every match of p_pattern, skipping matches that overlap p_taken.
create function private.match_spans(p_text text, p_pattern text, p_kind text, p_taken jsonb default '[]')
returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  spans jsonb := '[]'::jsonb;
  n int := 1;
  s int;
  e int;
begin
  loop
    s := regexp_instr(p_text, p_pattern, 1, n, 0);
    exit when s is null or s = 0;
    e := regexp_instr(p_text, p_pattern, 1, n, 1);
    if not exists (
      select 1 from jsonb_array_elements(p_taken || spans) t
      where (t ->> 'start')::int < e - 1 and (t ->> 'end')::int > s - 1
    ) then
      spans := spans || jsonb_build_array(jsonb_build_object('kind', p_kind, 'start', s - 1, 'end', e - 1));
    end if;
    n := n + 1;
  end loop;
  return spans;
end
$$;

-- Detectors: Postgres keeps the last 32 compiled regular expressions per
-- connection. The two detectors use 41 patterns one after the other, so every
-- call recompiled all of them (5-6 ms per submission). Each detector now tries
-- the union of its patterns first, one cached expression: most ideas match
-- none, and then the answer is the empty array at once. A text that matches
-- runs the rules one by one, exactly as before, so spans and their order are
-- unchanged (tests/db/02_detectors.test.ts).
create function private.detect_personal_data(p_text text) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  digit text := '[ .\-/]?\(?[0-9]\)?';
  cap text := '[A-ZÇËŠŽ][a-zçëšž]+';
  first_names text := 'Arta|Ardit|Elona|Klevis|Ana|Anisa|Arben|Alban|Besa|Besart|Blerina|Dritan|Elira|Enea|Endrit|'
    || 'Era|Erion|Fatjona|Gent|Genta|Ilir|Jonida|Klea|Kristi|Lira|Luljeta|Marsela|Mira|Olta|Orges|Rei|Sara|'
    || 'Sidorela|Sokol|Teuta|Xhesika|Jurgen|Ermal|Eni|Ergys|Flutura|Gerta|Hana|Irma|Kejsi|Lorena|Megi|Noel|Redon|'
    || 'John|Emily|James|Mary|David|Sarah|Michael|Emma';
  kinds text[] := array['email', 'handle', 'id_number', 'name', 'name', 'phone', 'phone', 'phone'];
  patterns text[];
  spans jsonb := '[]'::jsonb;
begin
  if p_text is null then
    return spans;
  end if;
  patterns := array[
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}',
    '(?<![A-Za-z0-9._%+-])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}',
    -- Albanian personal number (NID): letter, 8 digits, letter.
    '\m[A-Z][0-9]{8}[A-Z]\M',
    '(\m[Ee]mri\s+im\s+([eë]sht[eë]?|[aâ]sht[eë]?)|\m[Qq]uhem|\m[Uu]n[eë]\s+jam|\m[Mm]y\s+name\s+is|\mI\s+am|\mI''m)\s+'
      || cap || '\s+' || cap,
    '\m(' || first_names || ')\s+' || cap || '\M',
    -- Albanian mobile, with or without +355 / 00355 / 0.
    '(?:(?:\+|\m00)355[ .\-]?\(?0?\)?|(?<![0-9])0?)\(?6[6-9]\)?' || repeat(digit, 7) || '(?![0-9])',
    -- Albanian landline: 0 + area code + subscriber number, 9 digits in all.
    '(?:(?:\+|\m00)355[ .\-]?\(?|(?<![0-9+])\(?0)[2-8]' || repeat(digit, 7) || '(?![0-9])',
    -- International: + or 00, country code, 8 to 14 digits in all.
    '(?:\+|(?<![0-9])00)[1-9]' || repeat(digit, 7) || '(?:' || digit || '){0,6}(?![0-9])'
  ];
  if p_text !~ ('(?:' || array_to_string(patterns, ')|(?:') || ')') then
    return spans;
  end if;
  for n in 1 .. array_length(patterns, 1) loop
    spans := spans || private.match_spans(p_text, patterns[n], kinds[n], spans);
  end loop;
  return spans;
end
$$;

-- Lowercase, without Albanian diacritics (ë->e, ç->c, Gheg â/ê) and with typographic
-- apostrophes made plain; one character in, one out, so offsets stay valid.
create function private.fold_text(p_text text) returns text
language sql immutable set search_path = ''
as $$
  select lower(translate(p_text, 'ëËçÇâÂêÊ’‘`', 'eEcCaAeE'''''''))
$$;
-- Pure; executable by the API roles so indexes and checks built on it work
-- for whoever writes the row.
grant execute on function private.fold_text(text) to anon, authenticated, service_role;

-- generated by supabase/codegen/detectSafeguardingSql.ts: begin (npm run db:detector; do not edit by hand)
-- private.detect_safeguarding: first-person disclosures that a child may be at
-- risk, from src/lib/safeguardingPatterns.ts (the browser runs the same rules).
--
-- Kinds: trafficking, documents, self_harm, sexual_abuse, grooming, begging,
-- lover_boy, forced_marriage, sextortion, home_violence, debt_bondage,
-- help_request. Standard Albanian and Gheg, with or without diacritics, and
-- English. Returns a jsonb array of {kind, start, end}: 0-based code point
-- offsets into p_text, end exclusive; a match overlapping an earlier one is
-- dropped. The cases in tests/fixtures/detector-cases.json are checked in
-- tests/db/02_detectors.test.ts.
create function private.detect_safeguarding(p_text text) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  t text := private.fold_text(p_text);
  spans jsonb := '[]'::jsonb;
  kinds text[];
  patterns text[];
begin
  if p_text is null then
    return spans;
  end if;
  -- One alternation per kind, kinds in the order of their first rule, as
  -- src/lib/detectSafeguarding.ts does: PostgreSQL keeps 32 compiled
  -- expressions per connection, and twelve stay compiled where 130 would not.
  select array_agg(k.kind order by k.first), array_agg(k.pattern order by k.first) into kinds, patterns
  from (
    select r.kind, min(r.n) as first, string_agg('(?:' || r.pattern || ')', '|' order by r.n) as pattern
    from (values
      (1, 'sextortion', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:kercen|shantazh)\w*[^.!?]{0,60}\y(?:foto|video|imazh|publik|shperndaj|shperndan|postoj|poston|nxjerr|internet|rrjet)'),
      (2, 'sextortion', '\ydo\s+(?:t''?i\s+|ti\s+|t''?ua\s+|t''?ia\s+|tia\s+|t''?ja\s+|tja\s+|i\s+|ia\s+|ja\s+|ta\s+|t''?a\s+|t''?\s*)?(?:publikoj|postoj|shperndaj|nxjerr|coj|dergoj|tregoj|hedh|vendos|ver|shpernda)\w*\s+(?:\w+\s+){0,3}(?:foto|fotografi|video|imazh|selfie)\w*\s+(?:e\s+mia|te\s+mia|t''e\s+mia|time|tem|mia)\y'),
      (3, 'sextortion', '\y(?:foto|fotografi|video|imazh)\w*\s+(?:e\s+miat?|te\s+miat?|t''e\s+miat?|miat?)\y[^.!?]{0,50}\y(?:do\s+(?:\w+\s+)?(?:t''?i\s+|i\s+|ti\s+|t''?ia\s+|ja\s+)?(?:publik|post|shperndaj|shpernda|nxjerr|dergo|co)\w*|kercen\w*|shantazh\w*)'),
      (4, 'sextortion', '\y(?:nese|neqoftese|po\s+s''|po\s+nuk|n''?qoftese)\s*(?:nuk\s+|s''\s*)?(?:i\s+|ia\s+|ja\s+|t''?i\s+|u\s+)?(?:dergoj|coj|jap|paguaj|pagu|dergoi)\y[^.!?]{0,30}\y(?:para|leke|foto|video|euro|lek)\w*[^.!?]{0,40}\y(?:do|publik|shperndan|post)\w*'),
      (5, 'sextortion', '\y(?:threaten\w*|blackmail\w*)\s+(?:me\y[^.!?]{0,50}\y(?:(?:photos?|pictures?|pics?|nudes?|selfies?|videos?|images?)|post|share|leak|send\s+more)|to\s+(?:post|share|send|leak|publish|show|upload)\s+(?:my|our))\y'),
      (6, 'sextortion', '\y(?:he|she|they|someone|he''s|she''s|they''re|hes|shes)\s*(?:''ll|\s+will|\s+would|\s+is\s+going\s+to|\s+are\s+going\s+to|\s+gonna|\s+can|\s+could|\s+might)\s+(?:post|share|send|leak|publish|show|upload)\s+(?:all\s+)?my\s+(?:\w+\s+)?(?:photos?|pictures?|pics?|nudes?|selfies?|videos?|images?)'),
      (7, 'sextortion', '\y(?:has|have|got)\s+(?:my\s+)?(?:nudes?|private\s+(?:photos|pictures|pics|videos))\s+(?:of\s+me\s+)?and\y'),
      (8, 'sextortion', '\y(?:shperndan|publikon|poston|nxjerr|con|dergon)\s+(?:\w+\s+){0,2}(?:foto|video|imazh)\w*\y[^.!?]{0,30}\y(?:nese|po\s+nuk|po\s+s'')\y'),
      (9, 'sextortion', '\y(?:foto|video|imazh)\w*\s+(?:time|tem|e\s+mia|te\s+mia)\y[^.!?]{0,40}\y(?:kerkon|do|lyp)\s+(?:\w+\s+)?para\y'),
      (10, 'sextortion', '\yperndryshe\s+(?:e\s+|i\s+|do\s+(?:t''?i\s+|ti\s+|ta\s+)?)?(?:nxjerr|publik|post|shperndan|co|dergo)\w*'),
      (11, 'documents', '(?:\ys?me\s+|\ys?ma\s+|\ys?mi\s+|\ym''i\s+|\ym''a\s+|\ym''\s*)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:moren|mori|marre|marrun|marr|morr|merr|marrin|mbajne|mbajn|mban|mbajti|mbajten|mbajtur|mbajt|fshehin|fshehu|fshehen|fshehur|fshehun|kthejne|kthejn|kthen|ktheu|japin|jep|dhane|dha)\s+(?:edhe\s+)?(?:\w+\s+)?(?:pasaport\w*|dokument\w*|leternjoftim\w*|karten\s+e\s+identitetit|letrat|kartat)'),
      (12, 'documents', '\y(?:kane|kan|ka|mbajne|mbajn|mban|moren|mori|marrin)\s+(?:pasaport\w*|dokument\w*|leternjoftim\w*|karten\s+e\s+identitetit|letrat|kartat)\s+(?:time|e\s+mia|tem|e\s+mi|mia)\y'),
      (13, 'documents', '\y(?:pasaport\w*|dokument\w*|leternjoftim\w*|karten\s+e\s+identitetit|letrat|kartat)\s+(?:time|ime|e\s+mia|tem)\y[^.!?]{0,30}\y(?:e\s+ka|i\s+ka|e\s+mban|i\s+mban|e\s+kane|i\s+kane|mbahet|e\s+moren|i\s+moren|jane\s+te|eshte\s+te)\y'),
      (14, 'documents', '\y(?:took|taken|take|takes|stole|stolen|kept|keep|keeps|keeping|holding|holds|held|confiscated|hid|hidden|(?<!\yi\s)has|(?<!\y(?:i|we)\s)have|locked|locked\s+up)\s+(?:away\s+)?(?:my|our)\s+(?:passports?|documents|papers|id\s+card|id|identity\s+card)\y'),
      (15, 'documents', '\y(?:won''t|wont|will\s+not|don''t|dont|do\s+not|doesn''t|does\s+not|refuse\s+to|refuses\s+to|never)\s+give\s+(?:me\s+)?(?:back\s+)?my\s+(?:passports?|documents|papers|id\s+card|id|identity\s+card)\y'),
      (16, 'documents', '\ymy\s+(?:passports?|documents|papers|id\s+card|id|identity\s+card)\s+(?:was|were|is|are|has\s+been|have\s+been|got)\s+(?:taken|kept|held|stolen|confiscated|locked)\y'),
      (17, 'documents', '\y(?:pasaport\w*|dokument\w*|leternjoftim\w*|letrat)\s+(?:tona|tone|e\s+mia|time)\y[^.!?]{0,30}(?:\ynuk\s+|\ys''\s*)(?:na|ma|mi|me)\s+(?:i\s+|e\s+)?(?:jep|japin|kthen|kthejne)\y'),
      (18, 'documents', '\y(?:took|take|takes|taken|kept|keep|keeps)\s+(?:our|my)\s+(?:papers|passports?|documents)\y[^.!?]{0,30}\y(?:never|not|didn''t|don''t|won''t)\y'),
      (19, 'self_harm', '\y(?:vras|vra|vrisja|mbys|mbyt|lendoj|demtoj|pres|prej|helmoj|djeg|godas|gervisht|gervishi)\s+veten\y'),
      (20, 'self_harm', '\y(?:dua|due|du|desha|doja|deshiroj|me\s+vjen|m''\s*vjen|ma\s+merr\s+mendja)\s+(?:te|me|t'')\s*(?:vdes|vdis|vdek\w*|zhdukem|mos\s+jem\s+me|mos\s+jetoj|mos\s+zgjohem|mos\s+ekzistoj|iki\s+nga\s+kjo\s+bote)\y'),
      (21, 'self_harm', '(?:\ynuk\s+|\ys''\s*|\ys)(?:dua|due|du)\s+(?:me\s+|ma\s+|me\s+shume\s+)?(?:te|me)\s+(?:jetoj|jetu|jem\s+gjall|ekzistoj)'),
      (22, 'self_harm', '\y(?:\w+\s+)?(?:t''|te|me)\s*(?:i|ia|ja)\s+(?:jap|dhane|dhan|dhene)\s+fund\s+(?:jetes|vetes|kesaj\s+jete|jetes\s+sime)\y'),
      (23, 'self_harm', '\y(?:kam|kom)\s+(?:menduar|mendu|mendue|provuar|provu|provue|tentuar|tentu|mendime)\s+(?:\w+\s+){0,2}(?:vete?vras\w*|te\s+vras|me\s+vra|t''i\s+jap\s+fund|te\s+hidhem|me\s+u\s+hedh|te\s+pi\s+(?:ilac|hap|bar)|me\s+pi\s+(?:ilac|hap|bar))'),
      (24, 'self_harm', '\y(?:mendoj|mendova|po\s+mendoj|mendoja)\s+(?:\w+\s+){0,2}(?:vete?vras\w*|te\s+vras\s+veten|me\s+vra\s+veten)'),
      (25, 'self_harm', '\ynuk\s+(?:ia|ja|i)\s+vlen\s+(?:me|te)\s+jetoj\y'),
      (26, 'self_harm', '\y(?:i\s+)?(?:pres|preva|prej)\s+(?:duart|krahet|kycet|damaret|venat|doren|krahun|kembet)\y'),
      (27, 'self_harm', '\y(?:kill|killing|hurt|hurting|cut|cutting|harm|harming|burn|burning|starve|starving)\s+myself\y(?!\s+(?:while|by\s+accident|accidentally|on\s+(?:a|the)\s+(?:paper|knife|glass)|cooking|shaving))'),
      (28, 'self_harm', '\yi\s+(?:just\s+|really\s+|sometimes\s+|often\s+|still\s+)?(?:want|wanna|wish)\s+(?:to\s+)?(?:die|be\s+dead|i\s+was\s+dead|i\s+were\s+dead|to\s+disappear\s+for\s+ever|to\s+disappear\s+forever)\y'),
      (29, 'self_harm', '\y(?:end|ending)\s+(?:my\s+life|it\s+all)\y'),
      (30, 'self_harm', '\y(?:i\s+am|i''m|im|i\s+feel|feeling|i\s+felt)\s+(?:so\s+|very\s+)?suicidal\y'),
      (31, 'self_harm', '\yi(?:''ve|\s+have|\s+am|''m|\s+keep|\s+was|\s+often|\s+sometimes|\s+still)?\s+(?:been\s+)?(?:thinking|thought|think)\s+(?:a\s+lot\s+)?(?:about|of)\s+(?:suicide|killing\s+myself|ending\s+(?:my\s+life|it))'),
      (32, 'self_harm', '\yi\s+(?:don''t|do\s+not|dont|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|be\s+here\s+anymore|wake\s+up)\y'),
      (33, 'self_harm', '\y(?:no\s+reason\s+to\s+live|better\s+off\s+dead|i\s+(?:tried|attempted)\s+to\s+(?:kill|hang|overdose))\y'),
      (34, 'self_harm', '\yi\s+(?:\w+\s+)?wish\s+i\s+(?:wasn''t|wasnt|weren''t|was\s+not|were\s+not)\s+(?:alive|here|born)\y|\ywish\s+i\s+(?:was|were)\s+dead\y'),
      (35, 'self_harm', '(?:\ynuk\s+|\ys''\s*|\ys)(?:dua|due|du)\s+(?:me\s+|ma\s+)?(?:te|me)\s+(?:zgjohem|zgjoj|ngrihem)\y'),
      (36, 'self_harm', '\y(?:me\s+mire|ma\s+mire)\s+(?:te|me)\s+(?:vdisja|vdes|kisha\s+vdekur|ishte\s+vdek\w*|isha\s+i\s+vdekur|mos\s+kisha\s+lindur)\y'),
      (37, 'self_harm', '\y(?:scratch|scratching|cut|cutting|burn|burning|hit|hitting)\s+my\s+(?:arms|wrists|legs|skin|thighs)\y[^.!?]{0,30}\y(?:bleed|blood|on\s+purpose|until|when)'),
      (38, 'grooming', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:tha|thote|thoshte|thene|thane|than|thone|thoni|paralajmeroi|kercenoi|kerkoi|kerkon|lutet)\s+(?:qe\s+|se\s+)?(?:(?:te|me)\s+)?mos\s+(?:me\s+)?(?:(?:ia|ja|i|u|ua|e)\s+)?(?:them|tregoj|tregu|kallxoj|kallxu|flas|folja|thuej|diftoj|tham)\w*\s+(?:\w+\s+){0,2}(?:prind|mamit|mamase|babit|babait|nenes|nanes|familj|shtepi|mesues)\w*'),
      (39, 'grooming', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:kerkoi|kerkon|kerkojne|kerkojn|kerkuan|kerkuar|kerku|lyp|lypi)\y[^.!?]{0,30}\y(?:foto\w*|video\w*|imazh\w*|selfie\w*|nudo)'),
      (40, 'grooming', '\yasked\s+me\s+(?:to\s+send\s+|for\s+)(?:\w+\s+){0,2}(?:photos?|pictures?|pics?|nudes?|selfies?|videos?|images?)\y'),
      (41, 'grooming', '\y(?:wants?|wanted|keeps?\s+asking)\s+me\s+to\s+send\s+(?:\w+\s+){0,2}(?:photos?|pictures?|pics?|nudes?|selfies?|videos?|images?)\y'),
      (42, 'grooming', '\ykeeps?\s+asking\s+(?:me\s+)?for\s+(?:\w+\s+){0,2}(?:photos?|pictures?|pics?|nudes?|selfies?|videos?|images?)\y'),
      (43, 'grooming', '\y(?:tak(?:ohemi|ojme|oj|ue|u|im|imi)|piqemi|shihemi|te\s+dal\s+me\s+te|me\s+dal\s+me\s+te|shkoj\s+tek\s+ai|shkoj\s+ne\s+shtepi\s+te\s+tij)\y[^.!?]{0,40}\y(?:fshehurazi|fshehtas|fshehte|ne\s+fshehtesi|pa\s+(?:e\s+)?(?:ditur|dite|marre\s+vesh|mesuar)\s+(?:prinder|askush|kush|mam|bab|nen|nan|familj)\w*|pa\s+u\s+thene\s+(?:prinderve|askujt)|vetem\s+ne\s+te\s+dy)'),
      (44, 'grooming', '\y(?:nje|nji)\s+(?:burre|djale\s+i\s+madh|plak|i\s+rritur|person|njeri|mashkull|zoteri|i\s+panjohur|shofer)\y[^.!?]{0,60}(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:kerkon|kerkoi|fton|ftoi|propozon|propozoi|thote|tha|shkruan|shkruante|dergon|dergoi|bind|lyp|lypi|ofron|ofroi)\w*\y[^.!?]{0,40}\y(?:tak(?:ohemi|oj|ue|u)\w*|shihemi|piqemi|dhurat\w*|sekret\w*|fshe\w*|vij\s+(?:tek|te|ne)|makin\w*|shtepi\w*)'),
      (45, 'grooming', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:tha|thote|thoshte|thene|thane|than|thone|thoni|paralajmeroi|kercenoi|kerkoi|kerkon|lutet)\w*\s+(?:qe\s+|se\s+)?(?:te\s+|me\s+)?(?:fshij|fshi|fshije)\s+(?:\w+\s+)?(?:mesazh|bised|chat|foto)\w*'),
      (46, 'grooming', '\y(?:wants?|wanted|asked|asks|asking|keeps?\s+asking|begs?|begged|told|tells|invited|invites|pressur\w*)\s+me\s+to\s+(?:meet|come\s+(?:to|over)|visit|get\s+in)\y[^.!?]{0,40}\y(?:alone|secret\w*|without|nobody|no\s+one|his\s+(?:house|flat|place|car|hotel|room)|hotel|car)'),
      (47, 'grooming', '\y(?:told|tells|asked|asks|said|warned|made)\s+me\s+(?:not\s+to|to\s+never|never\s+to)\s+tell\s+(?:my\s+)?(?:parents|mum|mom|dad|mother|father|family|teacher|teachers)\y'),
      (48, 'grooming', '\y(?:a|an|this|some|one)\s+(?:older\s+|grown\s+)?(?:man|guy|adult|stranger|person|boy)\y[^.!?]{0,50}\y(?:wants?|asked|asks|keeps\s+asking|invited|is\s+asking)\s+(?:me\s+)?to\s+meet\y'),
      (49, 'grooming', '\ywants?\s+to\s+meet\s+me\y[^.!?]{0,40}\y(?:alone|in\s+secret|secretly|without)'),
      (50, 'grooming', '\y(?:told|tells|asked|asks|makes|made)\s+me\s+(?:to\s+)?delete\s+(?:our|the|all\s+(?:our|the))\s+(?:chats?|messages|texts)\y'),
      (51, 'grooming', '\y(?:tha|thote|thoshte|thane|thone)\s+(?:qe\s+|se\s+)?(?:te\s+)?mos\s+(?:me\s+)?(?:u|ua|i|ja|ia)\s+(?:thuaj|them|tregoj|tregosh|thuash|kallxosh|kallxo|trego)\w*\s+(?:\w+\s+)?(?:prind|mam|bab|nen|nan|familj)\w*'),
      (52, 'grooming', '\y(?:burre|plak|i\s+rritur|mashkull)\y[^.!?]{0,80}\ydo\s+(?:te\s+)?(?:me|m'')\s*(?:takoje|takoj|marre|merr|presi|pres)\y'),
      (53, 'grooming', '\y(?:i|we)\s+(?:shouldn''t|should\s+not|mustn''t|must\s+not|can''t|cannot)\s+tell\s+(?:my\s+)?(?:mum|mom|dad|parents|mother|father|family)\y'),
      (54, 'grooming', '\y(?:pick|picks|picking)\s+me\s+up\y[^.!?]{0,60}\y(?:secret\w*|shouldn''t\s+tell|not\s+(?:to\s+)?tell|alone|without)'),
      (55, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:prek|preku|prekte|prekur|preke|prekin|prekej)\y\s+(?:(?:ne\s+|n''\s*)(?!zemer|shpirt)|aty|trupin|kur|naten|pa\s|gjoks|kembet|poshte|me\s+(?:force|zor|dore|duar)|vazhdimisht|ne\s+menyre|nen\s)'),
      (56, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:perdhunoi|perdhunuan|perdhunuar|perdhunue|perdhunon|dhunoi|dhunuan|dhunuar|dhunue|ngacmon|ngacmoi|ngacmojne|ngacmonte|abuzoi|abuzon|abuzuan|puth|puthi|puthte|zhvesh|zhveshi|zhveshen|pergjon)\w*\s+(?:seksualisht|me\s+zor|me\s+force|pa\s+dashje|pa\s+deshir\w*|pa\s+leje|kunder\s+deshir\w*)'),
      (57, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:perdhunoi|perdhunuan|perdhunuar|perdhunue)\y'),
      (58, 'sexual_abuse', '\y(?:abuz|ngacm|prek)\w*\s+(?:seksualisht\s+)?me\s+mua\y'),
      (59, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:detyroi|detyron|detyrojne|detyruan|detyrue|beri|ben|kerkon|kerkoi)\w*\s+(?:(?:te|me)\s+)?(?:bej|bo|baj|kem|kryej)\s+(?:seks|marredhenie)'),
      (60, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:tregon|tregoi|dergon|dergoi|shfaq|detyron|ben\s+te\s+shoh|con)\w*\s+(?:\w+\s+){0,2}(?:porno\w*|video\s+seksuale|foto\s+(?:lakuriq|nudo|seksuale))'),
      (61, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:tha|thote|thoshte|thene|thane|than|thone|thoni|paralajmeroi|kercenoi|kerkoi|kerkon|lutet)\s+(?:qe\s+|se\s+)?(?:(?:te|me)\s+)?mos\s+(?:(?:ia|ja|i|u|ua|e)\s+)?(?:them|tregoj|tregu|kallxoj|kallxu|flas|folja|thuej|diftoj|tham)\w*\s+(?:\w+\s+)?(?:askujt|kujt|asnjeri|njeri|kurre)\y'),
      (62, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:tha|thote|thoshte|thene|thane|than|thone|thoni|paralajmeroi|kercenoi|kerkoi|kerkon|lutet)\y[^.!?]{0,30}\ysekret'),
      (63, 'sexual_abuse', '\y(?:touch|touches|touched|touching)\s+me\y(?!\s+(?:deeply|so\s+much|a\s+lot|very|greatly|emotionally))(?:\s+(?:there|down|under|in|at|when|where|without|and|again|every|every|on\s+my))'),
      (64, 'sexual_abuse', '\ytouch(?:es|ed|ing)?\s+my\s+(?:body|private\w*|breasts?|chest|legs|thighs|bum|butt)\y'),
      (65, 'sexual_abuse', '\y(?:raped|rapes|molested|molests|sexually\s+abused|sexually\s+abuses|abuses|abused|assaulted|groped|gropes)\s+me\y'),
      (66, 'sexual_abuse', '\y(?:i\s+was|i\s+am|i''m|im|i\s+got|i''ve\s+been|i\s+have\s+been)\s+(?:being\s+)?(?:raped|molested|sexually\s+abused|sexually\s+assaulted|groped)\y'),
      (67, 'sexual_abuse', '\y(?:makes?|made|forces?|forced|making)\s+me\s+(?:to\s+)?(?:have\s+sex|sleep\s+with|touch\s+him|watch\s+porn|do\s+sexual|undress|take\s+off\s+my)'),
      (68, 'sexual_abuse', '\y(?:told|tells|said|says|asked|asks|warned)\s+me\s+(?:not\s+to|to\s+never|never\s+to)\s+tell\s+(?:anyone|anybody|no\s+one|a\s+soul)\y'),
      (69, 'sexual_abuse', '\y(?:told|tells|said|says)\s+me\s+(?:that\s+)?(?:it\s*(?:''s|is|was)|this\s+is)\s+our\s+(?:little\s+)?secret\y'),
      (70, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:fut|futi|fusin)\s+(?:duart|doren|dore)\s+(?:nen|ne|n'')\s*(?:bluz|fund|rrob|pantallon|trup)\w*'),
      (71, 'sexual_abuse', '\y(?:touch|touches|touched|touching)\s+me\s*(?:[.!,;]|$)'),
      (72, 'sexual_abuse', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:beri|bere|ben|bejne|bone|bon)\s+foto\s+(?:lakuriq|nudo|pa\s+rroba)'),
      (73, 'sexual_abuse', '\y(?:does|did|do)\s+(?:things|stuff)\s+to\s+me\y'),
      (74, 'begging', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:cojne|cojn|con|coi|cuan|dergojne|dergon|dergoi|derguan|nxjerrin|nxjerr|nxori|nxoren|bejne|ben|bajne|bojne|sjellin|lene|vene|vendosin|ulin|detyrojne|detyron|detyroi|detyruan|mesuan|mesoi)\y[^.!?]{0,30}\y(?:te|me)\s+(?:lyp|lype|lypi|kerkoj\s+(?:lemosh|para)|shes\s+(?:lule|shami|cokollat|picet|gjera|cigare))\w*'),
      (75, 'begging', '(?<!\y(?:ai|ajo|djali|vajza|femija|plaku|plak|dikush|nje\s+djale|nje\s+vajze|nje\s+femije)\s)\y(?:une\s+)?lyp\s+(?:para\s+|lemoshe\s+|cdo\s+dite\s+)?(?:ne|n''|n|tek|te|para)\s*(?:rruge|semafor|treg|kryqezim|qender|kishe|xhami|ure)\w*'),
      (76, 'begging', '\y(?:duhet|do|me\s+duhet)\s+(?:te|me|t'')\s*(?:lyp\y(?!\s+(?:ndihm|leje|falje|drejt))|sjell\s+(?:\d+\s+)?(?:lek|para|euro))'),
      (77, 'begging', '\y(?:t''ia|tia|t''ja|tja|me\s+ja|me\s+ia)\s+(?:jap|dorezoj|coj|dhane)\s+(?:te\s+gjitha\s+)?(?:paret?e?|lek\w*)\y[^.!?]{0,40}\y(?:lyp|rruge|semafor)'),
      (78, 'begging', '\y(?:make|makes|made|making|force|forces|forced|forcing|send|sends|sent|sending|take|takes|took)\s+me\s+(?:to\s+)?(?:beg|begging|go\s+begging|sell\s+(?:flowers|tissues|gum))\y'),
      (79, 'begging', '\yi\s+(?:have\s+to|must|had\s+to|am\s+made\s+to|was\s+made\s+to|am\s+forced\s+to|still)\s+beg\y'),
      (80, 'begging', '\yi\s+(?:beg|am\s+begging|was\s+begging|spend\s+(?:the\s+)?days?\s+begging)\s+(?:on|at|in|for|near|outside|every)\y'),
      (81, 'begging', '\y(?:send|sends|sent|make|makes|made)\s+me\s+(?:to\s+)?(?:ask|asking)\s+(?:people\s+|strangers\s+)?for\s+(?:money|coins|change)\y'),
      (82, 'begging', '\yi\s+(?:\w+\s+){0,8}(?:ask|asking)\s+(?:people\s+)?for\s+(?:money|coins|change)\y'),
      (83, 'begging', '(?<!\y(?:ai|ajo|djali|vajza|femija|plaku|plak|dikush)\s)\y(?:une\s+)?shes\s+(?:lule|shami|cokollat\w*|cigare|picet\w*)\s+(?:ne|n''|te|tek|para)\s*(?:semafor|rruge|kryqezim|qender|treg)\w*'),
      (84, 'lover_boy', '\y(?:i\s+dashur\w*|dashnor\w*|i\s+fejuar\w*|i\s+fejuemi|partner\w*|boyfriend\w*|djali\s+(?:me\s+te\s+cilin|qe\s+dal|qe\s+dua|qe\s+me\s+pelqen|im))\y[^.!?]{0,60}(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:\w+\s+)?(?:kerkon|kerkoi|thote|tha|detyron|detyroi|con|coi|dergon|dergoi|shtyn|shtyu|bind|bindi|ben|lyp|lypi|sjell|solli|shet|shiti|prezant|njeh|njohu)\w*\y[^.!?]{0,60}\y(?:burra|meshkuj|shok\w*\s+(?:e\s+)?tij|klient\w*|parat\w*|para|leke|lek|per\s+(?:te|ate|ta)|njerez\s+te\s+tjere|te\s+tjere)\y'),
      (85, 'lover_boy', '\y(?:nese|neqoftese|po\s+qe\s+se|n''?qofte\s+se|nqs|po\s+ta|po\s+t''a)\s+(?:me\s+)?(?:e\s+|a\s+)?(?:dua|due|du|doja)\y[^.!?]{0,40}\y(?:duhet|do\s+te|do\s+ta|me\s+duhet|me)\s+(?:te\s+|ta\s+|t''\s*)?(?:punoj|punu|fle|dal|shkoj|bej|baj|ndihmoj|shes)\w*'),
      (86, 'lover_boy', '\ymy\s+(?:boyfriend|bf|partner|fiance|fiancé|lover|man)\y[^.!?]{0,50}\y(?:wants|makes|made|asks|asked|tells|told|forces|forced|pushes|pushed|pressures?|pressured|sends|sent|sells|sold|introduced)\s+me\s+(?:to\s+)?(?:work|sleep|go|meet|be\s+with|have|do|dance|sell|see|spend|entertain|his|other|older)\y[^.!?]{0,40}\y(?:for\s+(?:him|money)|men|guys|clients|friends|money|customers|strangers)\y'),
      (87, 'lover_boy', '\yif\s+i\s+(?:really\s+|truly\s+)?love(?:d)?\s+him\y[^.!?]{0,40}\y(?:i\s+(?:would|should|must|will|have\s+to|had\s+to)|i''d|i''ll)\y'),
      (88, 'lover_boy', '\ymy\s+(?:boyfriend|bf|partner|lover)\s+(?:takes|took|keeps|kept)\s+(?:all\s+)?(?:the|my)\s+money\y'),
      (89, 'lover_boy', '\y(?:he|she)\s+(?:says|said)\s+(?:he|she)\s+loves?\s+me\y[^.!?]{0,40}\y(?:makes|made|forces|forced|sends|sent)\s+me\s+(?:to\s+)?(?:dance|work|sleep|go|be\s+with)\y'),
      (90, 'forced_marriage', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:fejuan|fejoi|fejojne|fejojn|fejon|fejuar|fejue|fejuen|fejun|feju|martuan|martoi|martojne|martojn|martojme|martuar|martue|martuen|martun|martu|japin\s+nuse|dhane\s+nuse|dhan\s+nuse|dhene\s+nuse|cojne\s+nuse|coi\s+nuse|cuan\s+nuse|zune\s+nuse|zene\s+nuse|kane\s+zene)\y'),
      (91, 'forced_marriage', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:premtuan|premtoi|premtojne|premtuar|premtue|dhane|dhan|shitur|shiten|shiti|japin|jep)\s+(?:si\s+nuse|per\s+nuse|nuse|per\s+grua|nje\s+burri|nje\s+burre|djalit|nje\s+djali|burrit)\y'),
      (92, 'forced_marriage', '\y(?:jam|jom|u\s+bera)\s+(?:e|i)\s+(?:fejuar|fejueme|fejuem|martuar|martueme)\w*\s+(?:me\s+zor|pa\s+dashje|pa\s+deshir\w*|pa\s+me\s+pyet\w*|kunder\s+deshir\w*|me\s+nje\s+burre\s+(?:qe\s+)?(?:nuk|s'')|dhe\s+jam\s+(?:vetem\s+)?1[0-7])'),
      (93, 'forced_marriage', '\y(?:jam|jom)\s+(?:vetem\s+)?1[0-7]\s+vjec\w*[^.!?]{0,40}\y(?:fejuar|fejuan|fejuen|martuar|martojne|martojn|martoj|fejojne|nuse\s+(?:me|per))'),
      (94, 'forced_marriage', '(?:\ys''\s*|\ynuk\s+|\ys)(?:dua|due|du)\s+(?:te|me|t'')\s*(?:martohem|u\s+martu\w*|fejohem|u\s+feju\w*|behem\s+nuse|bahem\s+nuse|shkoj\s+nuse)\y[^.!?]{0,60}\y(?:(?:babai|baba|babi|nena|nana|mami|mamaja|njerku|njerka|xhaxhai|daja|vellai|gjyshi|i\s+ati|burri\s+i\s+nenes)|prinderit|familja|ata|me\s+detyr\w*|me\s+zor|me\s+kane|me\s+kan)\y'),
      (95, 'forced_marriage', '\y(?:marry|marrying|married)\s+me\s+off\y'),
      (96, 'forced_marriage', '\y(?:want|wants|wanted|forcing|forced|force|forces|making|make|makes|made|pressuring|pressure|pushing|push)\s+me\s+(?:to\s+)?(?:marry|get\s+married|get\s+engaged|be\s+engaged|wed)\y'),
      (97, 'forced_marriage', '\y(?:i\s+am|i''m|im|i\s+m)\s+(?:being\s+)?(?:forced|made|promised|engaged|married)\s+(?:to\s+(?:marry|a\s+man|an\s+older|a\s+boy|my\s+cousin)|off|without|against|at\s+1[0-7])'),
      (98, 'forced_marriage', '\yi\s+(?:was|have\s+been|got)\s+(?:forced|made|promised|engaged|married)\s+(?:to\s+(?:marry|a\s+man|an\s+older|a\s+boy|my\s+cousin)|off|without|against|at\s+1[0-7])'),
      (99, 'forced_marriage', '\ymy\s+(?:parents|family|father|dad|mother|mum|mom|uncle|grandfather)\y[^.!?]{0,40}\y(?:engaged|promised|married|arranged\s+(?:my|a)\s+(?:marriage|engagement|wedding))\s*(?:me\y|for\s+me\y)'),
      (100, 'forced_marriage', '\y(?:chose|chosen|picked|found)\s+(?:a\s+)?(?:husband|wife|groom|bride)\s+for\s+me\y'),
      (101, 'forced_marriage', '\y(?:vendosur|vendos|vendosi|zgjodhen|zgjodhi|gjeten|gjeti)\s+(?:\w+\s+){0,2}(?:me\s+ke|burrin|nusen|dhendrin)\s+(?:do\s+(?:te\s+)?|me\s+)?(?:martohem|u\s+martu|fejohem)?'),
      (102, 'forced_marriage', '\y(?:take|taking|send|sending|took|sent)\s+me\s+(?:back\s+)?(?:to\s+\w+\s+){0,2}[^.!?]{0,20}\yto\s+(?:get\s+married|marry|be\s+married)\y'),
      (103, 'forced_marriage', '\y(?:dhene|dhane|dha)\s+(?:fjalen|besen)\y[^.!?]{0,40}\y(?:nuse|martes|fejes)\w*'),
      (104, 'home_violence', '(?<!\y(?:duhet|per|pa|mos)\s)(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:rreh|rrah|rrahin|rrahen|rrahu|rrahi|rrahe|rahin|rrahur|rrahun|rrahte|rrihte|godasin|godet|goditi|goditur|qellojne|qellon|qelloi|lendojne|lendon|lenduar|keqtrajtojne|keqtrajton|keqtrajtuar|godit|djeg|dogji|shkelmon|shkelmoi|mbyt)\y'),
      (105, 'home_violence', '\y(?:babai|baba|babi|nena|nana|mami|mamaja|njerku|njerka|xhaxhai|daja|vellai|gjyshi|i\s+ati|burri\s+i\s+nenes)\y[^.!?]{0,20}\y(?:rreh|rrah|godet|qellon|lendon|kercenon|mbyt|shkelmon)\w*\s+(?:mamin|mamane|nenen|nanen|motren|vellain|mua|neve|ne\s+te\s+gjitheve|mamane\s+time)\y'),
      (106, 'home_violence', '\yk[ao]m\s+frike\s+(?:te|me)\s+(?:shkoj|shku|kthehem|kthehu|kthy|hyj)\s+(?:ne\s+|n''\s*|n\s+)(?:shtepi\w*|shpi\w*)'),
      (107, 'home_violence', '\yk[ao]m\s+frike\s+(?:nga|prej)\s+(?:babai|baba|babi|nena|nana|mami|mamaja|njerku|njerka|xhaxhai|daja|vellai|gjyshi|i\s+ati|burri\s+i\s+nenes)\y'),
      (108, 'home_violence', '\y(?:ne|n'')\s*(?:shtepi|shpi)\w*\s+(?:time|tone|tem|ton|tane)?\s*(?:ka|ke|ashte|eshte)\s+(?:shume\s+)?dhune\y'),
      (109, 'home_violence', '\y(?:they|he|she|someone|somebody|people|my\s+\w+)\s+(?:hits?|beats?|beat|hurts?|abuses?|abused|kicks?|kicked|punch(?:es|ed)?|slaps?|slapped|chokes?|choked|burns?|burned|whips?|whipped)\s+(?:me|us|my\s+(?:mum|mom|mother|sister|brother|little))\y(?!\s+(?:at|in|to)\s)'),
      (110, 'home_violence', '\yi\s+(?:am|was|''m|m|get|got)\s+(?:being\s+)?(?:beaten|abused|hit|kicked|slapped)\y'),
      (111, 'home_violence', '\y(?:i\s+am|i''m|im|i\s+m)\s+(?:so\s+|really\s+|very\s+)?(?:scared|afraid|frightened|terrified)\s+(?:to\s+go|of\s+going)\s+(?:back\s+)?home\y'),
      (112, 'home_violence', '\y(?:scared|afraid|frightened|terrified)\s+of\s+my\s+(?:(?:dad|father|stepdad|stepfather|mum|mom|mother|stepmum|stepmom|brother|uncle|grandfather)|parents)\y'),
      (113, 'home_violence', '\yafraid\s+for\s+my\s+life\y'),
      (114, 'home_violence', '\yk[ao]m\s+frike\s+per\s+jeten\s+time\y'),
      (115, 'home_violence', '\y(?:slaps?|slapped|punch(?:es|ed)|kicks|kicked|whips?|whipped|chokes?|choked)\s+me\y'),
      (116, 'home_violence', '\ybruises?\s+(?:from|because\s+of|all\s+over)\s+(?:my|his|her|the)\y'),
      (117, 'home_violence', '\y(?:babai|baba|babi|nena|nana|mami|mamaja|njerku|njerka|xhaxhai|daja|vellai|gjyshi|i\s+ati|burri\s+i\s+nenes)\y[^.!?]{0,30}\y(?:na|me|m'')\s*(?:gjuan|gjuajti|godet|rreh|rrah|shtyn|shtyu|terheq)\w*'),
      (118, 'debt_bondage', '\y(?:u|i|ju|atij|asaj|atyre|ia|ja)\s+(?:kam|kemi|kom|paskam)\s+(?:\S+\s+){0,3}borxh'),
      (119, 'debt_bondage', '\yborxh\w*\y[^.!?]{0,50}\y(?:duhet|do|me\s+duhet)\s+(?:te|me|t'')\s*(?:punoj|punu|punojme|shlyej|laj|paguaj|kthej|lye)\y'),
      (120, 'debt_bondage', '\y(?:duhet|do|me\s+duhet)\s+(?:te|me)\s+(?:punoj|punu|punojme)\y[^.!?]{0,50}\yborxh'),
      (121, 'debt_bondage', '\y(?:shlyej|laj|paguaj|kthej)\s+(?:\w+\s+){0,2}borxh'),
      (122, 'debt_bondage', '\yborxh\w*\s+(?:im|tim|yne|tone|e\s+mi)\y'),
      (123, 'debt_bondage', '\yi\s+(?:still\s+)?owe\s+(?:them|him|her|money|\d|a\s+lot|so\s+much|the\s+(?:boss|man|men|people|family|smuggler))'),
      (124, 'debt_bondage', '\y(?:i|we)\s+(?:have\s+to|must|had\s+to|need\s+to|am\s+working\s+to|''m\s+working\s+to|am\s+still\s+working\s+to)\s+(?:work\s+off|pay\s+(?:off|back))\y'),
      (125, 'debt_bondage', '\ymy\s+debt\y'),
      (126, 'debt_bondage', '\yderisa\s+(?:te|ta|t'')\s*(?:shlyej|paguaj|laj|kthej|shlyejme|paguajme)\y'),
      (127, 'debt_bondage', '\ywork\s+for\s+(?:them|him|her)\s+until\s+(?:it\s+is|it''s|i''ve|i\s+have|the\s+\w+\s+is)\s+(?:paid|paid\s+back|paid\s+off)\y'),
      (128, 'debt_bondage', '\yowes?\s+(?:him|them|her)\y[^.!?]{0,30}\yi\s+(?:must|have\s+to|need\s+to)\s+work\y'),
      (129, 'debt_bondage', '\yborxh\w*\s+(?:\w+\s+){0,2}rritet\y[^.!?]{0,40}\y(?:punoj|une)\y'),
      (130, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?detyr(?:ojne|ojn|on|oi|uan|uen|uar|ue|uem|onte|onin)\y'),
      (131, 'trafficking', '\y(?:jam|jom)\s+(?:i|e)\s+detyru(?:ar|em|eme|e)\y'),
      (132, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?shtrengo(?:jne|jn|n|i)\y'),
      (133, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:bejne|bejn|ben|bajne|bajn|bojne|bojn|bene|bone)\s+(?:te|me)\s+(?:punoj|punu|punuar)\y'),
      (134, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:shesin|shiten|shitur|shitun|shiti|shet)\y'),
      (135, 'trafficking', '\y(?:jam|jom)\s+(?:i\s+|e\s+)?trafiku(?:ar|em|eme|e)\y'),
      (136, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:premtuan|premtoi|premton|premtojne|premtuar|premtue|ofruan|ofroi|ofron|ofrojne|ofruar|gjeten|gjeti|gjejne|gjejn|gjen|propozuan|propozoi|bindi|binden)\y[^.!?]{0,60}\ypun\w*[^.!?]{0,40}\y(?:jashte|itali\w*|gjermani\w*|angli\w*|greqi\w*|zvicer\w*|franc\w*|evrop\w*|europ\w*|londer|london\w*|dubai|turqi\w*|amerik\w*)'),
      (137, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:premtuan|premtoi|premton|premtojne|premtuar|premtue|ofruan|ofroi|ofron|ofrojne|ofruar|gjeten|gjeti|gjejne|gjejn|gjen|propozuan|propozoi|bindi|binden)\y[^.!?]{0,40}\y(?:jashte|itali\w*|gjermani\w*|angli\w*|greqi\w*|zvicer\w*|franc\w*|evrop\w*|europ\w*|londer|london\w*|dubai|turqi\w*|amerik\w*)[^.!?]{0,40}\ypun\w*'),
      (138, 'trafficking', '(?:\ynuk\s+(?:me|ma|mi|m'')\s*|\ys''\s*(?:me|ma|mi|m''|m)\s*|\ys(?:me|ma|mi)\s+|\ys\s+me\s+)(?:lene|len|lejne|lejojne|lejojn|lejon|lane|lan|leshojne|lshojne|lshojn|lesho)\s+(?:te|me)\s+(?:dal|dale|dil|iki|ik|shkoj|shku|largohem|kthehem|telefonoj|flas)\y'),
      (139, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:mbyllin|mbyllen|mbylli|mbyllur|mbyllun)\y'),
      (140, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:mbajne|mbajn|mban)\s+(?:te\s+)?(?:mbyllur|mbyllun|brenda|si\s+rob)\y'),
      (141, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:marrin|merr|mori|moren|mbajne|mban|mbajti)\s+(?:te\s+gjitha\s+|gjithe\s+)?(?:parat|rrog|pag|fitim)\w*'),
      (142, 'trafficking', '(?:\ynuk\s+(?:me|ma|mi|m'')\s*|\ys''\s*(?:me|ma|mi|m''|m)\s*|\ys(?:me|ma|mi)\s+|\ys\s+me\s+)(?:paguajne|paguan|paguajn|pagun|paguajtne|paguan)\y'),
      (143, 'trafficking', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:(?:po|do|kane|kan|ka|kishin|kish|paskan|jane|jan|u)\s+)?(?:kercenojne|kercenojn|kercenon|kercenoi|kercenuan|kercenuar|shantazhon|shantazhojne|shantazhoi|shantazhuan)\y'),
      (144, 'trafficking', '\y(?:forcing|forced|forces|force)\s+me\y'),
      (145, 'trafficking', '\y(?:i\s+am|i''m|im|i\s+m)\s+(?:being\s+)?(?:forced|trafficked|sold|exploited)\y'),
      (146, 'trafficking', '\yi\s+(?:was|have\s+been|''ve\s+been|got)\s+(?:forced|trafficked|sold|exploited)\y'),
      (147, 'trafficking', '\y(?:they|he|she|someone|somebody|people|my\s+\w+)\s+(?:make|makes|made|are\s+making|is\s+making)\s+me\s+work\y'),
      (148, 'trafficking', '\y(?:sold|selling|sell|sells)\s+me\y(?!\s+(?:a|an|some|the|this|that|my)\y)'),
      (149, 'trafficking', '\y(?:promised|offered|promising|offering)\s+me\y[^.!?]{0,50}\y(?:job|work)\y[^.!?]{0,40}\y(?:abroad|overseas|italy|germany|england|uk|london|greece|switzerland|france|europe|dubai|turkey|america)\y'),
      (150, 'trafficking', '\yi\s+(?:was|am|have\s+been|''ve\s+been|got)\s+(?:promised|offered)\y[^.!?]{0,50}\y(?:job|work)\y[^.!?]{0,40}\y(?:abroad|overseas|italy|germany|england|uk|london|greece|switzerland|france|europe|dubai|turkey|america)\y'),
      (151, 'trafficking', '\y(?:won''t|wont|will\s+not|don''t|dont|do\s+not|doesn''t|does\s+not|didn''t)\s+let\s+me\s+(?:leave|go\s+out|go\s+home|out|escape|call|phone)\y'),
      (152, 'trafficking', '\ylock(?:ed|s)?\s+me\s+(?:in|up)\y'),
      (153, 'trafficking', '\ykeep(?:s|ing)?\s+me\s+locked\y'),
      (154, 'trafficking', '\y(?:take|takes|took|taking|keep|keeps|kept|keeping)\s+(?:all\s+)?(?:of\s+)?my\s+(?:money|wages|salary|pay|earnings)\y'),
      (155, 'trafficking', '\y(?:threaten\w*|blackmail\w*)\s+(?:me|us|my\s+family)\y'),
      (156, 'trafficking', '(?:(?:\ynuk\s+(?:me|ma|mi|m'')\s*|\ys''\s*(?:me|ma|mi|m''|m)\s*|\ys(?:me|ma|mi)\s+|\ys\s+me\s+)|\ynuk\s+na\s+|\ys''\s*na\s+|\ysna\s+)(?:jep|japin|dha|dhane|paguan|paguajne)\s+(?:asnje\s+|as\s+nje\s+|fare\s+)?(?:lek|lek\w+|para|rrog\w*|pag\w*|qindarke)\y'),
      (157, 'trafficking', '(?:\ynuk\s+na\s+|\ys''\s*na\s+|\ysna\s+)(?:lene|len|lejne|lejojne|lejojn|lejon|lane|lan|leshojne|lshojne)\s+(?:te|me)\s+(?:dalim|dalin|dal|ikim|iki|shkojme|largohemi|kthehemi)\y'),
      (158, 'trafficking', '\yi\s+(?:can''t|cant|cannot|can\s+not|am\s+not\s+allowed\s+to|''m\s+not\s+allowed\s+to|am\s+not\s+let)\s+(?:leave|go\s+out|go\s+home|escape)\s+(?:the|this)\s+(?:flat|house|apartment|place|room|farm|bar|club)\y'),
      (159, 'trafficking', '\y(?:bought|buy|buys|traded)\s+me\y(?!\s+(?:a|an|some|the|this|that|my|lunch|dinner|ice|new|presents?|gifts?)\y)'),
      (160, 'trafficking', '\ypunoj\s+(?:\w+\s+){0,3}(?:falas|pa\s+pag\w*|pa\s+rrog\w*|pa\s+para)\y(?!\s+(?:si\s+)?vullnetar)'),
      (161, 'help_request', '(?:\ys?me\s+|\ym''\s*|\ys?ma\s+|\ym\s+)(?:ndihmoni|ndihmo|ndihmoni\s+ju\s+lutem|shpetoni|shpeto|nxirrni|nxirr|ndihmoni\s+pls)\y(?!\s+(?:te|me|t'')\s*(?!(?:iki|ik|dal|largohem|shpetoj|arratisem|ik\s+nga)\y))(?!\s+(?:me|per|ne)\s+(?:projekt|ide|poster|fushat|detyr|organizim|kete|mesim))'),
      (162, 'help_request', '\yndihme\s*!|\yndihm\w*\s+ju\s+lutem\y|\yju\s+lutem\s+(?:me\s+|m'')\s*ndihm'),
      (163, 'help_request', '\yk[ao]m\s+nevoje\s+(?:urgjente\s+|te\s+madhe\s+)?(?:per|pr)\s+ndihme\y(?!\s+(?:me|per|ne|te)\s)'),
      (164, 'help_request', '\y(?:jam|jom|jemi)\s+(?:ne|n''|n)\s*rrezik\y(?!\s+(?:te|me|t'')\s)'),
      (165, 'help_request', '(?:\ynuk\s+|\ys''\s*|\ys)(?:ndihem|ndjehem|ndihna|ndjej\s+veten)\s+(?:i|e)\s+(?:sigurt|sigurte|sigurtë)\y'),
      (166, 'help_request', '(?:\ys''\s*|\ynuk\s+|\ys)k[ao]m\s+ku\s+(?:te|me)\s+(?:shkoj|shku|fle|rri|iki|jetoj)\y'),
      (167, 'help_request', '\y(?:please\s+)?(?:help|save|rescue)\s+me\y(?!\s+(?:to|with|understand|learn|find|know|improve|get\s+(?:better|more|a|the)|make|do|think|see|organi[sz]e|write|plan|spread|share|start|create|choose|decide|pick|remember|a|an|some|time|the))'),
      (168, 'help_request', '\yplease\s+help\s*(?:!|$|\.)'),
      (169, 'help_request', '\yi\s+(?:really\s+|urgently\s+)?need\s+(?:your\s+|some\s+)?help\y(?!\s+(?:with|to|for|on|from\s+(?:my|the)\s+(?:teacher|class)))'),
      (170, 'help_request', '\y(?:i\s+am|i''m|im|we\s+are|we''re)\s+(?:in\s+danger|not\s+safe)\y'),
      (171, 'help_request', '\yi\s+(?:don''t|do\s+not|dont)\s+feel\s+safe\y'),
      (172, 'help_request', '\y(?:get|take)\s+me\s+out\s+of\s+(?:here|this\s+(?:house|place))\y|\ycall\s+the\s+police\s+for\s+me\y|\ysomeone\s+(?:please\s+)?help\s+me\y'),
      (173, 'help_request', '^\s*help\s*[,!]'),
      (174, 'help_request', '\y(?:please|someone)\s+(?:please\s+)?call\s+the\s+police\y'),
      (175, 'help_request', '\y(?:me|m'')\s*nxjerr\w*\s+(?:prej|nga|prej\s+ketij|nga\s+ky)\s*(?:ketu|aty|vendi|ketej)\y')
    ) as r(n, kind, pattern)
    group by r.kind
  ) as k;
  for n in 1 .. array_length(patterns, 1) loop
    spans := spans || private.match_spans(t, patterns[n], kinds[n], spans);
  end loop;
  return spans;
end
$$;
-- generated by supabase/codegen/detectSafeguardingSql.ts: end

-- Grants -------------------------------------------------------------------------
-- Ideas reach anon only through submit_idea / idea_status and the public views;
-- moderators read them directly and change them only through the functions.
revoke all on public.ideas, public.idea_questions, public.idea_activity_links, public.moderation_log
  from anon, authenticated;
revoke insert, update, delete, truncate on public.moderation_log from service_role;
grant select on public.ideas, public.idea_questions, public.idea_activity_links, public.moderation_log
  to authenticated;
-- anon: the published columns of published ideas (policy above) and their
-- links; never the original, the session, the flags or the exact time.
-- publish_consent and status tell anon nothing: every row it may see has consent.
grant select (id, region, theme, public_text, created_month, status, publish_consent, feedback_sq, feedback_en) on public.ideas to anon;
grant select (idea_id, activity_id, note) on public.idea_activity_links to anon;
-- Clearances and referrals are written only by the logged functions.
revoke all on public.safeguarding_clearances, public.referrals from anon, authenticated;
revoke insert, update, delete, truncate on public.safeguarding_clearances, public.referrals from service_role;
grant select on public.safeguarding_clearances, public.referrals to authenticated;

-- Flagged ideas are left out for everybody, officers included: their
-- originals are read only through the functions that log each read
-- (moderation_queue for the region's officers, break_glass_flagged_idea for
-- the coordinator); other moderators see there that a flag exists and its age.
create policy "Moderators read their region's unflagged ideas and coordinators all unflagged" on public.ideas
  for select to authenticated
  using ((region = (select private.my_committee_region()) or (select private.is_coordinator())) and not safeguarding_flag);
-- The published ideas, and only the columns anon is granted below: what
-- public_ideas and public_adopted_ideas show (they run with the caller's rights).
create policy "Anyone can read published ideas" on public.ideas
  for select to anon
  using (status in ('approved', 'adopted') and publish_consent and not safeguarding_flag);

create policy "Moderators can read unflagged questions about ideas of their region" on public.idea_questions
  for select to authenticated
  using (not safeguarding_flag and exists (select 1 from public.ideas i where i.id = idea_id));

create policy "Moderators can read links of their region's ideas" on public.idea_activity_links
  for select to authenticated
  using (exists (select 1 from public.ideas i where i.id = idea_id));
-- Through anon's own policy on ideas, the links of published ideas only.
create policy "Anyone can read links of published ideas" on public.idea_activity_links
  for select to anon
  using (exists (select 1 from public.ideas i where i.id = idea_id));

create policy "Moderators read their region's log and coordinators the whole log" on public.moderation_log
  for select to authenticated
  using (region = (select private.my_committee_region()) or (select private.is_coordinator()));

create policy "Safeguarding officers and coordinators can read clearances" on public.safeguarding_clearances
  for select to authenticated
  using ((select private.is_safeguarding_officer_of(region)) or (select private.is_coordinator()));

create policy "Safeguarding officers and coordinators can read referrals" on public.referrals
  for select to authenticated
  using ((select private.is_safeguarding_officer_of(region)) or (select private.is_coordinator()));
