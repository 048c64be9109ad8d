-- seed.sql: demo data for local development and demos. NEVER applied to a
-- production project by any script here. Regions and pillars are reference
-- data and live in the foundation migration, not here.
--
-- Demo accounts (password for all: zeri-demo-2026):
--   koordinator@zeri.test  national coordinator
--   kukes@zeri.test        moderator and safeguarding officer, Kukës committee
--   lezhe@zeri.test        moderator and safeguarding officer, Lezhë committee
--   shkoder@zeri.test      moderator and safeguarding officer, Shkodër committee
--   durres@zeri.test       moderator and safeguarding officer, Durrës committee
--   mesuese@zeri.test      approved teacher, Kukës
--
-- Join codes that stay open until 2099 (docs/data-model.md):
--   KUK234  Kukës class session of mesuese@zeri.test (max 200 ideas)
--   1EZ234  Lezhë open call (students may type LEZ234: L reads as 1)
--   SHK234  Shkodër open call
--   DUR234  Durrës open call
--
-- Demo ideas are sent and moderated through the real functions (so they are
-- logged like any other); their receipt codes are listed further down.

-- Accounts --------------------------------------------------------------------
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at
)
select
  '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
  extensions.crypt('zeri-demo-2026', extensions.gen_salt('bf')), now(),
  '{"provider": "email", "providers": ["email"]}'::jsonb, u.meta, now(), now()
from (values
  ('a0000000-0000-4000-8000-000000000001'::uuid, 'koordinator@zeri.test', '{"display_name": "Koordinatorja Kombëtare"}'::jsonb),
  ('a0000000-0000-4000-8000-000000000011'::uuid, 'kukes@zeri.test', '{"display_name": "Komiteti Kukës", "region": "kukes"}'::jsonb),
  ('a0000000-0000-4000-8000-000000000012'::uuid, 'lezhe@zeri.test', '{"display_name": "Komiteti Lezhë", "region": "lezhe"}'::jsonb),
  ('a0000000-0000-4000-8000-000000000013'::uuid, 'shkoder@zeri.test', '{"display_name": "Komiteti Shkodër", "region": "shkoder"}'::jsonb),
  ('a0000000-0000-4000-8000-000000000014'::uuid, 'durres@zeri.test', '{"display_name": "Komiteti Durrës", "region": "durres"}'::jsonb),
  ('a0000000-0000-4000-8000-000000000021'::uuid, 'mesuese@zeri.test',
    '{"display_name": "Mësuesja Demo", "school": "Shkolla e Mesme Demo, Kukës", "region": "kukes"}'::jsonb)
) as u (id, email, meta);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
  'email', now(), now(), now()
from auth.users u where u.email like '%@zeri.test';

insert into public.coordinators (user_id) values ('a0000000-0000-4000-8000-000000000001');

-- The rest is done as the coordinator and the moderators, through the same
-- functions the UI calls. Those want the token's session live in auth.sessions
-- (private.session_is_live): one per acting account, ended at the end.
insert into auth.sessions (id, user_id)
select u.id, u.id from auth.users u
where u.id in ('a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000011',
               'a0000000-0000-4000-8000-000000000012', 'a0000000-0000-4000-8000-000000000013',
               'a0000000-0000-4000-8000-000000000014');
select set_config('request.jwt.claims',
  '{"sub": "a0000000-0000-4000-8000-000000000001", "role": "authenticated", "session_id": "a0000000-0000-4000-8000-000000000001"}', true);
select public.appoint_moderator('a0000000-0000-4000-8000-000000000011', 'kukes');
select public.appoint_moderator('a0000000-0000-4000-8000-000000000012', 'lezhe');
select public.appoint_moderator('a0000000-0000-4000-8000-000000000013', 'shkoder');
select public.appoint_moderator('a0000000-0000-4000-8000-000000000014', 'durres');
-- Each pilot committee's moderator is also its safeguarding officer in the demo.
select public.set_safeguarding_officer(user_id, true) from public.committee_members;
select public.approve_teacher('a0000000-0000-4000-8000-000000000021');

