import type { IncomingMessage } from 'node:http';
import { JwtError, verifyJwt, type JwtClaims } from '../jwt.ts';
import { ApiError } from '../rest/errors.ts';
import type { Query } from './database.ts';
import { bearerToken, clientAddress, headersJson } from './http.ts';

export const apiRoles = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof apiRoles)[number];

export interface RequestAuth {
  role: ApiRole;
  claims: JwtClaims;
}

/** Per-role statement timeouts as hosted Supabase sets them; service_role keeps the database default. */
const statementTimeouts: Partial<Record<ApiRole, string>> = { anon: '3s', authenticated: '8s' };

/** The same timeouts in milliseconds, for the PGlite watchdog (PGlite cannot enforce statement_timeout). */
export function statementTimeoutMs(role: ApiRole): number | undefined {
  const timeout = statementTimeouts[role];
  return timeout === undefined ? undefined : Number.parseInt(timeout, 10) * 1000;
}

/**
 * Verifies the bearer token (or apikey) and picks the database role, as
 * PostgREST does: no token is anon; a role outside the three API roles is refused.
 */
export function authenticate(req: IncomingMessage, secret: string): RequestAuth {
  const token = bearerToken(req);
  if (token === undefined) return { role: 'anon', claims: { role: 'anon' } };
  let claims: JwtClaims;
  try {
    claims = verifyJwt(token, secret);
  } catch (error) {
    if (error instanceof JwtError) {
      throw new ApiError(401, error.code, error.message, {
        headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(error.message)}` },
      });
    }
    throw error;
  }
  const role = claims.role ?? 'anon';
  if (typeof role !== 'string' || !(apiRoles as readonly string[]).includes(role)) {
    throw new ApiError(401, 'PGRST303', 'JWT role is not one of anon, authenticated, service_role', {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    });
  }
  return { role: role as ApiRole, claims };
}

/**
 * PostgREST's per-request setup, in one statement: search_path, the role (a
 * transaction-local SET ROLE, so RLS applies even though the connection is a
 * superuser), the JWT claims and the request's method, path (as PostgREST
 * sees it behind Supabase's gateway: `/rpc/join_session`, without
 * `/rest/v1`) and headers. X-Forwarded-For is the client's address alone, as
 * Supabase's gateway passes it, so the database's limits read one address
 * the client cannot choose (private.client_address()).
 */
export async function applyRequestContext(
  query: Query,
  auth: RequestAuth,
  req: IncomingMessage,
  path: string,
  settings: RequestSettings = { searchPath: 'public, extensions', preRequest: undefined, trustProxy: false },
): Promise<void> {
  const headers = headersJson(req, { 'x-forwarded-for': clientAddress(req, settings.trustProxy) || undefined });
  const timeout = statementTimeouts[auth.role];
  await query(
    `select set_config('search_path', $1, true),
            set_config('role', $2, true),
            set_config('request.jwt.claims', $3, true),
            set_config('request.method', $4, true),
            set_config('request.path', $5, true),
            set_config('request.headers', $6, true)${timeout === undefined ? '' : `,
            set_config('statement_timeout', $7, true)`}`,
    [settings.searchPath, auth.role, JSON.stringify(auth.claims), req.method ?? 'GET', path, headers, ...(timeout === undefined ? [] : [timeout])],
  );
  // PostgREST's db-pre-request: runs as the request's role, after the claims
  // are set, and can refuse the request by raising (a rate limit, a ban).
  if (settings.preRequest) await query(`select ${settings.preRequest.split('.').map((part) => `"${part}"`).join('.')}()`);
}

/** What config.toml (and PGRST_* variables) set for every request. */
export interface RequestSettings {
  /** `set search_path` value: the served schema, then [api] extra_search_path. */
  searchPath: string;
  /**
   * db-pre-request: the authenticator role's `pgrst.db_pre_request`, else
   * PGRST_DB_PRE_REQUEST; already checked to be a (qualified) identifier.
   */
  preRequest: string | undefined;
  /** Take the client address from X-Forwarded-For (rightmost entry), not the connection. */
  trustProxy: boolean;
}
