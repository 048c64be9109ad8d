import { describe, expect, it } from 'vitest';
import { checkJwtSecret, isLoopbackHost } from '../../../supabase/local/checkJwtSecret.ts';
import { DEFAULT_JWT_SECRET } from '../../../supabase/local/jwt.ts';

describe('the public local JWT secret', () => {
  it.each(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', 'LOCALHOST', 'app.localhost'])('is allowed with a warning on loopback %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
    const check = checkJwtSecret(DEFAULT_JWT_SECRET, host);
    expect(check.error).toBeUndefined();
    expect(check.warning).toMatch(/public local JWT secret.*JWT_SECRET/);
  });

  it.each(['0.0.0.0', '::', '', '192.168.1.10', 'zeri.example.al', '::ffff:10.0.0.1', 'localhost.evil.example'])('is refused on %j, saying how to set JWT_SECRET', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
    const check = checkJwtSecret(DEFAULT_JWT_SECRET, host);
    expect(check.error).toMatch(/^Refusing to listen .*JWT_SECRET=\$\(openssl rand -base64 48\)/);
  });

  it('says nothing about a secret of your own, on any host', () => {
    expect(checkJwtSecret('a-secret-of-our-own-that-is-long-enough-123', '0.0.0.0')).toEqual({});
  });
});
