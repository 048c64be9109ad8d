import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bodies past this size are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads the whole request body as UTF-8, refusing more than `maxBytes` (MAX_BODY_BYTES by default). */
export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return (await readBodyBytes(req, maxBytes)).toString('utf8');
}

/** The body as bytes, for raw `application/octet-stream` arguments. */
export async function readBodyBytes(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError('request body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLargeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * PostgREST answers any origin and exposes Content-Range; Supabase's gateway
 * adds the client headers supabase-js sends.
 */
export const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, Transfer-Encoding, Range-Unit, X-Supabase-Api-Version, Preference-Applied',
};

export function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    ...corsHeaders,
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS, HEAD',
    'Access-Control-Allow-Headers':
      req.headers['access-control-request-headers'] ??
      'Authorization, Content-Type, Accept, Accept-Profile, Content-Profile, Prefer, Range, apikey, x-client-info, x-supabase-api-version',
    'Access-Control-Max-Age': '86400',
  });
  res.end();
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | undefined,
  headers: Record<string, string> = {},
  withBody = true,
): void {
  const all: Record<string, string> = { ...corsHeaders, ...headers };
  if (body !== undefined && all['Content-Type'] === undefined) all['Content-Type'] = 'application/json; charset=utf-8';
  res.writeHead(status, all);
  res.end(withBody ? body : undefined);
}

/**
 * Lower-cased request headers as one JSON object, as PostgREST sets
 * `request.headers`; `overrides` replace (or, when undefined, remove) headers.
 */
export function headersJson(req: IncomingMessage, overrides: Record<string, string | undefined> = {}): string {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return JSON.stringify(headers);
}

/**
 * The client's address: the connection's, or behind a trusted proxy
 * (TRUST_PROXY=1) the rightmost X-Forwarded-For entry, the one that proxy
 * appended; entries to its left were sent by the client and can be anything.
 * IPv4-mapped IPv6 (`::ffff:203.0.113.7`, how a dual-stack socket reports
 * IPv4) is given as IPv4. Empty when unknown.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  let address = req.socket.remoteAddress ?? '';
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim() ?? '';
    if (last !== '') address = last.slice(0, 100);
  }
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

/** The bearer token, or the `apikey` header as Supabase's gateway falls back to. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s*(.*)$/i.exec(authorization);
    return match ? (match[1] ?? '').trim() : authorization.trim();
  }
  const apikey = req.headers.apikey;
  return typeof apikey === 'string' ? apikey : undefined;
}