-- Sessions with fixed codes (the trigger keeps a code that is given) ------------
insert into public.class_sessions
  (id, kind, teacher_id, region, school, grade_band, join_code, opens_at, closes_at, max_ideas, created_by)
values
  ('b0000000-0000-4000-8000-000000000001', 'class', 'a0000000-0000-4000-8000-000000000021', 'kukes',
   'Shkolla e Mesme Demo, Kukës', '10-12', 'KUK234', '2026-01-01', '2099-12-31', 200,
   'a0000000-0000-4000-8000-000000000021'),
  ('b0000000-0000-4000-8000-000000000002', 'open_call', null, 'lezhe', null, null, '1EZ234',
   '2026-01-01', '2099-12-31', 10000, 'a0000000-0000-4000-8000-000000000012'),
  ('b0000000-0000-4000-8000-000000000003', 'open_call', null, 'shkoder', null, null, 'SHK234',
   '2026-01-01', '2099-12-31', 10000, 'a0000000-0000-4000-8000-000000000013'),
  ('b0000000-0000-4000-8000-000000000004', 'open_call', null, 'durres', null, null, 'DUR234',
   '2026-01-01', '2099-12-31', 10000, 'a0000000-0000-4000-8000-000000000014');

-- Demo plans -------------------------------------------------------------------
-- Invented, but modelled on the objectives of the real regional plans.
insert into public.plans (id, region, period_start, period_end, title, is_demo)
select r.plan_id, r.slug, '2025-01-01', '2027-12-31',
  'Plani rajonal kundër trafikimit të qenieve njerëzore 2025–2027, ' || g.name_sq || ' (DEMO)', true
from (values
  ('kukes', 'c0000000-0000-4000-8000-000000000001'::uuid),
  ('lezhe', 'c0000000-0000-4000-8000-000000000002'::uuid),
  ('shkoder', 'c0000000-0000-4000-8000-000000000003'::uuid),
  ('durres', 'c0000000-0000-4000-8000-000000000004'::uuid)
) as r (slug, plan_id)
join public.regions g on g.slug = r.slug;

insert into public.plan_objectives (plan_id, pillar, code, title_sq, title_en, position)
select p.id, o.pillar, o.code, o.title_sq, o.title_en, o.position
from public.plans p
cross join (values
  ('prevention', 'P.1', 'Rritja e ndërgjegjësimit publik për rreziqet e trafikimit, sidomos tek të rinjtë',
   'Raising public awareness of trafficking risks, especially among young people', 1),
  ('prevention', 'P.2', 'Fuqizimi ekonomik i të rinjve dhe grupeve në rrezik përmes tregut të punës',
   'Economic empowerment of young people and groups at risk through the labour market', 2),
  ('protection', 'M.1', 'Ndihmë juridike falas për viktimat dhe viktimat e mundshme të trafikimit',
   'Free legal assistance for victims and potential victims of trafficking', 3),
  ('coordination', 'B.1', 'Ngritja e kapaciteteve të punonjësve publikë për identifikimin e hershëm',
   'Capacity building of public employees for early identification', 4)
) as o (pillar, code, title_sq, title_en, position)
where p.is_demo;

insert into public.plan_activities (
  objective_id, title, description, responsible_institution, partners, indicator, target,
  timeline_start, timeline_end, status, progress, position
)
select o.id, a.title, a.description, a.institution, a.partners, a.indicator, a.target,
  a.start_date::date, a.end_date::date, a.status, a.progress, a.position
