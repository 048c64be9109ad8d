/**
 * The local stack's stand-in for the pg_cron job that hosted Supabase runs
 * (supabase/migrations/…_retention_and_schedules.sql): calls
 * `public.purge_expired_ideas()` as service_role at start and then every
 * `intervalMs`, so retention also happens on PGlite and self-hosted servers.
 */
import type { Database } from './server/database.ts';

export interface RetentionTimer {
  /** The next run now; resolves with the function's summary. */
  runNow(): Promise<Record<string, unknown>>;
  stop(): void;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

export function startRetentionTimer(
  database: Database,
  { intervalMs = SIX_HOURS, log = console.error }: { intervalMs?: number; log?: (error: unknown) => void } = {},
): RetentionTimer {
  const runNow = () =>
    database.transaction(async (query) => {
      // As PostgREST would for a service_role key: the function refuses anyone else.
      await query("select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{\"role\":\"service_role\"}', true)");
      const { rows } = await query('select public.purge_expired_ideas() as summary');
      return (rows[0]?.['summary'] ?? {}) as Record<string, unknown>;
    }, { readOnly: false });
  const tick = () => void runNow().catch(log);
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, intervalMs);
  // A timer must never keep `npm start` or a test process alive on its own.
  first.unref();
  timer.unref();
  return {
    runNow,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
