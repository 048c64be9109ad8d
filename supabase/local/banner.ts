import type { Stack } from './stack.ts';

/** Demo logins from supabase/seed.sql (local seed only, never in production). */
export const demoLogins = [
  'koordinator@zeri.test',
  'kukes@zeri.test',
  'lezhe@zeri.test',
  'shkoder@zeri.test',
  'durres@zeri.test',
  'mesuese@zeri.test',
] as const;

export const demoPassword = 'zeri-demo-2026';

/** What `npm start` prints: API URL, anon key, demo logins and open session codes. */
export async function describeStack(stack: Stack, baseUrl: string): Promise<string> {
  const lines = [`Supabase-compatible API: ${baseUrl.replace(/\/$/, '')}/rest/v1 and /auth/v1 (${stack.database.kind})`, `anon key: ${stack.anonKey}`];
  const sessions = await stack.database
    .transaction(
      (query) =>
        query(`select region, join_code from public.class_sessions
                where join_code is not null and closed_at is null and closes_at > now() order by region limit 20`),
      { readOnly: true },
    )
    .then((result) => result.rows)
    .catch(() => []);
  const users = await stack.database
    .transaction((query) => query('select email from auth.users where email = any($1)', [[...demoLogins]]), { readOnly: true })
    .then((result) => new Set(result.rows.map((row) => String(row.email))))
    .catch(() => new Set<string>());
  if (users.size > 0) {
    lines.push(`demo logins (password ${demoPassword}): ${demoLogins.filter((email) => users.has(email)).join(', ')}`);
  }
  if (sessions.length > 0) {
    lines.push(`open session codes: ${sessions.map((row) => `${String(row.region)} ${String(row.join_code)}`).join(', ')}`);
  }
  return lines.join('\n');
}
