import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { verifyJwt, type JwtClaims } from '../jwt.ts';
import type { Database, Query } from '../server/database.ts';
import { BodyTooLargeError, preflight, readBody, send } from '../server/http.ts';
import { isDatabaseError } from '../rest/errors.ts';
import { RateLimiter } from './rateLimit.ts';
import { checkPasswordStrength } from './passwordPolicy.ts';
import { AuthError, createSession, findUser, sessionJson, sha256, userColumnsSql, type SessionSettings, type UserRow } from './users.ts';

export interface AuthOptions {
  db: Database;
  jwtSecret: string;
  jwtExpiry: number;
  minPasswordLength: number;
  /** Sign-in/sign-up attempts allowed per client address in `rateLimitWindowMs`. */
  rateLimitPerAddress: number;
  /**
   * Failed sign-ins allowed per (client address, e-mail) in `rateLimitWindowMs`;
   * then that pair alone waits (429 with Retry-After). Never per e-mail alone:
   * an attacker elsewhere must not lock the real user out.
   */
  rateLimitFailuresPerAccount: number;
  rateLimitWindowMs: number;
  /** `PUT /user` calls allowed per user in `rateLimitWindowMs`. */
  userUpdatesPerUser: number;
  /**
   * A password change needs the current password (`current_password`), as
   * GoTrue with GOTRUE_SECURITY_UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD;
   * config.toml's `secure_password_change`.
   */
  requireCurrentPassword: boolean;
  /** Seconds a rotated refresh token may still be used (concurrent tabs), as GoTrue's reuse interval. */
  refreshReuseInterval: number;
  /** Read the client address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy: boolean;
  /** The public origin; access tokens carry `<siteUrl>/auth/v1` as issuer, whatever the Host header says. */
  siteUrl: string;
  log(error: unknown): void;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/**
 * Largest `/auth/v1` body: an e-mail (255), a password (72) and a little
 * metadata fit many times over; anything bigger is refused before parsing.
 */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;
/**
 * Largest user metadata once merged, as JSON. It is copied into every access
 * token, which travels in a header (Node and most proxies refuse headers past
 * 8–16 kB), so it stays small.
 */
export const MAX_USER_METADATA_BYTES = 4 * 1024;
const MAX_EMAIL_LENGTH = 255;
const invalidCredentials = (): AuthError => new AuthError(400, 'invalid_credentials', 'Invalid login credentials');

/** A 429 that says when to come back (`Retry-After`, seconds). */
class RateLimitError extends AuthError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number) {
    super(429, 'over_request_rate_limit', 'Request rate limit reached');
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

/**
 * The client's address. Behind a trusted proxy it is the rightmost
 * X-Forwarded-For entry: the one that proxy appended from the connection it
 * accepted. Entries to its left were sent by the client and can be anything.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim() ?? '';
    if (last !== '') return last.slice(0, 100);
  }
  return req.socket.remoteAddress ?? '';
}

/** auth-js sends X-Supabase-Api-Version: 2024-01-01 and then reads `{code, message}`. */
function apiVersioned(req: IncomingMessage): boolean {
  const version = req.headers['x-supabase-api-version'];
  return typeof version === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(version) && version >= '2024-01-01';
}

function sendAuth(req: IncomingMessage, res: ServerResponse, status: number, body: string | undefined, headers: Record<string, string> = {}): void {
  send(res, status, body, apiVersioned(req) ? { 'X-Supabase-Api-Version': '2024-01-01', ...headers } : headers);
}

function sendAuthError(req: IncomingMessage, res: ServerResponse, error: AuthError): void {
  const body = apiVersioned(req)
    ? { code: error.code, message: error.message, ...error.extra }
    : { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
  const headers: Record<string, string> = error instanceof RateLimitError ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
  sendAuth(req, res, error.status, JSON.stringify(body), headers);
}

async function jsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req, AUTH_MAX_BODY_BYTES);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
  }
  return parsed as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