from public.plan_objectives o
join public.plans p on p.id = o.plan_id and p.is_demo
join (values
  ('P.1', 'Orë mësimore për rreziqet e punës jashtë shtetit në shkollat e mesme',
   'Mësuesit zhvillojnë dy orë mësimore me klasat 10–12 dhe mbledhin idetë e nxënësve.',
   'Zyra Vendore Arsimore', array['Komiteti Rajonal kundër Trafikimit', 'OJF lokale'],
   'Numri i klasave që zhvillojnë orën', '40 klasa në vit', '2025-09-01', '2027-06-30', 'in_progress', 35, 1),
  ('P.1', 'Fushatë në rrjetet sociale e hartuar nga të rinjtë',
   'Idetë e miratuara të nxënësve bëhen mesazhe të fushatës rajonale.',
   'Bashkia', array['Këshilli Rinor Vendor'],
   'Numri i mesazheve të publikuara', '12 mesazhe', '2026-03-01', '2026-12-31', 'planned', 0, 2),
  ('P.2', 'Panair pune dhe këshillim karriere për të rinjtë 16–24 vjeç',
   'Informim për punë të sigurt brenda vendit dhe për kontratat e punës jashtë.',
   'Zyra Vendore e Punësimit', array['Dhoma e Tregtisë', 'Shkollat profesionale'],
   'Numri i të rinjve të këshilluar', '300 të rinj', '2025-10-01', '2027-10-31', 'in_progress', 50, 1),
  ('M.1', 'Klinikë ligjore falas një herë në muaj',
   'Juristë të shërbimit të ndihmës juridike falas takojnë viktimat dhe familjet e tyre.',
   'Drejtoria e Ndihmës Juridike Falas', array['Dhoma e Avokatisë', 'OJF që ofrojnë strehim'],
   'Numri i personave që marrin ndihmë juridike', '60 persona në vit', '2025-01-01', '2027-12-31', 'in_progress', 60, 1),
  ('B.1', 'Trajnim për mësuesit dhe punonjësit socialë mbi shenjat e trafikimit',
   'Dy module trajnimi për identifikimin e hershëm dhe referimin.',
   'Prefektura e Qarkut', array['Policia e Shtetit', 'Njësia e Mbrojtjes së Fëmijëve'],
   'Numri i punonjësve të trajnuar', '120 punonjës', '2025-04-01', '2026-11-30', 'done', 100, 1)
) as a (code, title, description, institution, partners, indicator, target, start_date, end_date, status, progress, position)
  on a.code = o.code;

-- Demo ideas ------------------------------------------------------------------------
-- Receipt codes (type with or without the dash):
--   KUKES-PEND2 pending       KUKES-READ2 read        KUKES-APRV2 published
--   KUKES-ADPT2 adopted       KUKES-REJT2 rejected    KUKES-ESKA2 escalated
--   DURRS-APRV2, SHKDR-APRV2, ZEZHE-APRV2 published in Durrës, Shkodër, Lezhë
select public.submit_idea(s.code, s.text, s.theme, s.can_do, s.age_band, 'sq', s.consent, gen_random_uuid(), s.receipt)
from (values
  ('KUK234', 'Të bëjmë një ditë informimi në shkollë ku të ftojmë policinë dhe psikologen për punën jashtë shtetit.', 'school', 'Mund të ndihmoj me posterat.', '15-17', true, 'KUKES-PEND2'),
  ('KUK234', 'Prindërit duhet të dinë si duken ofertat e rreme për punë në Itali dhe Greqi.', 'family', null, '15-17', true, 'KUKES-READ2'),
  ('KUK234', 'Një faqe në Instagram si ajo e mësueses sonë Drita, ku të rinjtë tregojnë si t''i njohin ofertat e dyshimta të punës.', 'online', 'Mund të bëj video të shkurtra.', '15-17', true, 'KUKES-APRV2'),
  ('KUK234', 'Të kemi një orë mësimi çdo vit për rreziqet e punës jashtë shtetit në klasat e dhjeta.', 'school', null, '15-17', true, 'KUKES-ADPT2'),
  ('KUK234', 'Dua më shumë aktivitete sportive pas mësimit në qytetin tonë.', 'other', null, '12-14', false, 'KUKES-REJT2'),
  ('KUK234', 'Një i afërm më thotë të shkoj në Greqi për punë dhe të mos u tregoj prindërve.', 'work_abroad', null, '15-17', false, 'KUKES-ESKA2'),
  ('DUR234', 'Në port duhet të ketë postera me numrin 116 111 për fëmijët që kanë nevojë për ndihmë.', 'community', null, '18+', true, 'DURRS-APRV2'),
  ('SHK234', 'Të rinjtë e fshatrave duhet të kenë informacion për punë të sigurt pa u larguar nga vendi.', 'work_abroad', null, '15-17', true, 'SHKDR-APRV2'),
  ('1EZ234', 'Mësuesit të flasin me ne për lidhjet në internet me njerëz që nuk i njohim.', 'online', null, '12-14', true, 'ZEZHE-APRV2')
) as s (code, text, theme, can_do, age_band, consent, receipt);

