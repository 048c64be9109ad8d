import { createHmac, timingSafeEqual } from 'node:crypto';

/** The secret `supabase start` uses; anything written for Supabase's local mode works against it. */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** `supabase-demo` keys expire in 2032, like the ones the Supabase CLI prints. */
const DEMO_KEY_EXP = 1983812996;

/** Clock skew allowed on exp/nbf/iat, as PostgREST's default (30 s). */
const CLOCK_SKEW_SECONDS = 30;

export type JwtClaims = Record<string, unknown>;

/** Why a token was refused; `code` is PostgREST's (PGRST301 decode, PGRST303 claims). */
export class JwtError extends Error {
  readonly code: 'PGRST301' | 'PGRST303';
  constructor(code: 'PGRST301' | 'PGRST303', message: string) {
    super(message);
    this.code = code;
  }
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Signs `claims` with HS256. */
export function signJwt(claims: JwtClaims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function decodePart(part: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new JwtError('PGRST301', 'JWT couldn\'t be decoded');
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError('PGRST301', 'JWT couldn\'t be decoded');
  }
}

function numericClaim(claims: JwtClaims, name: 'exp' | 'nbf' | 'iat'): number | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new JwtError('PGRST303', `The JWT '${name}' claim must be a number`);
  }
  return value;
}

/**
 * Verifies an HS256 token the way PostgREST does: only HS256 (never `none`),
 * a constant-time signature check, then exp/nbf/iat with 30 s of skew.
 * Messages are PostgREST's.
 */
export function verifyJwt(token: string, secret: string, now = Date.now() / 1000): JwtClaims {
  if (token === '') throw new JwtError('PGRST301', 'Empty JWT is sent in Authorization header');
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('PGRST301', `Expected 3 parts in JWT; got ${parts.length}`);
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decodePart(headerPart);
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'HS256') {
    throw new JwtError('PGRST301', 'Wrong or unsupported encoding algorithm');
  }
  const expected = createHmac('sha256', secret).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new JwtError('PGRST301', 'JWT cryptographic operation failed');
  }
  const claims = decodePart(payloadPart);
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new JwtError('PGRST303', 'Parsing claims failed');
  }
  const record = claims as JwtClaims;
  const exp = numericClaim(record, 'exp');
  const nbf = numericClaim(record, 'nbf');
  const iat = numericClaim(record, 'iat');
  if (exp !== undefined && now - CLOCK_SKEW_SECONDS > exp) throw new JwtError('PGRST303', 'JWT expired');
  if (nbf !== undefined && now + CLOCK_SKEW_SECONDS < nbf) throw new JwtError('PGRST303', 'JWT not yet valid');
  if (iat !== undefined && now + CLOCK_SKEW_SECONDS < iat) throw new JwtError('PGRST303', 'JWT issued at future');
  return record;
}

/**
 * The anon and service_role API keys for a secret. With the default secret
 * they are byte for byte the keys `supabase start` prints.
 */
export function apiKeys(secret: string): { anonKey: string; serviceKey: string } {
  return {
    anonKey: signJwt({ iss: 'supabase-demo', role: 'anon', exp: DEMO_KEY_EXP }, secret),
    serviceKey: signJwt({ iss: 'supabase-demo', role: 'service_role', exp: DEMO_KEY_EXP }, secret),
  };
}
