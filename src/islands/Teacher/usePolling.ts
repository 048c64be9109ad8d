/**
 * Calls `tick` every `intervalMs` while the tab is visible; stops when it is
 * hidden (a projector laptop left on another tab costs the server nothing)
 * and ticks at once when it comes back.
 */
import { useEffect, useRef, useState } from 'react';

export function usePolling(tick: () => void, intervalMs: number, enabled: boolean): { paused: boolean } {
  const latest = useRef(tick);
  latest.current = tick;
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      timer = setInterval(() => latest.current(), intervalMs);
    };
    const onVisibility = () => {
      if (document.hidden) {
        clearInterval(timer);
        timer = undefined;
        setPaused(true);
      } else {
        setPaused(false);
        latest.current();
        start();
      }
    };
    if (!document.hidden) start();
    else setPaused(true);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, enabled]);
  return { paused };
}
