import { isIP } from 'node:net';
import { DEFAULT_JWT_SECRET } from './jwt.ts';

/**
 * Whether `host` (the address a server listens on) only accepts connections
 * from this machine. Anything else, including `0.0.0.0`, `::`, an empty host
 * and names we cannot vouch for, counts as reachable from the network.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

const howToSet =
  'Set JWT_SECRET to at least 32 random characters (for example `JWT_SECRET=$(openssl rand -base64 48)`), ' +
  'keep it out of the repository, and restart; see docs/deploy.md.';

/**
 * Supabase's local JWT secret is published in its documentation: anyone who
 * can reach a server signing with it can forge a `service_role` token. Like
 * `supabase start`, it stays usable for development on this machine (with a
 * warning), and refuses to listen anywhere else.
 *
 * @example
 * const check = checkJwtSecret(process.env.JWT_SECRET ?? DEFAULT_JWT_SECRET, process.env.HOST ?? 'localhost');
 * if (check.error) { console.error(check.error); process.exit(1); }
 * if (check.warning) console.warn(check.warning);
 */
export function checkJwtSecret(secret: string, host: string): { error?: string; warning?: string } {
  if (secret !== DEFAULT_JWT_SECRET) return {};
  if (!isLoopbackHost(host)) {
    return {
      error: `Refusing to listen on ${JSON.stringify(host)} with Supabase's public local JWT secret: anyone could forge a service_role key. ${howToSet}`,
    };
  }
  return {
    warning: `Warning: signing tokens with Supabase's public local JWT secret. Fine on this machine only (HOST=${host}); never expose this server. ${howToSet}`,
  };
}
