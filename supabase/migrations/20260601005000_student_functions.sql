-- What students (anon, no account) can do: join a session by code, submit an
-- idea, follow it by receipt code, ask about it, withdraw it.
-- Functions: join_session, submit_idea, idea_status, ask_about_idea, withdraw_idea.
-- All are security definer because anon has no access to the tables they
-- read and write; each validates its input before touching data.
-- Abuse limits (issue 13): private.check_request() is PostgREST's
-- db-pre-request function (registered on the authenticator role at the end of
-- this file), backed by private.rate_counters; seats (private.session_seats)
-- let a device that joined while the session was open deliver a few ideas
-- after it closed. Tables: private.rate_counters, private.session_seats.

-- Tables ------------------------------------------------------------------------------
-- Fixed-window counters: one row per bucket and window. Buckets are
-- 'requests:<address>' (1 minute), 'ideas:<session>:<address>' (1 minute),
-- 'join_fail:<address>' (10 minutes), 'join_fail:*' (1 hour) and
-- 'join_ok:<address>' (1 hour). Addresses are IPv4 hosts or IPv6 /64 networks.
create table private.rate_counters (
  bucket text not null check (char_length(bucket) <= 200),
  window_start timestamptz not null,
  hits int not null default 0,
  primary key (bucket, window_start)
);
comment on table private.rate_counters is
  'Request and failure counters per client address, session and window for the student functions'' limits. No API access.';
alter table private.rate_counters enable row level security;
create index rate_counters_window_start_idx on private.rate_counters (window_start);

-- A seat is what join_session gives a device that joined an open session:
-- a random token, stored only as its SHA-256, that lets the device deliver
-- up to seat_token_ideas ideas queued offline after the session closed.
create table private.session_seats (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  session_id uuid not null references public.class_sessions (id) on delete cascade,
  issued_at timestamptz not null default now(),
  late_ideas int not null default 0 check (late_ideas >= 0)
);
comment on table private.session_seats is
  'Seat tokens (hashed) given by join_session while a session is open; late delivery after closing needs one. No API access.';
alter table private.session_seats enable row level security;
create index session_seats_session_id_idx on private.session_seats (session_id);
create index session_seats_issued_at_idx on private.session_seats (issued_at);

revoke all on private.rate_counters, private.session_seats from public, anon, authenticated, service_role;

-- Helper functions --------------------------------------------------------------------
-- When a session stopped taking ideas: closing early sets closed_at before
-- closes_at; purge_expired_ideas() sets closed_at = closes_at afterwards.
create function private.session_closing_time(p_session public.class_sessions) returns timestamptz
language sql immutable set search_path = ''
as $$
  select least(p_session.closes_at, coalesce(p_session.closed_at, p_session.closes_at))
$$;

create function private.raise_code(p_code text, p_detail text default null) returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = p_code, detail = coalesce(p_detail, '');
end
$$;

-- Whether a session is full: counting stops at max_ideas, and plpgsql plans
-- the count with the session's id, so it is an index range scan of at most
-- max_ideas entries. The SQL version was planned generically and, when a few
-- sessions held most ideas, counted them with a sequential scan of the whole
-- table on every submission (13-28 ms at 100,000 ideas).
create function private.session_state(p_session public.class_sessions) returns text
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

create function private.setting_int(p_key text, p_default int) returns int
language sql stable security definer set search_path = ''
as $$
  select coalesce((select (s.value)::int from public.settings s where s.key = p_key), p_default)
$$;

-- Limits ------------------------------------------------------------------------------
-- The client address as Supabase's gateway passes it to PostgREST: the first
-- X-Forwarded-For entry of request.headers (the local stack sets the header
-- to the one address it trusts). IPv4-mapped IPv6 is read as IPv4; IPv6 is
-- kept to its /64, the block one home or school network gets. Null outside
-- an API request (SQL, jobs) and for service_role (server-side, trusted): no
-- per-address limit applies there.
create function private.client_address() returns text
language plpgsql stable set search_path = ''
as $$
declare
  v_raw text := nullif(trim(split_part(
    (nullif(current_setting('request.headers', true), '')::json)->>'x-forwarded-for', ',', 1)), '');
  v_inet inet;
