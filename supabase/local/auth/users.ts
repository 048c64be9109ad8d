import { createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Query } from '../server/database.ts';
import { signJwt } from '../jwt.ts';

/** A GoTrue-style failure: HTTP status plus a stable `error_code`. */
export class AuthError extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

/** The user object auth-js expects, rendered by Postgres from auth.users. */
export const userJsonSql = `json_build_object(
    'id', u.id, 'aud', coalesce(u.aud, 'authenticated'), 'role', coalesce(u.role, 'authenticated'),
    'email', coalesce(u.email, ''), 'email_confirmed_at', u.email_confirmed_at,
    'phone', coalesce(u.phone, ''), 'confirmed_at', u.email_confirmed_at,
    'last_sign_in_at', u.last_sign_in_at,
    'app_metadata', u.raw_app_meta_data, 'user_metadata', u.raw_user_meta_data,
    'identities', json_build_array(json_build_object(
      'identity_id', u.id, 'id', u.id::text, 'user_id', u.id,
      'identity_data', json_build_object('email', u.email, 'email_verified', u.email_confirmed_at is not null,
                                         'phone_verified', false, 'sub', u.id::text),
      'provider', 'email', 'last_sign_in_at', u.last_sign_in_at,
      'created_at', u.created_at, 'updated_at', u.updated_at, 'email', u.email)),
    'created_at', u.created_at, 'updated_at', u.updated_at, 'is_anonymous', u.is_anonymous
  )::text`;

export interface UserRow {
  id: string;
  email: string;
  json: string;
  appMetadata: string;
  userMetadata: string;
  isAnonymous: boolean;
}

function toUserRow(row: Record<string, unknown>): UserRow {
  return {
    id: String(row.id),
    email: String(row.email ?? ''),
    json: String(row.user_json),
    appMetadata: String(row.app_metadata ?? '{}'),
    userMetadata: String(row.user_metadata ?? '{}'),
    isAnonymous: row.is_anonymous === true,
  };
}

export const userColumnsSql = `u.id::text as id, u.email, ${userJsonSql} as user_json,
  u.raw_app_meta_data::text as app_metadata, u.raw_user_meta_data::text as user_metadata, u.is_anonymous`;

export async function findUser(query: Query, id: string): Promise<UserRow | undefined> {
  const row = (await query(`select ${userColumnsSql} from auth.users u where u.id = $1::uuid and u.deleted_at is null`, [id])).rows[0];
  return row ? toUserRow(row) : undefined;
}

export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionSettings {
  jwtSecret: string;
  jwtExpiry: number;
  issuer: string;
}

/** Starts a session: a row in auth.sessions, a hashed refresh token, an access token. */
export async function createSession(
  query: Query,
  user: UserRow,
  settings: SessionSettings,
  client: { userAgent: string | undefined; ip: string | undefined },
): Promise<string> {
  const refreshToken = randomBytes(24).toString('base64url');
  const ip = client.ip !== undefined && isIP(client.ip) !== 0 ? client.ip : null;
  const row = (
    await query(
      `with s as (insert into auth.sessions (user_id, user_agent, ip) values ($1::uuid, $2, $3::inet) returning id, user_id)
       insert into auth.refresh_tokens (token, user_id, session_id) select $4, s.user_id::text, s.id from s returning session_id::text`,
      [user.id, client.userAgent?.slice(0, 500) ?? null, ip, sha256(refreshToken)],
    )
  ).rows[0];
  return sessionJson(user, String(row?.session_id), refreshToken, settings);
}

/** The session object auth-js stores: tokens, expiry and the user. */
export function sessionJson(user: UserRow, sessionId: string, refreshToken: string, settings: SessionSettings): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: 'authenticated',
    exp: now + settings.jwtExpiry,
    iat: now,
    iss: settings.issuer,
    sub: user.id,
    email: user.email,
    phone: '',
    app_metadata: JSON.parse(user.appMetadata) as unknown,
    user_metadata: JSON.parse(user.userMetadata) as unknown,
    // Always `authenticated`: a row in auth.users never yields a more powerful role.
    role: 'authenticated',
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: now }],
    session_id: sessionId,
    is_anonymous: user.isAnonymous,
  };
  const accessToken = signJwt(claims, settings.jwtSecret);
  return `{"access_token":${JSON.stringify(accessToken)},"token_type":"bearer","expires_in":${settings.jwtExpiry},"expires_at":${now + settings.jwtExpiry},"refresh_token":${JSON.stringify(refreshToken)},"user":${user.json}}`;
}
