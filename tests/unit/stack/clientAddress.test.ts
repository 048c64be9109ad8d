// The one client address the local stack trusts, which it also passes to the
// database as X-Forwarded-For in request.headers (private.client_address()).
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, headersJson } from '../../../supabase/local/server/http.ts';

const request = (remoteAddress: string, forwarded?: string) =>
  ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the connection address unless a proxy is trusted, whatever the client wrote', () => {
    expect(clientAddress(request('203.0.113.7', '1.1.1.1'), false)).toBe('203.0.113.7');
  });

  it('behind a trusted proxy is the rightmost X-Forwarded-For entry, the one the proxy added', () => {
    expect(clientAddress(request('127.0.0.1', '1.1.1.1, 203.0.113.7'), true)).toBe('203.0.113.7');
    expect(clientAddress(request('127.0.0.1'), true)).toBe('127.0.0.1');
  });

  it('gives IPv4-mapped IPv6 (a dual-stack socket) as IPv4, and IPv6 as it is', () => {
    expect(clientAddress(request('::ffff:127.0.0.1'), false)).toBe('127.0.0.1');
    expect(clientAddress(request('2001:db8::1'), false)).toBe('2001:db8::1');
  });
});

describe('headersJson', () => {
  it('replaces a header the client sent, or removes it when the override is undefined', () => {
    const req = { headers: { 'x-forwarded-for': '1.1.1.1', 'user-agent': 'test' } } as unknown as IncomingMessage;
    expect(JSON.parse(headersJson(req, { 'x-forwarded-for': '203.0.113.7' }))).toEqual({ 'x-forwarded-for': '203.0.113.7', 'user-agent': 'test' });
    expect(JSON.parse(headersJson(req, { 'x-forwarded-for': undefined }))).toEqual({ 'user-agent': 'test' });
  });
});
