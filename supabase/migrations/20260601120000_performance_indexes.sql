-- Performance: the indexes the hot queries need at 100,000 ideas, and three
-- functions made cheaper without changing what they answer.
-- Tables touched: ideas (indexes only).
-- Functions replaced (same signatures, same results): private.session_state,
-- private.detect_personal_data, private.detect_safeguarding.
-- Measured with explain analyze on 100,000 ideas (bench/api.ts, bench/load.ts;
-- figures in docs/performance.md).

-- Indexes ------------------------------------------------------------------------
-- A moderator's paged list (`ideas?region=eq.x&status=eq.pending&order=created_at.desc`)
-- was a bitmap scan of every pending idea of the region and a sort (47 ms at
-- 15,000 pending on Postgres, ~250 ms on PGlite); in this order it is a short
-- backward index scan that stops after offset + limit rows (1 ms). It also
-- serves the RLS filter on region and the committee dashboard's counts, so the
-- (region, status) index it extends is dropped: one index less to update on
-- every submission.
create index ideas_region_status_created_at_idx on public.ideas (region, status, created_at);
drop index public.ideas_region_status_idx;

-- The ideas wall counts published ideas per region and theme (HEAD requests
-- with count=exact on public_ideas): an index-only scan of the published rows
-- instead of reading the table.
create index ideas_published_region_theme_idx on public.ideas (region, theme)
  where status in ('approved', 'adopted') and publish_consent;

-- submit_idea's other lookups already have their index: idempotency_key and
-- receipt_hash (unique), session_id + created_at (the per-minute burst count
-- and the session's size), class_sessions.join_code.

-- Helper functions -----------------------------------------------------------------
-- Whether a session is full: counting stops at max_ideas, and plpgsql plans
-- the count with the session's id, so it is an index range scan of at most
-- max_ideas entries. The SQL version was planned generically and, when a few
-- sessions held most ideas, counted them with a sequential scan of the whole
-- table on every submission (13-28 ms at 100,000 ideas).
create or replace function private.session_state(p_session public.class_sessions) returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_session.closed_at is not null or now() >= p_session.closes_at then
    return 'closed';
  end if;
  if now() < p_session.opens_at then
    return 'not_yet_open';
  end if;
  if (select count(*) from (
        select 1 from public.ideas i where i.session_id = p_session.id limit p_session.max_ideas
      ) as counted) >= p_session.max_ideas then
    return 'full';
  end if;
  return 'open';
end
$$;

-- Detectors: Postgres keeps the last 32 compiled regular expressions per
-- connection. The two detectors use 41 patterns one after the other, so every
-- call recompiled all of them (5-6 ms per submission). Each detector now tries
-- the union of its patterns first, one cached expression: most ideas match
-- none, and then the answer is the empty array at once. A text that matches
-- runs the rules one by one, exactly as before, so spans and their order are
-- unchanged (tests/db/02_detectors.test.ts).
create or replace function private.detect_personal_data(p_text text) returns jsonb
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
  -- Same rules, same order as 20260601090400_ideas.sql.
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

create or replace function private.detect_safeguarding(p_text text) returns jsonb
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
  -- Same rules, same order as 20260601090400_ideas.sql.
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
