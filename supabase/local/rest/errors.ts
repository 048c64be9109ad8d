/** A PostgREST-shaped error: `{code, message, details, hint}` plus an HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** A string, or PostgREST's list of candidate relationships for PGRST201. */
  readonly details: string | null | Record<string, string>[];
  readonly hint: string | null;
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    code: string,
    message: string,
    extra: { details?: string | null | Record<string, string>[]; hint?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = extra.details ?? null;
    this.hint = extra.hint ?? null;
    this.headers = extra.headers ?? {};
  }

  body(): string {
    return JSON.stringify({ code: this.code, details: this.details, hint: this.hint, message: this.message });
  }
}

/** PGRST100: a query parameter PostgREST's grammar rejects. */
export function parseError(parameter: string, value: string, details: string): ApiError {
  return new ApiError(400, 'PGRST100', `"failed to parse ${parameter} parameter (${value})"`, { details });
}

/** Shape shared by errors from `pg` and from PGlite (both use pg-protocol's DatabaseError). */
interface DatabaseErrorLike {
  code: string;
  message: string;
  detail?: string | undefined;
  hint?: string | undefined;
}

export function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as unknown as { code: string }).code)
  );
}

/**
 * PostgREST's mapSQLtoHTTP (src/PostgREST/Error.hs): SQLSTATE → HTTP status.
 * `authed` is false for the anon role, so 42501 is 401 for anon, 403 otherwise.
 */
export function statusForSqlState(code: string, message: string, authed: boolean): number {
  if (code.startsWith('08')) return 503;
  if (code.startsWith('09')) return 500;
  if (code.startsWith('0L') || code.startsWith('0P')) return 403;
  switch (code) {
    case '23503':
    case '23505':
      return 409;
    case '25006':
      return 405;
    case '21000':
      return message.endsWith('requires a WHERE clause') ? 400 : 500;
    case '22023':
      return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
    case '53400':
      return 500;
    case '57P01':
      return 503;
    case 'P0001':
      return 400;
    case '42883':
      return message.startsWith('function xmlagg(') ? 406 : 404;
    case '42P01':
      return 404;
    case '42P17':
      return 500;
    case '42501':
      return authed ? 403 : 401;
  }
  const prefix = code.slice(0, 2);
  if (['25', '2D', '38', '39', '3B', '40', '54', '55', '57', '58', 'F0', 'HV', 'P0', 'XX'].includes(prefix)) return 500;
  if (prefix === '28') return 403;
  if (prefix === '53') return 503;
  if (prefix === 'PT') {
    const status = Number(code.slice(2));
    return Number.isInteger(status) && status >= 100 && status <= 599 ? status : 500;
  }
  return 400;
}

/**
 * The database cannot be reached: refused, reset or timed-out connections
 * (node's socket errors) and `pg`'s own messages for a connection that died
 * or never opened. PostgREST answers these with 503 `PGRST000` and keeps
 * retrying; the pool here opens a fresh connection on the next request.
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  return /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/.test(error.message);
}

/** PostgREST's answer while the database is unreachable. */
export function databaseUnavailable(): ApiError {
  return new ApiError(503, 'PGRST000', 'Database connection error. Retrying the connection.', {
    hint: 'The database is not reachable right now; try again in a few seconds.',
  });
}

/**
 * SQLSTATEs whose message describes the server, not the request (XX internal
 * errors such as PGlite's `bad buffer ID`, 58 system and I/O errors): they are
 * logged and the client gets a generic 500, never the message.
 */
export function isInternalSqlState(code: string): boolean {
  return code.startsWith('XX') || code.startsWith('58');
}

/** The generic answer for anything the client should not see the details of. */
export function internalError(): ApiError {
  return new ApiError(500, 'PGRSTX00', 'Internal server error', {
    hint: 'The error was logged on the server.',
  });
}

/** Turns a database error into PostgREST's response; WWW-Authenticate on 401 as PostgREST adds it. */
export function fromDatabaseError(error: DatabaseErrorLike, authed: boolean): ApiError {
  const status = statusForSqlState(error.code, error.message, authed);
  return new ApiError(status, error.code, error.message, {
    details: error.detail ?? null,
    hint: error.hint ?? null,
    headers: status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {},
  });
}
