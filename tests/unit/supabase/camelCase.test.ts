import { describe, expect, it } from 'vitest';
import { camelCased } from '../../../src/lib/supabase/camelCase.ts';

describe('camelCased', () => {
  it('renames the keys of rows at every depth and leaves values alone', () => {
    const row = { join_code: 'K7M2QX', closed_at: null, session: { grade_band: '6-9' }, questions: [{ asked_at: 'x', text: 'a_b' }] };
    expect(camelCased(row)).toEqual({ joinCode: 'K7M2QX', closedAt: null, session: { gradeBand: '6-9' }, questions: [{ askedAt: 'x', text: 'a_b' }] });
  });

  it('leaves keys already in camelCase and plain values as they are', () => {
    expect(camelCased({ flag_details: { personalData: [] } })).toEqual({ flagDetails: { personalData: [] } });
    expect(camelCased(['a_b', 3, null])).toEqual(['a_b', 3, null]);
  });
});
