/**
 * Which sentence tells a student where their idea stands. Kept apart from
 * the component so the mapping is unit-tested (tests/unit/ideas/).
 */
import type { IdeaStatus } from '../../lib/supabase/studentApi.ts';
import type { TrackIdeaMessageKey } from './messages.ts';

const reasons = new Set(['off_topic', 'duplicate', 'personal_data', 'inappropriate', 'other']);

/** The status sentence and, for an idea not published, the reason sentence. */
export function statusWords(idea: Pick<IdeaStatus, 'status' | 'rejectReason'>): { status: TrackIdeaMessageKey; reason?: TrackIdeaMessageKey } {
  switch (idea.status) {
    case 'received':
      return { status: 'track.status.pending' };
    case 'read':
      return { status: 'track.status.read' };
    case 'published':
      return { status: 'track.status.published' };
    case 'approved':
      return { status: 'track.status.notPublishedByChoice' };
    case 'adopted':
      return { status: 'track.status.adopted' };
    case 'not_published':
      return idea.rejectReason && reasons.has(idea.rejectReason)
        ? { status: 'track.status.rejected', reason: `track.reason.${idea.rejectReason}` as TrackIdeaMessageKey }
        : { status: 'track.status.rejected' };
    default:
      return { status: 'track.notFound' };
  }
}
