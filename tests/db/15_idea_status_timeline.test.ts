// idea_status tells a student when the plan activities their idea became
// part of take place (timeline_start, timeline_end), for adopted ideas only.
import { describe, expect, it } from 'vitest';
import { authenticateAs, resetRole, rpc, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

interface Activity {
  title: string;
  responsible_institution: string;
  status: string;
  progress: number;
  timeline_start: string | null;
  timeline_end: string | null;
}

async function activitiesOf(code: string): Promise<Activity[]> {
  await authenticateAs(t.db, 'anon');
  const status = await rpc<{ activities: Activity[] }>(t.db, 'idea_status', { p_receipt_code: code });
  await resetRole(t.db);
  return status.activities;
}

describe('idea_status activities', () => {
  it('carry each adopting activity\'s timeline start and end beside title, institution, status and progress', async () => {
    const { rows } = await t.db.query<{ timeline_start: string; timeline_end: string }>(
      `select a.timeline_start::text, a.timeline_end::text
       from public.idea_activity_links l join public.plan_activities a on a.id = l.activity_id
       join public.ideas i on i.id = l.idea_id where i.receipt_hash = private.receipt_hash('KUKESADPT2')`,
    );
    expect(rows).toHaveLength(1);
    const [activity] = await activitiesOf('KUKES-ADPT2');
    expect(Object.keys(activity!).sort()).toEqual(['progress', 'responsible_institution', 'status', 'timeline_end', 'timeline_start', 'title']);
    expect({ start: activity!.timeline_start, end: activity!.timeline_end }).toEqual({ start: rows[0]!.timeline_start, end: rows[0]!.timeline_end });
  });

  it('answer null for an activity without dates', async () => {
    await t.db.query(
      `update public.plan_activities set timeline_start = null, timeline_end = null
       where id in (select l.activity_id from public.idea_activity_links l join public.ideas i on i.id = l.idea_id
                    where i.receipt_hash = private.receipt_hash('KUKESADPT2'))`,
    );
    expect(await activitiesOf('KUKES-ADPT2')).toEqual([expect.objectContaining({ timeline_start: null, timeline_end: null })]);
  });

  it('stay empty for ideas that are not adopted', async () => {
    expect(await activitiesOf('KUKES-APRV2')).toEqual([]);
  });
});