-- Moderation, as each region's committee.
select set_config('request.jwt.claims', '{"sub": "a0000000-0000-4000-8000-000000000011", "role": "authenticated", "session_id": "a0000000-0000-4000-8000-000000000011"}', true);
select public.mark_idea_read(i.id) from public.ideas i where i.receipt_hash = private.receipt_hash('KUKESREAD2');
-- KUKES-APRV2 names a real teacher: published with her name masked ("[hequr]").
select public.approve_idea(i.id,
  jsonb_build_array(jsonb_build_object('start', strpos(i.text, 'Drita') - 1, 'end', strpos(i.text, 'Drita') + 4, 'reason', 'real_person')),
  'Faleminderit! Ideja jote u publikua.', 'Thank you! Your idea has been published.')
from public.ideas i where i.receipt_hash = private.receipt_hash('KUKESAPRV2');
select public.approve_idea(i.id, '[]', 'Ideja jote u bë pjesë e planit rajonal.', null)
from public.ideas i where i.receipt_hash = private.receipt_hash('KUKESADPT2');
select public.link_idea_to_activity(i.id, a.id, 'E përfshirë në orët mësimore të vitit 2026.')
from public.ideas i, public.public_plan_activities a
where i.receipt_hash = private.receipt_hash('KUKESADPT2')
  and a.region = 'kukes' and a.objective_code = 'P.1' and a.position = 1;
select public.reject_idea(i.id, 'off_topic', 'Faleminderit! Kjo ide nuk lidhet me trafikimin, por na pëlqen.', null)
from public.ideas i where i.receipt_hash = private.receipt_hash('KUKESREJT2');
select public.escalate_idea(i.id, 'school_psychologist')
from public.ideas i where i.receipt_hash = private.receipt_hash('KUKESESKA2');

select set_config('request.jwt.claims', '{"sub": "a0000000-0000-4000-8000-000000000014", "role": "authenticated", "session_id": "a0000000-0000-4000-8000-000000000014"}', true);
select public.approve_idea(i.id) from public.ideas i where i.receipt_hash = private.receipt_hash('DURRSAPRV2');
select set_config('request.jwt.claims', '{"sub": "a0000000-0000-4000-8000-000000000013", "role": "authenticated", "session_id": "a0000000-0000-4000-8000-000000000013"}', true);
select public.approve_idea(i.id) from public.ideas i where i.receipt_hash = private.receipt_hash('SHKDRAPRV2');
select set_config('request.jwt.claims', '{"sub": "a0000000-0000-4000-8000-000000000012", "role": "authenticated", "session_id": "a0000000-0000-4000-8000-000000000012"}', true);
select public.approve_idea(i.id) from public.ideas i where i.receipt_hash = private.receipt_hash('ZEZHEAPRV2');

select set_config('request.jwt.claims', '', true);
delete from auth.sessions where id = user_id and id in (
  'a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000012',
  'a0000000-0000-4000-8000-000000000013', 'a0000000-0000-4000-8000-000000000014');

-- Awareness activities run (public_activity_statistics) ------------
-- Four class lessons in Lezhë that followed activities of content/activities,
-- with how many students were there, then closed: the statistics pages show
-- "Spot the fake job ad" twice with 43 students and 12 ideas (past the
-- suppression threshold of 10), the other two under it. Run by teachers who
-- have no demo account (teacher_id null, as after an account is removed), so
-- no test counting the demo teacher's sessions moves. Their 15 ideas stay
-- pending in the Lezhë committee's queue (24 demo ideas in all).
insert into public.class_sessions
  (id, kind, teacher_id, region, school, grade_band, activity_slug, campaign_slug, students_present,
   join_code, opens_at, closes_at, max_ideas, created_by)
