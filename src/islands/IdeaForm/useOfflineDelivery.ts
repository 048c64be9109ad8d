/**
 * Delivers ideas waiting in the offline queue: when the page loads, when the
 * browser says it is back online, and every half minute while something
 * waits (a server that failed does not fire `online`).
 */
import { useCallback, useEffect, useState } from 'react';
import { flushQueue, pendingCount, type DeliveryOutcome } from '../../lib/offlineQueue.ts';
import { generateReceiptCode } from '../../lib/receiptCode.ts';
import { ApiError } from '../../lib/supabase/apiError.ts';
import { submitIdea, type SubmitIdeaArgs } from '../../lib/supabase/studentApi.ts';
import { keepQueued } from './submission.ts';

const RETRY_EVERY_MS = 30_000;

/** One delivery attempt of a queued idea. */
export async function deliverQueuedIdea(args: SubmitIdeaArgs): Promise<DeliveryOutcome> {
  try {
    await submitIdea(args);
    return 'delivered';
  } catch (error) {
    if (!(error instanceof ApiError)) return 'retry';
    // Practically never (49.5 random bits), but then the idea still arrives,
    // under a code the server picks.
    if (error.code === 'receipt_code_taken') return deliverQueuedIdea({ ...args, p_receipt_code: generateReceiptCode() });
    return keepQueued(error.code) ? 'retry' : 'rejected';
  }
}

export interface OfflineDelivery {
  /** Ideas still waiting on this device. */
  pending: number;
  /** True once waiting ideas have been delivered during this visit. */
  delivered: boolean;
  /** Re-reads the count and tries to deliver now. */
  refresh: () => Promise<void>;
}

export function useOfflineDelivery(): OfflineDelivery {
  const [pending, setPending] = useState(0);
  const [delivered, setDelivered] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const waiting = await pendingCount();
      setPending(waiting);
      if (waiting === 0 || navigator.onLine === false) return;
      const result = await flushQueue(deliverQueuedIdea);
      if (result.delivered > 0) setDelivered(true);
      setPending(await pendingCount());
    } catch {
      // IndexedDB unavailable or the attempt failed; the next trigger tries again.
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

  return { pending, delivered, refresh };
}
