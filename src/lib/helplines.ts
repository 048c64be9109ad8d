import type { MessageKey } from '../i18n/sq.ts';

/**
 * Numbers shown in the help box on every page. Sources are cited on the help
 * page (content/pages/{sq,en}/help.md); change both together.
 *
 * 116 006, the national anti-trafficking line, is left out on purpose: the US
 * State Department's 2022 and 2023 TIP reports say the government hotline was
 * not functioning, and no newer source says it works again. A child in danger
 * must never reach a dead line; add it back once an official source confirms it.
 */
export const helplines: ReadonlyArray<{ display: string; dial: string; labelKey: MessageKey }> = [
  { display: 'ALO 116 111', dial: '116111', labelKey: 'help.childLine' },
  { display: '112', dial: '112', labelKey: 'help.emergency' },
  { display: '129', dial: '129', labelKey: 'help.police' },
];
