-- bootstrap.sql: what hosted Supabase already provides and plain Postgres lacks.
--
-- LOCAL ONLY. Never apply this file to a hosted Supabase project: there the
-- roles, the auth schema and its functions already exist, are owned by
-- Supabase's own roles, and this file would clash with them.
--
-- Applied by supabase/local/migrate.ts before the migrations, on PGlite and on
-- a plain PostgreSQL 15. It is idempotent and safe on a second database in the
-- same cluster: roles are cluster-wide, so they are created only when missing;
-- everything else uses `if not exists` or `create or replace`.
--
-- Contents: roles (anon, authenticated, service_role, authenticator), schema
-- auth (users, identities, sessions, refresh_tokens, uid(), role(), email(), jwt()),
-- schema extensions with pgcrypto, and Supabase's default privileges on public.

-- Roles ---------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- PostgREST logs in as authenticator and switches to one of the three roles
  -- per request (`set local role`), so it inherits nothing itself. The local
  -- stack sets its password (`alter role authenticator password ...`).
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- Extensions ----------------------------------------------------------------
-- Supabase installs extensions into their own schema so `public` stays clean.
create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;

-- Auth schema ---------------------------------------------------------------
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key default gen_random_uuid(),
  aud varchar(255) default 'authenticated',
  role varchar(255) default 'authenticated',
  email varchar(255) unique,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255) default '',
  confirmation_sent_at timestamptz,
  recovery_token varchar(255) default '',
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255) default '',
  email_change varchar(255) default '',
  email_change_token_current varchar(255) default '',
  reauthentication_token varchar(255) default '',
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb not null default '{}'::jsonb,
  raw_user_meta_data jsonb not null default '{}'::jsonb,
  is_super_admin boolean,
  is_anonymous boolean not null default false,
  is_sso_user boolean not null default false,
  phone text unique,
  banned_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
comment on table auth.users is 'Local stand-in for Supabase Auth users (same column names as GoTrue).';

-- One row per sign-in method; GoTrue signs e-mail users in through their
-- 'email' identity, so seeds insert one next to each user.
create table if not exists auth.identities (
  id uuid primary key default gen_random_uuid(),
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  last_sign_in_at timestamptz,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  aal text not null default 'aal1',
  not_after timestamptz,
  user_agent text,
  ip inet,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

-- GoTrue keeps refresh tokens in plain text; the local stack stores
-- encode(extensions.digest(token, 'sha256'), 'hex') in `token` instead, so a
-- copy of the local database never holds usable tokens.
create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  instance_id uuid,
  token varchar(255) not null unique,
  user_id varchar(255),
  session_id uuid references auth.sessions (id) on delete cascade,
  parent varchar(255),
  revoked boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);
create index if not exists refresh_tokens_parent_idx on auth.refresh_tokens (parent);

-- The same definitions Supabase ships: the legacy single-claim settings first,
-- then the `request.jwt.claims` JSON PostgREST sets per request.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- The local auth server connects as service_role-capable owner; the API roles
-- never touch auth tables directly, as on hosted Supabase.
grant all on all tables in schema auth to service_role;
grant all on all sequences in schema auth to service_role;

-- Supabase's privileges on public --------------------------------------------
-- Hosted Supabase grants everything to the API roles and leaves RLS as the only
-- guard; reproduce that so local tests fail where hosted Supabase would.
-- `alter default privileges` without `for role` applies to objects the current
-- user (the one running the migrations) creates.
-- Only default privileges here, never `grant ... on all ... in schema public`:
-- this file runs again before every later migration and must not undo the
-- revokes the migrations make.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