begin
  if v_raw is null
     or (nullif(current_setting('request.jwt.claims', true), '')::json)->>'role' = 'service_role' then
    return null;
  end if;
  v_raw := regexp_replace(v_raw, '^::ffff:([0-9]+\.[0-9]+\.[0-9]+\.[0-9]+)$', '\1', 'i');
  begin
    v_inet := v_raw::inet;
  exception when others then
    -- A header that is no address still gets one shared bucket.
    return 'invalid';
  end;
  if family(v_inet) = 6 then
    return network(set_masklen(v_inet, 64))::text;
  end if;
  return host(v_inet);
end
$$;

-- Adds one hit to a bucket's current window and returns the window's count.
-- Old windows are swept now and then (one call in a hundred).
create function private.rate_hit(p_bucket text, p_window interval) returns int
language plpgsql volatile set search_path = ''
as $$
declare
  v_hits int;
begin
  insert into private.rate_counters as c (bucket, window_start, hits)
  values (left(p_bucket, 200), date_bin(p_window, now(), timestamptz '2000-01-01'), 1)
  on conflict (bucket, window_start) do update set hits = c.hits + 1
  returning c.hits into v_hits;
  if random() < 0.01 then
    delete from private.rate_counters c where c.window_start < now() - interval '1 day';
  end if;
  return v_hits;
end
$$;

create function private.rate_count(p_bucket text, p_window interval) returns int
language sql stable set search_path = ''
as $$
  select coalesce((select c.hits from private.rate_counters c
    where c.bucket = left(p_bucket, 200) and c.window_start = date_bin(p_window, now(), timestamptz '2000-01-01')), 0)
$$;

create function private.raise_rate_limited(p_detail text) returns void
language plpgsql set search_path = ''
as $$
begin
  -- PostgREST answers PTxyz with HTTP xyz.
  raise exception using errcode = 'PT429', message = 'rate_limited', detail = p_detail;
end
$$;

-- Whether an address may try a join code now (join_session, submit_idea):
-- not after failed_joins_per_address unknown codes in 10 minutes, and, once
-- failed_joins_global_per_hour unknown codes came from everyone in the hour,
-- only if it joined a class session this hour (a school already at work).
-- Refused before the code is looked at, so a refusal says nothing about it.
create function private.check_join_allowed(p_address text) returns void
language plpgsql stable set search_path = ''
as $$
begin
  if p_address is null then
    return;
  end if;
  if private.rate_count('join_fail:' || p_address, interval '10 minutes')
     >= private.setting_int('failed_joins_per_address', 20) then
    perform private.raise_rate_limited('too many unknown codes from this address; try again in 10 minutes');
  end if;
  if private.rate_count('join_fail:*', interval '1 hour') >= private.setting_int('failed_joins_global_per_hour', 1000)
     and private.rate_count('join_ok:' || p_address, interval '1 hour') = 0 then
    perform private.raise_rate_limited('too many unknown codes tried; try again later');
  end if;
end
$$;

create function private.record_failed_join(p_address text) returns void
language plpgsql volatile set search_path = ''
as $$
begin
  if p_address is null then
    return;
  end if;
  perform private.rate_hit('join_fail:' || p_address, interval '10 minutes');
  perform private.rate_hit('join_fail:*', interval '1 hour');
end
$$;

-- PostgREST's db-pre-request: runs before every API request, as the request's
-- role, after request.path and request.headers are set. Only the student
-- entry points are counted, so reads never write. Volatile and in the same
-- transaction as the request: join_session and submit_idea are volatile, so
-- PostgREST runs their POST read-write. security definer because the API
-- roles have no access to the counters; the caller checked is the address.
create function private.check_request() returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_address text;
begin
  if coalesce(current_setting('request.path', true), '') not in ('/rpc/join_session', '/rpc/submit_idea') then
    return;
  end if;
  v_address := private.client_address();
  if v_address is null then
    return;
  end if;
  if private.rate_hit('requests:' || v_address, interval '1 minute')
     > private.setting_int('student_requests_per_minute_per_address', 600) then
    perform private.raise_rate_limited(format('at most %s requests per minute from one address',
      private.setting_int('student_requests_per_minute_per_address', 600)));
  end if;
  perform private.check_join_allowed(v_address);
end
$$;

-- Seats are of no use once their session's grace period (at most 720 hours)
-- is over: up to 1,000 of them are deleted at a time, by one join in a hundred.
create function private.sweep_seats() returns int
language plpgsql volatile set search_path = ''
as $$
declare
  v_deleted int;