values
  ('b0000000-0000-4000-8000-000000000021', 'class', null, 'lezhe', 'Shkolla e Mesme Demo, Lezhë', '10-12',
   'spot-the-fake-job-ad', 'lezhe-easy-money-abroad', 24, 'AKT201', now() - interval '45 minutes', now() + interval '1 hour', 40, null),
  ('b0000000-0000-4000-8000-000000000022', 'class', null, 'lezhe', 'Shkolla e Mesme Demo, Lezhë', '10-12',
   'spot-the-fake-job-ad', 'lezhe-easy-money-abroad', 19, 'AKT202', now() - interval '45 minutes', now() + interval '1 hour', 40, null),
  ('b0000000-0000-4000-8000-000000000023', 'class', null, 'lezhe', 'Shkolla 9-vjeçare Demo, Lezhë', '6-9',
   'myths-and-facts', null, 8, 'AKT203', now() - interval '45 minutes', now() + interval '1 hour', 40, null),
  ('b0000000-0000-4000-8000-000000000024', 'class', null, 'lezhe', 'Shkolla 9-vjeçare Demo, Lezhë', '6-9',
   'who-can-i-trust-online', 'lezhe-false-love', null, 'AKT204', now() - interval '45 minutes', now() + interval '1 hour', 40, null);

select public.submit_idea(s.code, s.text, s.theme, null, s.age_band, 'sq', s.consent, gen_random_uuid())
from (values
  ('AKT201', 'Të bëjmë postera në shkollë me shenjat e një njoftimi të rremë pune.', 'school', '15-17', true),
  ('AKT201', 'Një orë mësimi ku prindërit mësojnë si të kontrollojnë një ofertë pune jashtë.', 'family', '15-17', true),
  ('AKT201', 'Një listë me agjencitë e ligjshme të punësimit në faqen e bashkisë.', 'community', '15-17', true),
  ('AKT201', 'Video të shkurtra në rrjetet sociale për njoftimet që premtojnë shumë para.', 'online', '15-17', true),
  ('AKT201', 'Të flasim me të rinjtë që kanë punuar jashtë për përvojën e tyre.', 'work_abroad', '15-17', false),
  ('AKT201', 'Një kënd informimi në bibliotekë për punën e sigurt jashtë vendit.', 'community', '15-17', true),
  ('AKT201', 'Mësuesit të na tregojnë ku të pyesim kur një ofertë duket e dyshimtë.', 'school', '15-17', true),
  ('AKT202', 'Një konkurs për posterin më të mirë kundër ofertave të rreme të punës.', 'school', '15-17', true),
  ('AKT202', 'Të ftojmë inspektorët e punës të flasin në klasë.', 'work_abroad', '15-17', true),
  ('AKT202', 'Një faqe ku të rinjtë raportojnë njoftimet e dyshimta të punës.', 'online', '18+', true),
  ('AKT202', 'Prindërit të marrin një fletëpalosje me pyetjet që duhen bërë para se të nisesh.', 'family', '15-17', false),
  ('AKT202', 'Takime në fshatra për punën sezonale të sigurt.', 'community', '15-17', true),
  ('AKT203', 'Të luajmë lojën mit apo fakt edhe me klasat e tjera të shkollës.', 'school', '12-14', true),
  ('AKT203', 'Një gazetë muri me fakte të vërteta për trafikimin.', 'school', '12-14', true),
  ('AKT204', 'Të mësojmë si të bëjmë profilin privat në rrjetet sociale.', 'online', '12-14', true)
) as s (code, text, theme, age_band, consent);

-- Closed directly (like the inserts above) rather than through close_session,
-- so the demo moderation log stays as the committees' tests know it.
update public.class_sessions set closed_at = now()
where id in ('b0000000-0000-4000-8000-000000000021', 'b0000000-0000-4000-8000-000000000022',
  'b0000000-0000-4000-8000-000000000023', 'b0000000-0000-4000-8000-000000000024');
