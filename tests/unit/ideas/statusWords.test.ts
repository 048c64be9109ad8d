import { describe, expect, it } from 'vitest';
import { statusWords } from '../../../src/islands/TrackIdea/statusWords.ts';

describe('statusWords', () => {
  it.each([
    ['received', 'track.status.pending'],
    ['read', 'track.status.read'],
    ['published', 'track.status.published'],
    ['approved', 'track.status.notPublishedByChoice'],
    ['adopted', 'track.status.adopted'],
  ] as const)('says %s as %s', (status, key) => {
    expect(statusWords({ status, rejectReason: null })).toEqual({ status: key });
  });

  it('gives the reason of an idea that is not published', () => {
    expect(statusWords({ status: 'not_published', rejectReason: 'duplicate' })).toEqual({
      status: 'track.status.rejected',
      reason: 'track.reason.duplicate',
    });
  });

  it('says nothing about a reason it does not know', () => {
    expect(statusWords({ status: 'not_published', rejectReason: 'something_new' })).toEqual({ status: 'track.status.rejected' });
  });
});