function objectField(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = body[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Serves `/auth/v1/*`: the part of Supabase Auth (GoTrue) that auth-js uses
 * for e-mail/password accounts. Runs as the database owner, like GoTrue's
 * supabase_auth_admin, so triggers on auth.users fire.
 */
export function createAuthHandler(options: AuthOptions) {
  const perAddress = new RateLimiter(options.rateLimitPerAddress, options.rateLimitWindowMs);
  const failuresPerAccount = new RateLimiter(options.rateLimitFailuresPerAccount, options.rateLimitWindowMs);
  const updatesPerUser = new RateLimiter(options.userUpdatesPerUser, options.rateLimitWindowMs);
  const tx = <T,>(work: (query: Query) => Promise<T>): Promise<T> => options.db.transaction(work, { readOnly: false });

  // From configuration, never from the request: a Host header is whatever the client sent.
  const issuer = `${new URL(options.siteUrl).origin}/auth/v1`;
  function settings(_req: IncomingMessage): SessionSettings {
    return { jwtSecret: options.jwtSecret, jwtExpiry: options.jwtExpiry, issuer };
  }

  /** Every sign-in and sign-up counts against the client's address. */
  function limitAddress(req: IncomingMessage): void {
    if (!perAddress.take(clientAddress(req, options.trustProxy))) throw new RateLimitError(options.rateLimitWindowMs);
  }

  /** The key of one (address, account) pair; the limiter keeps only its digest. */
  const accountKey = (req: IncomingMessage, email: string): string => `${clientAddress(req, options.trustProxy)}\n${email}`;

  const checkPassword = (password: string | undefined): string => checkPasswordStrength(password, options.minPasswordLength);

  function checkEmail(email: string | undefined): string {
    if (email === undefined || email.length > MAX_EMAIL_LENGTH || !emailPattern.test(email)) {
      throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
    }
    return email.toLowerCase();
  }

  /** The verified claims of a user's bearer token (not an API key). */
  function userClaims(req: IncomingMessage): JwtClaims {
    const header = req.headers.authorization;
    const token = header === undefined ? undefined : /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (token === undefined) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    try {
      return verifyJwt(token.trim(), options.jwtSecret);
    } catch (error) {
      throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${(error as Error).message}`);
    }
  }

  async function currentUser(query: Query, req: IncomingMessage): Promise<{ user: UserRow; claims: JwtClaims }> {
    const claims = userClaims(req);
    if (typeof claims.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(claims.sub)) {
      throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
    }
    if (typeof claims.session_id === 'string') {
      const alive = (await query('select 1 from auth.sessions where id = $1::uuid', [claims.session_id])).rows.length > 0;
      if (!alive) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    const user = await findUser(query, claims.sub);
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return { user, claims };
  }

  function requireAdmin(req: IncomingMessage): void {
    const claims = userClaims(req);
    if (claims.role !== 'service_role') throw new AuthError(403, 'not_admin', 'User not allowed');
  }

  async function insertUser(
    query: Query,
    fields: { email: string; password: string | undefined; confirmed: boolean; userMetadata: unknown; appMetadata: unknown },
  ): Promise<UserRow> {
    const exists = (await query('select 1 from auth.users where lower(email) = $1', [fields.email])).rows.length > 0;
    if (exists) throw new AuthError(422, 'user_already_exists', 'User already registered');
    const app = { ...(fields.appMetadata as object), provider: 'email', providers: ['email'] };
    const row = (
      await query(
        `insert into auth.users (instance_id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
         values ('00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', $1,
                 case when $2::text is null then null else extensions.crypt($2::text, extensions.gen_salt('bf', 10)) end,
                 case when $3::boolean then now() end, $4::jsonb, $5::jsonb)
         returning id::text`,
        [fields.email, fields.password ?? null, fields.confirmed, JSON.stringify(app), JSON.stringify(fields.userMetadata ?? {})],
      )
    ).rows[0];
    const user = await findUser(query, String(row?.id));
    if (!user) throw new Error('inserted user not found');
    return user;
  }

  async function signInWithPassword(req: IncomingMessage, body: Record<string, unknown>): Promise<string> {
    const email = stringField(body, 'email')?.toLowerCase();
    const password = stringField(body, 'password');
    limitAddress(req);
    if (email === undefined || password === undefined || email.length > MAX_EMAIL_LENGTH) throw invalidCredentials();
    // Guessing one account from one address slows to a crawl; the same account from elsewhere is untouched.
    const pair = accountKey(req, email);
    const wait = failuresPerAccount.retryAfter(pair);
    if (wait > 0) throw new RateLimitError(wait);
    // Counted before the check, so guesses sent in parallel cannot all slip past; a success clears it.
    failuresPerAccount.take(pair);
    const session = await passwordSession(req, email, password);
    failuresPerAccount.forget(pair);
    return session;
  }

  function passwordSession(req: IncomingMessage, email: string, password: string): Promise<string> {
    return tx(async (query) => {
      const row = (
        await query(
          `select ${userColumnsSql}, u.encrypted_password = extensions.crypt($2, u.encrypted_password) as ok,
                  u.email_confirmed_at is not null as confirmed, coalesce(u.banned_until > now(), false) as banned
             from auth.users u where lower(u.email) = $1 and u.deleted_at is null and u.encrypted_password is not null`,
          [email, password],
        )
      ).rows[0];
      if (!row) {
        // Spend the same bcrypt time as a real check so timing does not reveal which e-mails exist.
        await query(`select extensions.crypt($1, '$2a$10$abcdefghijklmnopqrstuu')`, [password]);
        throw invalidCredentials();
      }
      if (row.ok !== true) throw invalidCredentials();
      if (row.banned === true) throw new AuthError(400, 'user_banned', 'User is banned');
      if (row.confirmed !== true) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
      await query('update auth.users set last_sign_in_at = now() where id = $1::uuid', [String(row.id)]);
      const user = await findUser(query, String(row.id));
      return createSession(query, user as UserRow, settings(req), { userAgent: req.headers['user-agent'], ip: clientAddress(req, options.trustProxy) });
    });
  }

  async function refresh(req: IncomingMessage, body: Record<string, unknown>): Promise<string> {
    const token = stringField(body, 'refresh_token');
    if (token === undefined || token === '') throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const hash = sha256(token);
    // The outcome of a reused token must survive the rollback of the request, so decide first.
    const outcome = await tx(async (query) => {
      const row = (
        await query(
          `select rt.id::text, rt.revoked, rt.session_id::text, rt.user_id,
                  rt.updated_at > now() - make_interval(secs => $2) as recent
             from auth.refresh_tokens rt join auth.sessions s on s.id = rt.session_id
            where rt.token = $1 for update of rt`,
          [hash, options.refreshReuseInterval],
        )
      ).rows[0];
      if (!row) return { error: new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found') };
      if (row.revoked === true && row.recent !== true) {
        // Reuse of a rotated token: treat the whole session as stolen, as GoTrue does.
        await query('delete from auth.sessions where id = $1::uuid', [String(row.session_id)]);
        return { error: new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used') };
      }
      const user = await findUser(query, String(row.user_id));
      if (!user) return { error: new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist') };
      const next = randomBytes(24).toString('base64url');
      await query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1::bigint', [String(row.id)]);
      await query(
        `insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3::uuid, $4)`,
        [sha256(next), user.id, String(row.session_id), hash],
      );
      await query('update auth.sessions set updated_at = now() where id = $1::uuid', [String(row.session_id)]);
      return { session: sessionJson(user, String(row.session_id), next, settings(req)) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.session;
  }

  function checkMetadata(merged: unknown): void {
    if (Buffer.byteLength(JSON.stringify(merged ?? {})) > MAX_USER_METADATA_BYTES) {
      throw new AuthError(422, 'validation_failed', `User metadata cannot be larger than ${MAX_USER_METADATA_BYTES} bytes`);
    }
  }

  /**
   * A user's own password change: the current password must be right (only
   * its holder knows it, not whoever has a copy of the access token), the
   * new one differ (GoTrue's 422 `same_password`), and every other session
   * of the user ends, as GoTrue's UpdatePassword does.
   */
  async function checkOwnPasswordChange(query: Query, user: UserRow, body: Record<string, unknown>, password: string, sessionId: string | null): Promise<void> {
    const current = stringField(body, 'current_password');
    if (options.requireCurrentPassword && (current === undefined || current === '')) {
      throw new AuthError(400, 'reauthentication_needed', 'Password update requires reauthentication');
    }
    const row = (
      await query(
        `select coalesce(encrypted_password = extensions.crypt($2, encrypted_password), false) as current_ok,
                coalesce(encrypted_password = extensions.crypt($3, encrypted_password), false) as same
           from auth.users where id = $1::uuid`,
        [user.id, current ?? '', password],
      )
    ).rows[0];
    if (options.requireCurrentPassword && row?.current_ok !== true) {
      throw new AuthError(400, 'reauthentication_not_valid', 'Current password is not correct');
    }
    if (row?.same === true) throw new AuthError(422, 'same_password', 'New password should be different from the old password.');
    await query('delete from auth.sessions where user_id = $1::uuid and id is distinct from $2::uuid', [user.id, sessionId]);
  }

  async function updateUser(query: Query, user: UserRow, body: Record<string, unknown>, admin: boolean, sessionId: string | null = null): Promise<UserRow> {
    const password = stringField(body, 'password');
    if (password !== undefined) {
      checkPassword(password);
      if (!admin) await checkOwnPasswordChange(query, user, body, password, sessionId);
    }
    const email = stringField(body, 'email');
    const normalized = email === undefined ? undefined : checkEmail(email);
    if (normalized !== undefined && normalized !== user.email) {
      const taken = (await query('select 1 from auth.users where lower(email) = $1 and id <> $2::uuid', [normalized, user.id])).rows.length > 0;
      if (taken) throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
    }
    const data = objectField(body, admin ? 'user_metadata' : 'data');
    // jsonb `||` merges top-level keys, so the stored size is that of the merge.
    if (data) checkMetadata({ ...(JSON.parse(user.userMetadata) as object), ...data });
    const app = admin ? objectField(body, 'app_metadata') : undefined;
    await query(
      `update auth.users set
         encrypted_password = coalesce(extensions.crypt($2::text, extensions.gen_salt('bf', 10)), encrypted_password),
         email = coalesce($3::text, email),
         raw_user_meta_data = raw_user_meta_data || coalesce($4::jsonb, '{}'::jsonb),
         raw_app_meta_data = raw_app_meta_data || coalesce($5::jsonb, '{}'::jsonb),
         email_confirmed_at = case when $6::boolean then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
         updated_at = now()
       where id = $1::uuid`,
      [user.id, password ?? null, normalized ?? null, data ? JSON.stringify(data) : null, app ? JSON.stringify(app) : null, admin && body.email_confirm === true],
    );
    return (await findUser(query, user.id)) as UserRow;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice('/auth/v1'.length).replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/health') {
      return sendAuth(req, res, 200, JSON.stringify({ version: 'zeri-local', name: 'GoTrue', description: 'Zëri local auth' }));
    }
    if (method === 'GET' && path === '/settings') {
      return sendAuth(req, res, 200, JSON.stringify({
        external: { email: true, phone: false, anonymous_users: false },
        disable_signup: false,
        mailer_autoconfirm: true,
        phone_autoconfirm: false,
        sms_provider: '',
        saml_enabled: false,
      }));
    }
    if (method === 'POST' && path === '/signup') {
      const body = await jsonObject(req);
      limitAddress(req);
      const email = checkEmail(stringField(body, 'email'));
      const password = checkPassword(stringField(body, 'password'));
      checkMetadata(objectField(body, 'data'));
      const session = await tx(async (query) => {
        const user = await insertUser(query, { email, password, confirmed: true, userMetadata: objectField(body, 'data') ?? {}, appMetadata: {} });
        await query('update auth.users set last_sign_in_at = now() where id = $1::uuid', [user.id]);
        return createSession(query, (await findUser(query, user.id)) as UserRow, settings(req), {
          userAgent: req.headers['user-agent'],
          ip: clientAddress(req, options.trustProxy),
        });
      });
      return sendAuth(req, res, 200, session);
    }
    if (method === 'POST' && path === '/token') {
      const grant = url.searchParams.get('grant_type');
      const body = await jsonObject(req);
      if (grant === 'password') return sendAuth(req, res, 200, await signInWithPassword(req, body));
      if (grant === 'refresh_token') return sendAuth(req, res, 200, await refresh(req, body));
      throw new AuthError(400, 'unsupported_grant_type', 'unsupported_grant_type');
    }
    if (path === '/user' && (method === 'GET' || method === 'PUT')) {
      const body = method === 'PUT' ? await jsonObject(req) : {};
      const user = await tx(async (query) => {
        const current = await currentUser(query, req);
        if (method === 'GET') return current.user;
        // Each call may hash two passwords and rewrite the row: a token holder gets a budget, not a loop.
        if (!updatesPerUser.take(current.user.id)) throw new RateLimitError(options.rateLimitWindowMs);
        const sessionId = typeof current.claims.session_id === 'string' ? current.claims.session_id : null;
        return updateUser(query, current.user, body, false, sessionId);
      });
      return sendAuth(req, res, 200, user.json);
    }
    if (method === 'POST' && path === '/logout') {
      const scope = url.searchParams.get('scope') ?? 'global';
      await tx(async (query) => {
        const { user, claims } = await currentUser(query, req);
        const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
        if (scope === 'local') await query('delete from auth.sessions where id = $1::uuid', [sessionId]);
        else if (scope === 'others') await query('delete from auth.sessions where user_id = $1::uuid and id is distinct from $2::uuid', [user.id, sessionId]);
        else await query('delete from auth.sessions where user_id = $1::uuid', [user.id]);
      });
      return sendAuth(req, res, 204, undefined);
    }
    if (path === '/admin/users' || path.startsWith('/admin/users/')) {
      requireAdmin(req);
      const id = path.slice('/admin/users/'.length);
      if (method === 'POST' && path === '/admin/users') {
        const body = await jsonObject(req);
        const email = checkEmail(stringField(body, 'email'));
        const password = stringField(body, 'password');
        if (password !== undefined) checkPassword(password);
        checkMetadata(objectField(body, 'user_metadata'));
        const user = await tx((query) =>
          insertUser(query, {
            email,
            password,
            confirmed: body.email_confirm === true,
            userMetadata: objectField(body, 'user_metadata') ?? {},
            appMetadata: objectField(body, 'app_metadata') ?? {},
          }).catch((error: unknown) => {
            if (error instanceof AuthError && error.code === 'user_already_exists') {
              throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
            }
            throw error;
          }),
        );
        return sendAuth(req, res, 200, user.json);
      }
      if (method === 'GET' && path === '/admin/users') {
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
        const perPage = Math.min(1000, Math.max(1, Number(url.searchParams.get('per_page') ?? 50) || 50));
        const rows = await tx(async (query) =>
          (await query(`select ${userColumnsSql} from auth.users u where u.deleted_at is null order by u.created_at, u.id limit $1 offset $2`, [perPage, (page - 1) * perPage])).rows,
        );
        return sendAuth(req, res, 200, `{"users":[${rows.map((row) => String(row.user_json)).join(',')}],"aud":"authenticated"}`);
      }
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AuthError(404, 'user_not_found', 'User not found');
      const found = await tx(async (query) => {
        const user = await findUser(query, id);
        if (!user) throw new AuthError(404, 'user_not_found', 'User not found');
        if (method === 'DELETE') {
          await query('delete from auth.users where id = $1::uuid', [id]);
          return user;
        }
        if (method === 'PUT') return updateUser(query, user, await jsonObject(req), true);
        if (method === 'GET') return user;
        throw new AuthError(405, 'method_not_allowed', 'Method not allowed');
      });
      return sendAuth(req, res, 200, found.json);
    }
    throw new AuthError(404, 'not_found', 'Not found');
  }

  return async function handleAuth(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'OPTIONS') return preflight(req, res);
    try {
      await route(req, res, url);
    } catch (error) {
      if (error instanceof AuthError) return sendAuthError(req, res, error);
      if (error instanceof BodyTooLargeError) return sendAuthError(req, res, new AuthError(413, 'request_too_large', 'Request body too large'));
      if (isDatabaseError(error) && error.code === '23505') {
        return sendAuthError(req, res, new AuthError(422, 'user_already_exists', 'User already registered'));
      }
      if (isDatabaseError(error) && error.code.startsWith('22')) {
        return sendAuthError(req, res, new AuthError(400, 'validation_failed', 'Invalid input'));
      }
      options.log(error);
      sendAuthError(req, res, new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information'));
    }
  };
}
