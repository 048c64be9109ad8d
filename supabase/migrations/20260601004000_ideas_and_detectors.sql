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

create function private.clean_text(p_text text) returns text
language sql immutable set search_path = ''
as $$
  select private.js_trim(normalize(p_text, nfc))
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
  text text not null check (private.text_fits(text, 10, 1000)),
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
  moderated_by uuid references public.profiles (id) on delete set null,
  reject_reason text check (reject_reason in ('off_topic', 'duplicate', 'personal_data', 'inappropriate', 'other')),
  escalated_at timestamptz,
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
  constraint ideas_flagged_never_published check (not (safeguarding_flag and status in ('approved', 'adopted')))
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
begin
  if new.text is distinct from old.text
    or new.can_do is distinct from old.can_do
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
-- words, while the officer keeps the record (region, school, date, who was
-- informed) until its retention ends (purge_expired_ideas).
create table public.referrals (
  id uuid primary key default gen_random_uuid(),
  idea_id uuid references public.ideas (id) on delete set null,
  region text not null references public.regions (slug),
  school text,
  referred_at timestamptz not null default now(),
  informed text not null check (private.text_fits(informed, 1, 500)),
  referred_by uuid references public.profiles (id) on delete set null,
  idea_withdrawn_at timestamptz
);
comment on table public.referrals is
  'Referrals to child protection: region, school, date and who was informed. Outlive a withdrawn idea until retention.';
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
    'appoint_officer', 'remove_officer', 'clear_flag'
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
  select array_agg(r.kind), array_agg(r.pattern) into kinds, patterns from (values
  -- forced
  ('forced', '\m(me|na)\s+(\w+\s+){0,2}(detyr(o|u)(?!eshm)|shtrengo|shtrengu)\w*'),
  ('forced', '\m(jam|jemi|jom)\s+(i\s+|e\s+|te\s+)?(detyru|detyrua|shtrengu)\w*'),
  ('forced', '\mforc(e|es|ed|ing)\s+(me|us)\M'),
  ('forced', '\m(i\s+am|i''m|im|we\s+are|we''re)\s+(being\s+)?forced\M'),
  ('forced', '\m(make|makes|made|making)\s+(me|us)\s+(work|go|leave|do\s+things|sleep)\M'),
  -- documents
  ('documents', '\m(me|na|ma|m''i|m''a|na\s+i)\s*(\w+\s+){0,2}(mor|marr|merr|mbaj|mban|mbajt|fsheh)\w*\s+(\w+\s+)?(pasaport|dokument|leternjoftim|kart\w*\s+(e\s+)?identitet)\w*'),
  ('documents', '\m(pasaport|dokument|leternjoftim)\w*\s+(\w+\s+){0,2}(ma|m''i|mi|m''a|na\s+i|na)\s+(\w+\s+)?(mor|marr|merr|mbaj|mban|fsheh|kan|kane)\w*'),
  ('documents', '\m(took|take|takes|taken|taking|keep|keeps|kept|keeping|hold|holds|held|holding|stole|stolen)\s+(away\s+)?(my|our)\s+(passports?|documents|papers|id(\s+card)?)\M'),
  ('documents', '\m(my|our)\s+(passports?|documents|papers|id(\s+card)?)\s+(was|were|is|are|has\s+been|have\s+been|got)\s+(taken|kept|held|stolen|confiscated)\M'),
  -- abroad for work
  ('abroad', '\m(me|na)\s+(\w+\s+){0,2}(kerko|kerku|ofro|ofru|premto|premtu|thon|thot|than|bind|nxit|fto|ftu|dergo|dergu|con|coj|coi|shty)\w*\s+(\S+\s+){0,6}(jashte|itali\w*|greqi\w*|gjermani\w*|angli\w*|londer|londr\w*|zvicer\w*|franc\w*|evrop\w*|europ\w*|emigr\w*)'),
  ('abroad', '\m(ask|asks|asked|asking|want|wants|wanted|tell|tells|told|telling|offer|offers|offered|offering|promise|promises|promised|promising|push|pushes|pushed|pushing|pressur\w*|send|sends|sending|invit\w*|persuad\w*|convinc\w*|get|got|getting)\s+(me|us)\s+(\S+\s+){0,6}(abroad|overseas|another\s+country|italy|greece|germany|england|uk|london|france|switzerland)\M'),
  ('abroad', '\m(i\s+was|i\s+am|i''m|we\s+were|we\s+are)\s+(being\s+)?(offered|promised|asked|told|invited)\s+(\S+\s+){0,5}(abroad|overseas|another\s+country|italy|greece|germany|england|uk|london|france|switzerland)\M'),
  -- photos
  ('photos', '\m(me|na)\s+(\w+\s+){0,2}(kerko|kerku|lyp|thot|thon)\w*\s+(\S+\s+){0,3}(foto|fotografi|imazh|video)\w*'),
  ('photos', '\m(ask|asks|asked|asking|want|wants|wanted|tell|tells|told|pressur\w*|make|makes|made)\s+(me|us)\s+(\S+\s+){0,4}(photos?|pictures?|pics|nudes|videos?|selfies?)\M'),
  -- violence
  ('violence', '\m(me|na)\s+(\w+\s+)?(rrahin|rrahen|rrahu|rrahte|rrahnin|godasin|godet|goditi|goditen|qellojne|qelloi)\M'),
  ('violence', '\m(hit|hits|hitting|beat|beats|beating|hurt|hurts|hurting|kick|kicks|kicked|slap|slaps|slapped|punch\w*)\s+(me|us)\M'),
  -- afraid to go home
  ('afraid', '\m(kam|kom|kemi)\s+frike\s+(te|me)\s+(shkoj|shku|kthehem|kthy|hyj|shkojme)\s+(ne\s+|n''|n\s+)(shtepi|shpi)'),
  ('afraid', '\m(kam|kom|kemi)\s+frike\s+nga\s+(babai|baba|nena|nana|pronari|shefi|i\s+dashuri|xhaxhai|vellai|njerku)\M'),
  ('afraid', '\m(scared|afraid|frightened|terrified)\s+(to\s+go\s+home|of\s+going\s+home|of\s+my\s+(father|mother|dad|mum|mom|boss|boyfriend|uncle|brother|stepfather))\M'),
  -- threats and confinement
  ('threat', '\m(me|na)\s+(\w+\s+)?kerc(e)?n(o|u)\w*'),
  ('threat', '(\mnuk\s+|\ms'')(me|na)\s+(le|len|lene|lejo|lejon|lejojne|lesho|lshon|lshojne|lshoj)\w*\s+(te|me)\s+(dal|ik|larg|shko|shku|kthe|kthy|flas|fol)\w*'),
  ('threat', '\mthreat\w*\s+(me|us|my\s+family)\M'),
  ('threat', '\m(won''t|wont|will\s+not|don''t|dont|do\s+not|doesn''t|does\s+not|can''t|cant|cannot)\s+let\s+(me|us)\s+(leave|go|out|talk|call)\M'),
  ('threat', '\m(locked|lock|locks|locking)\s+(me|us)\s+(in|up)\M'),
  -- money, wages and debt
  ('money', '\m(me|na)\s+(\w+\s+)?(marr|mor|mba|mban)\w*\s+(\w+\s+)?(para|rrog|pag|fitim)\w*'),
  ('money', '\m(take|takes|took|taking|keep|keeps|kept|keeping)\s+(all\s+)?(of\s+)?(my|our)\s+(money|wages|salary|pay|earnings)\M'),
  ('debt', '\m(u|i|ju|atij|asaj)\s+(kam|kemi|kom)\s+borxh'),
  ('debt', '\m(i|we)\s+(owe|owes)\s+(them|him|her|money)\M'),
  -- being sold
  ('sold', '\m(me|na)\s+(po\s+|kane\s+|kan\s+|ka\s+)?(shes|shesin|shiten|shiti|shitur)\M'),
  ('sold', '\m(sold|selling|sell)\s+(me|us)\M(?!\s+(a|an|some|the|this|that|my)\M)'),
  ('sold', '\m(i\s+was|i\s+am|i''m|we\s+were|being)\s+(being\s+)?sold\M'),
  -- calls for help
  ('help', '\m(me|na)\s+(ndihmo|shpeto)\w*'),
  ('help', '\m(please\s+)?(help|save|rescue)\s+(me|us)\M(?!\s+(to|with|understand|learn|find|know|improve|get|make|do|think|see))')
  ) as r(kind, pattern);
  if t !~ ('(?:' || array_to_string(patterns, ')|(?:') || ')') then
    return spans;
  end if;
  for n in 1 .. array_length(patterns, 1) loop
    spans := spans || private.match_spans(t, patterns[n], kinds[n], spans);
  end loop;
  return spans;
end
$$;

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

create policy "Moderators read their region's ideas and coordinators all" on public.ideas
  for select to authenticated
  using (region = (select private.my_committee_region()) or (select private.is_coordinator()));
-- The published ideas, and only the columns anon is granted below: what
-- public_ideas and public_adopted_ideas show (they run with the caller's rights).
create policy "Anyone can read published ideas" on public.ideas
  for select to anon
  using (status in ('approved', 'adopted') and publish_consent and not safeguarding_flag);

create policy "Moderators can read questions about ideas of their region" on public.idea_questions
  for select to authenticated
  using (exists (select 1 from public.ideas i where i.id = idea_id));

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
