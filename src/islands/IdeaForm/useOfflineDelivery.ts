/**
 * Delivers ideas waiting in the offline queue: when the page loads, when the
 * browser says it is back online, and every half minute while something
 * waits (a server that failed does not fire `online`). Ideas the server
 * refused for good are announced without their text until the teacher
 * acknowledges them or they expire (src/lib/offlineQueue.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import { flushQueue, forgetIdea, pendingCount, refusalNotices, type DeliveryOutcome, type QueuedIdea } from '../../lib/offlineQueue.ts';
import { generateReceiptCode } from '../../lib/receiptCode.ts';
import { ApiError } from '../../lib/supabase/apiError.ts';
import { submitIdea, type SubmitIdeaArgs } from '../../lib/supabase/studentApi.ts';
import { keepQueued } from './submission.ts';

const RETRY_EVERY_MS = 30_000;

/**
 * One delivery attempt of a queued idea. Entries queued before the send time
 * travelled in the payload carry it from the queue entry instead.
 */
export async function deliverQueuedIdea(args: SubmitIdeaArgs, entry?: QueuedIdea<SubmitIdeaArgs>): Promise<DeliveryOutcome> {
  const withTime: SubmitIdeaArgs =
    args.p_queued_at || !entry ? args : { ...args, p_queued_at: new Date(entry.queuedAt).toISOString() };
  try {
    await submitIdea(withTime);
    return 'delivered';
  } catch (error) {
    if (!(error instanceof ApiError)) return 'retry';
    // Practically never (49.5 random bits), but then the idea still arrives,
    // under a code the server picks.
    if (error.code === 'receipt_code_taken') return deliverQueuedIdea({ ...withTime, p_receipt_code: generateReceiptCode() });
    return keepQueued(error.code) ? 'retry' : { refused: error.code };
  }
}

/** An idea the server refused for good, as the device shows it: no text, no receipt code. */
export interface RefusedIdea {
  key: string;
  /** The server's code: `session_closed`, `session_full`, … */
  reason: string;
}

export interface OfflineDelivery {
  /** Ideas still waiting on this device. */
  pending: number;
  /** True once waiting ideas have been delivered during this visit. */
  delivered: boolean;
  /** Ideas the server refused for good, announced until the teacher acknowledges them or they expire. */
  refused: RefusedIdea[];
  /** Re-reads the count and tries to deliver now. */
  refresh: () => Promise<void>;
  /** Deletes a refused idea from this device (the teacher has been told). */
  forget: (key: string) => Promise<void>;
}

async function readRefused(): Promise<RefusedIdea[]> {
  return (await refusalNotices()).map((notice) => ({ key: notice.idempotencyKey, reason: notice.code }));
}

export function useOfflineDelivery(): OfflineDelivery {
  const [pending, setPending] = useState(0);
  const [delivered, setDelivered] = useState(false);
  const [refused, setRefused] = useState<RefusedIdea[]>([]);

  const refresh = useCallback(async () => {
    try {
      const waiting = await pendingCount();
      setPending(waiting);
      if (waiting > 0 && navigator.onLine !== false) {
        const result = await flushQueue(deliverQueuedIdea);
        if (result.delivered > 0) setDelivered(true);
        setPending(await pendingCount());
      }
      setRefused(await readRefused());
    } catch {
      // IndexedDB unavailable or the attempt failed; the next trigger tries again.
    }
  }, []);

  const forget = useCallback(async (key: string) => {
    try {
      await forgetIdea(key);
      setRefused(await readRefused());
    } catch {
      // IndexedDB unavailable: nothing was kept in the first place.
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onOnline = () => void refresh();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [refresh]);

  useEffect(() => {
    if (pending === 0) return;
    const timer = setInterval(() => void refresh(), RETRY_EVERY_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  return { pending, delivered, refused, refresh, forget };
}
