import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { migrate } from '../../supabase/local/migrate.ts';
import type { Stack } from '../../supabase/local/stack.ts';
import { backends, startStack, type Running } from './harness.ts';

// Over the project's migrations and seed: staff rights need a live session.
describe.each(backends)('a staff token after its session ended (%s)', (backend) => {
  let run: Running;
  let stack: Stack;
  let url: string;
  const noSession = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };
  beforeAll(async () => {
    run = await startStack(backend, { prepare: async (db) => void (await migrate(db, { seed: true })) });
    stack = run.stack;
    url = run.url;
  });
  afterAll(async () => run?.close());

  async function signIn(email: string): Promise<{ client: SupabaseClient; token: string; userId: string }> {
    const client = createClient(url, stack.anonKey, noSession);
    const { data, error } = await client.auth.signInWithPassword({ email, password: 'zeri-demo-2026' });
    if (error || !data.session) throw error ?? new Error('no session');
    return { client, token: data.session.access_token, userId: data.session.user.id };
  }

  /** A client that sends a kept copy of an access token, as an attacker holding it would. */
  const withToken = (token: string) => createClient(url, stack.anonKey, { ...noSession, global: { headers: { Authorization: `Bearer ${token}` } } });

  const sessionRow = (userId: string) => ({
    kind: 'class', teacher_id: userId, region: 'kukes', school: 'Shkolla e Mesme Demo, Kukës', grade_band: '10-12',
    opens_at: new Date().toISOString(), closes_at: new Date(Date.now() + 3600_000).toISOString(),
  });

  it('cannot approve an idea once the moderator signed out on that device (scope local)', async () => {
    const moderator = await signIn('kukes@zeri.test');
    const pending = await moderator.client.from('ideas').select('id').eq('region', 'kukes').eq('status', 'pending').eq('safeguarding_flag', false).limit(1).single();
    expect(pending.error).toBeNull();
    const id = (pending.data as { id: string }).id;
    // The token works while its session lives.
    expect((await withToken(moderator.token).rpc('moderation_queue', { p_region: 'kukes' })).error).toBeNull();

    expect((await moderator.client.auth.signOut({ scope: 'local' })).error).toBeNull();
    const kept = withToken(moderator.token);
    const approved = await kept.rpc('approve_idea', { p_idea_id: id, p_masks: [] });
    expect(approved.error).not.toBeNull();
    // Refused for the revoked session, not because the call itself is wrong.
    expect(approved.error?.code).not.toBe('PGRST202');
    expect((await kept.from('ideas').select('id').eq('region', 'kukes')).data).toEqual([]);
    const service = createClient(url, stack.serviceKey, noSession);
    const idea = await service.from('ideas').select('status').eq('id', id).single();
    expect(idea.data).toEqual({ status: 'pending' });
  });

  it('cannot open a class session once the teacher signed out everywhere (scope global)', async () => {
    const teacher = await signIn('mesuese@zeri.test');
    const projector = await signIn('mesuese@zeri.test');
    const opened = await withToken(projector.token).from('class_sessions').insert(sessionRow(projector.userId)).select('id').single();
    expect(opened.error).toBeNull();

    expect((await teacher.client.auth.signOut({ scope: 'global' })).error).toBeNull();
    const sessionId = (opened.data as { id: string }).id;
    for (const token of [teacher.token, projector.token]) {
      const kept = withToken(token);
      const refused = await kept.from('class_sessions').insert(sessionRow(teacher.userId)).select('id').single();
      expect(refused.error).toMatchObject({ code: '42501' });
      // Nor close or change the session opened before, nor read it.
      expect((await kept.rpc('close_session', { p_session_id: sessionId })).error).not.toBeNull();
      expect((await kept.from('class_sessions').update({ students_present: 3 }).eq('id', sessionId).select('id')).data).toEqual([]);
    }
    const service = createClient(url, stack.serviceKey, noSession);
    expect((await service.from('class_sessions').select('closed_at, students_present').eq('id', sessionId).single()).data).toEqual({ closed_at: null, students_present: null });
  });

  it('still serves public reads to anyone', async () => {
    const anon = createClient(url, stack.anonKey, noSession);
    const ideas = await anon.from('public_ideas').select('*').limit(3);
    expect(ideas.error).toBeNull();
    expect(ideas.data?.length).toBeGreaterThan(0);
  });
});