begin
  delete from private.session_seats seat
  where seat.token_hash in (
    select old.token_hash
    from private.session_seats old
    join public.class_sessions s on s.id = old.session_id
    where old.issued_at < now() - interval '31 days'
      and (s.closed_at is not null or s.closes_at <= now())
      and private.session_closing_time(s) < now() - interval '31 days'
    limit 1000);
  get diagnostics v_deleted = row_count;
  return v_deleted;
end
$$;

-- join_session ------------------------------------------------------------------
-- Volatile: an unknown code is counted (and answered, not raised, so the
-- count is committed), and an open session gives the device a seat token.
create function public.join_session(p_code text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  s public.class_sessions;
  v_address text := private.client_address();
  v_state text;
  v_seat text;
begin
  perform private.check_join_allowed(v_address);
  select * into s from public.class_sessions where id = private.session_for_code(p_code);
  if not found then
    perform private.record_failed_join(v_address);
    return jsonb_build_object('status', 'unknown');
  end if;
  v_state := private.session_state(s);
  if v_state = 'open' then
    if s.kind = 'class' and v_address is not null then
      perform private.rate_hit('join_ok:' || v_address, interval '1 hour');
    end if;
    v_seat := translate(encode(extensions.gen_random_bytes(18), 'base64'), '+/', '-_');
    insert into private.session_seats (token_hash, session_id)
    values (encode(extensions.digest(v_seat, 'sha256'), 'hex'), s.id);
    if random() < 0.01 then
      perform private.sweep_seats();
    end if;
  end if;
  return jsonb_build_object(
    'status', v_state,
    'kind', s.kind,
    'region', s.region,
    'school', s.school,
    'grade_band', s.grade_band,
    'activity_slug', s.activity_slug,
    'campaign_slug', s.campaign_slug,
    'opens_at', s.opens_at,
    'closes_at', s.closes_at,
    'seat_token', v_seat
  );
end
$$;

-- p_queued_at: when the student pressed send, by the device's clock. It is
-- weighed only when the session has closed: an idea queued while the session
-- was open and delivered within late_delivery_grace_hours of its closing is
-- accepted like any other (size, burst limit, validation and idempotency
-- included). A claim in the future or before the session opened is refused
-- (invalid_queued_at). An open session never looks at it, so a device whose
-- clock is wrong loses nothing while the session is open.
-- p_seat_token: the seat join_session gave this device. After closing, a late
-- idea is accepted only with a seat of that session issued before it closed,
-- each seat for seat_token_ideas ideas and the session for late_ideas_per_session
-- in all: the code alone no longer opens a closed session.
-- An unknown code is answered {refused: 'session_unknown'} with status 200,
-- not raised: a raise would roll back the failed-join count with it, and
-- submit_idea would be a way to guess codes that nobody counts.
-- security definer because anon has no access to the tables it reads and writes.
create function public.submit_idea(
  p_code text,
  p_text text,
  p_theme text,
  p_can_do text,
  p_age_band text,
  p_locale text,
  p_publish_consent boolean,
  p_idempotency_key uuid,
  p_receipt_code text default null,
  p_transcribed boolean default false,
  p_queued_at timestamptz default null,
  p_seat_token text default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_text text := private.clean_text(p_text);
  v_can_do text := nullif(private.clean_text(p_can_do), '');
  v_locale text := coalesce(p_locale, 'sq');
  v_receipt text;
  v_hash text;
  v_session public.class_sessions;
  v_existing public.ideas;
  v_burst int;
  v_personal jsonb;
  v_safeguarding jsonb;
  v_created timestamptz;
  v_closing timestamptz;
  v_address text := private.client_address();
  v_limit int;
begin
  -- Input first, mirroring src/lib/schemas/idea.ts; no data is touched yet.
  if v_text is null or char_length(v_text) not between 10 and 1000 then
    perform private.raise_code('invalid_text');
  end if;
  if p_theme is null or p_theme not in ('school', 'family', 'online', 'community', 'work_abroad', 'other') then
    perform private.raise_code('invalid_theme');
  end if;
  if v_can_do is not null and char_length(v_can_do) > 500 then
    perform private.raise_code('invalid_can_do');
  end if;
  if p_age_band is not null and p_age_band not in ('12-14', '15-17', '18+') then
    perform private.raise_code('invalid_age_band');
  end if;
  if v_locale not in ('sq', 'en') then
    perform private.raise_code('invalid_locale');
  end if;
  if p_publish_consent is null then
    perform private.raise_code('invalid_consent');
  end if;
  if p_idempotency_key is null then
    perform private.raise_code('invalid_idempotency_key');
  end if;
  if p_receipt_code is not null then
    v_receipt := private.normalise_receipt_code(p_receipt_code);
    if v_receipt !~ '^[2-9A-HJKMNP-Z]{10}$' then
      perform private.raise_code('invalid_receipt_code');
    end if;
  end if;

  if p_seat_token is not null and char_length(p_seat_token) > 64 then
    perform private.raise_code('invalid_seat_token');
  end if;

  -- Cheap before costly: a code no session has ever had is refused with one
  -- index lookup, before the detectors' work (an attacker guessing codes
  -- costs little), and counted like a failed join. Every other refusal needs
  -- the session and comes below.
  perform private.check_join_allowed(v_address);
  if not exists (select 1 from public.class_sessions s where s.join_code = private.normalise_join_code(p_code)) then
    perform private.record_failed_join(v_address);
    return jsonb_build_object('receipt_code', null, 'submitted_at', null, 'duplicate', false, 'refused', 'session_unknown');
  end if;

  -- Detection reads no data, so it runs before the lock below is taken.
  v_personal := private.detect_personal_data(v_text || coalesce(E'\n' || v_can_do, ''));
  v_safeguarding := private.detect_safeguarding(v_text || coalesce(E'\n' || v_can_do, ''));

  -- Locking the session row serialises submissions to one session, so the
  -- idempotency check, the count and the burst window below see every idea
  -- committed before us. A closed session frees its code for a new one; a
  -- late delivery belongs to the session whose window held its queued_at,
  -- not to a newer session that happens to have the same code now.
  select * into v_session from public.class_sessions
  where id = coalesce(
    (select s.id from public.class_sessions s
     where p_queued_at is not null
       and s.join_code = private.normalise_join_code(p_code)
       and p_queued_at >= s.opens_at and p_queued_at < private.session_closing_time(s)
     order by s.created_at desc
     limit 1),
    private.session_for_code(p_code))
  for update;
  if not found then
    perform private.raise_code('session_unknown');
  end if;

  -- A retry of an accepted submission gets the first answer, even if the
  -- session has closed since. Only the hash is stored, so the code can be
  -- echoed only when the retry sends the same code again.
  select * into v_existing from public.ideas where idempotency_key = p_idempotency_key;
  if found then
    return jsonb_build_object(
      'receipt_code', case when v_receipt is not null and private.receipt_hash(v_receipt) = v_existing.receipt_hash
                           then v_receipt end,
      'submitted_at', v_existing.created_at,
      'duplicate', true
    );
  end if;

  if p_transcribed and (v_session.teacher_id is null or v_session.teacher_id is distinct from (select auth.uid())) then
    perform private.raise_code('not_allowed', 'only the session''s teacher may submit transcribed ideas');
  end if;

  case private.session_state(v_session)
    when 'closed' then
      v_closing := private.session_closing_time(v_session);
      if p_queued_at is null then
        perform private.raise_code('session_closed');
      end if;
      if p_queued_at > now() or p_queued_at < v_session.opens_at then
        perform private.raise_code('invalid_queued_at', 'queued_at is in the future or before the session opened');
      end if;
      if p_queued_at >= v_closing then
        perform private.raise_code('session_closed', 'queued after the session closed');
      end if;
      if now() > v_closing + make_interval(hours => private.setting_int('late_delivery_grace_hours', 24)) then
        perform private.raise_code('session_closed', 'delivered after the grace period');
      end if;
      -- The device must prove it joined while the session was open.
      update private.session_seats seat set late_ideas = seat.late_ideas + 1
      where seat.token_hash = encode(extensions.digest(coalesce(p_seat_token, ''), 'sha256'), 'hex')
        and seat.session_id = v_session.id
        and seat.issued_at < v_closing
        and seat.late_ideas < private.setting_int('seat_token_ideas', 5);
      if not found then
        perform private.raise_code('session_closed', 'late delivery needs a seat of this session with ideas left');
      end if;
      if (select sum(seat.late_ideas) from private.session_seats seat where seat.session_id = v_session.id)
         > private.setting_int('late_ideas_per_session', 40) then
        perform private.raise_code('session_closed', 'the session takes no more late ideas');
      end if;
      -- session_state answers 'closed' before it counts; a late idea still
      -- fits only if there is room.
      if (select count(*) from (
            select 1 from public.ideas i where i.session_id = v_session.id limit v_session.max_ideas
          ) as counted) >= v_session.max_ideas then
        perform private.raise_code('session_full');
      end if;
    when 'not_yet_open' then perform private.raise_code('session_not_open');
    when 'full' then perform private.raise_code('session_full');
    else null;
  end case;

  v_burst := private.setting_int('submit_burst_per_minute', 60);
  if (select count(*) from public.ideas i
      where i.session_id = v_session.id and i.created_at > clock_timestamp() - interval '1 minute') >= v_burst then
    raise exception using errcode = 'PT429', message = 'rate_limited',
      detail = format('at most %s ideas per minute per session', v_burst);
  end if;
  -- One client (one address) gets only part of the burst, so the rest of the
  -- class can still send. Counted now; a later refusal rolls the count back.
  if v_address is not null then
    v_limit := private.setting_int('ideas_per_minute_per_address', 40);
    if private.rate_hit('ideas:' || v_session.id || ':' || v_address, interval '1 minute') > v_limit then
      perform private.raise_rate_limited(format('at most %s ideas per minute from one address in a session', v_limit));
    end if;
  end if;

  if v_receipt is null then
    loop
      v_receipt := private.random_code('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 10);
      exit when not exists (select 1 from public.ideas i where i.receipt_hash = private.receipt_hash(v_receipt));
    end loop;
  elsif exists (select 1 from public.ideas i where i.receipt_hash = private.receipt_hash(v_receipt)) then
    -- A device-made code that is already in use: the client makes a new one.
    perform private.raise_code('receipt_code_taken');
  end if;
  v_hash := private.receipt_hash(v_receipt);

  v_created := clock_timestamp();

  insert into public.ideas (
    session_id, region, theme, text, can_do, age_band, locale, publish_consent, idempotency_key,
    receipt_hash, transcribed, personal_data_flag, safeguarding_flag, flag_details, created_at
  ) values (
    v_session.id, v_session.region, p_theme, v_text, v_can_do, p_age_band, v_locale, p_publish_consent,
    p_idempotency_key, v_hash, coalesce(p_transcribed, false),
    jsonb_array_length(v_personal) > 0, jsonb_array_length(v_safeguarding) > 0,
    jsonb_build_object('personalData', v_personal, 'safeguarding', v_safeguarding), v_created
  );

  return jsonb_build_object('receipt_code', v_receipt, 'submitted_at', v_created, 'duplicate', false);
end
$$;

-- idea_status -----------------------------------------------------------------------
-- The status, with each adopting activity's timeline (dates of the
-- plan, public anyway on the plan pages) so a student sees when it happens.
create function public.idea_status(p_receipt_code text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  i public.ideas;
begin
  select * into i from public.ideas where receipt_hash = private.receipt_hash(p_receipt_code);
  if not found then
    return jsonb_build_object(
      'status', 'unknown', 'submitted_at', null, 'read_at', null, 'moderated_at', null, 'adopted_at', null,
      'public_text', null, 'reject_reason', null, 'feedback_sq', null, 'feedback_en', null,
      'activities', '[]'::jsonb, 'questions', '[]'::jsonb
    );
  end if;
  return jsonb_build_object(
    'status', case
      when i.status = 'pending' and i.read_at is null then 'received'
      when i.status in ('pending', 'escalated') then 'read'
      when i.status = 'approved' and i.publish_consent then 'published'
      when i.status = 'approved' then 'approved'
      when i.status = 'rejected' then 'not_published'
      when i.status = 'adopted' then 'adopted'
    end,
    'submitted_at', i.created_at,
    'read_at', i.read_at,
    'moderated_at', case when i.status <> 'escalated' then i.moderated_at end,
    -- "In the plan since": when the first activity took the idea up.
    'adopted_at', case when i.status = 'adopted' then
      (select min(l.linked_at) from public.idea_activity_links l where l.idea_id = i.id) end,
    'public_text', case when i.status in ('approved', 'adopted') then i.public_text end,
    'reject_reason', i.reject_reason,
    'feedback_sq', case when i.status <> 'escalated' then i.feedback_sq end,
    'feedback_en', case when i.status <> 'escalated' then i.feedback_en end,
    'activities', coalesce((
      select jsonb_agg(jsonb_build_object(
        'title', a.title, 'responsible_institution', a.responsible_institution,
        'status', a.status, 'progress', a.progress,
        'timeline_start', a.timeline_start, 'timeline_end', a.timeline_end) order by a.position, a.title)
      from public.idea_activity_links l join public.plan_activities a on a.id = l.activity_id
      where l.idea_id = i.id and i.status = 'adopted'
    ), '[]'::jsonb),
    'questions', coalesce((
      select jsonb_agg(jsonb_build_object(
        'text', q.text, 'answer', q.answer, 'asked_at', q.asked_at, 'answered_at', q.answered_at)
        order by q.asked_at)
      from public.idea_questions q where q.idea_id = i.id
    ), '[]'::jsonb)
  );
end
$$;

-- ask_about_idea ----------------------------------------------------------------------
create function public.ask_about_idea(p_receipt_code text, p_text text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_text text := private.clean_text(p_text);
  v_idea_id uuid;
  v_flagged boolean;
begin
  if v_text is null or char_length(v_text) not between 1 and 500 then
    perform private.raise_code('invalid_question');
  end if;
  select id into v_idea_id from public.ideas where receipt_hash = private.receipt_hash(p_receipt_code) for update;
  if not found then
    return jsonb_build_object('asked', false);
  end if;
  if (select count(*) from public.idea_questions q where q.idea_id = v_idea_id and q.answer is null)
     >= private.setting_int('open_questions_per_idea', 3) then
    perform private.raise_code('too_many_questions');
  end if;
  -- Scanned like the idea itself; the answer tells the page to show the help panel.
  v_flagged := jsonb_array_length(private.detect_safeguarding(v_text)) > 0;
  insert into public.idea_questions (idea_id, text, safeguarding_flag) values (v_idea_id, v_text, v_flagged);
  return jsonb_build_object('asked', true, 'safeguarding', v_flagged);
end
$$;

-- withdraw_idea ------------------------------------------------------------------------
-- The idea, its questions and links go; the log keeps ids and actions only.
create function public.withdraw_idea(p_receipt_code text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  i public.ideas;
begin
  -- A referred idea goes too (the child's words are theirs to take back), but
  -- its referral record stays with the officer, marked withdrawn.
  update public.referrals r set idea_withdrawn_at = now()
  from public.ideas d
  where d.receipt_hash = private.receipt_hash(p_receipt_code) and r.idea_id = d.id;
  delete from public.ideas where receipt_hash = private.receipt_hash(p_receipt_code) returning * into i;
  if not found then
    return jsonb_build_object('withdrawn', false);
  end if;
  perform private.log('withdraw', i.id, i.region, jsonb_build_object('status', i.status), null);
  return jsonb_build_object('withdrawn', true);
end
$$;

revoke all on function
  public.join_session(text),
  public.submit_idea(text, text, text, text, text, text, boolean, uuid, text, boolean, timestamptz, text),
  public.idea_status(text),
  public.ask_about_idea(text, text),
  public.withdraw_idea(text)
  from public, anon, authenticated, service_role;
grant execute on function
  public.join_session(text),
  public.submit_idea(text, text, text, text, text, text, boolean, uuid, text, boolean, timestamptz, text),
  public.idea_status(text),
  public.ask_about_idea(text, text),
  public.withdraw_idea(text)
  to anon, authenticated, service_role;

-- PostgREST's db-pre-request, set where hosted Supabase's PostgREST reads its
-- in-database configuration: pgrst.* settings of the authenticator role (the
-- local stack reads the same setting). For this database only (PostgREST
-- reads the role's settings for its database before its global ones): roles
-- belong to the whole cluster, and another database on it may not have the
-- function. The API roles call the function.
revoke all on function private.check_request() from public, anon, authenticated, service_role;
grant execute on function private.check_request() to anon, authenticated, service_role;
do $$
begin
  if exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticator') then
    execute format('alter role authenticator in database %I set pgrst.db_pre_request = %L',
      current_database(), 'private.check_request');
  end if;
end
$$;
notify pgrst, 'reload config';
