/**
 * Whether what the child is writing reads like a disclosure (then the form
 * shows the help panel at once). The detector's rules are a fifth of the
 * form's JavaScript, so they are fetched when the child starts writing, not
 * with the form: on a slow school connection the form must be usable first
 * (tests/e2e/budgets.test.ts). Nothing depends on the browser's answer for
 * safety: the database scans every idea and question it receives.
 */
import { useEffect, useMemo, useState } from 'react';

type Detector = (fields: ReadonlyArray<string | undefined>) => boolean;

let loading: Promise<Detector> | undefined;

function loadDetector(): Promise<Detector> {
  loading ??= import('../../lib/detectSafeguarding.ts').then(
    (module) => module.detectSafeguardingIn,
    (error: unknown) => {
      loading = undefined; // offline for a moment: the next keystroke tries again
      throw error;
    },
  );
  return loading;
}

export function useSafeguardingCheck(fields: ReadonlyArray<string>): boolean {
  const [detect, setDetect] = useState<Detector>();
  const writing = fields.some((field) => field !== '');
  useEffect(() => {
    if (!writing || detect) return;
    let live = true;
    loadDetector().then(
      (loaded) => live && setDetect(() => loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [writing, detect, fields]);
  return useMemo(() => (detect ? detect(fields) : false), [detect, fields]);
}
