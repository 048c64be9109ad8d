import type { MessageKey } from '../i18n/sq.ts';

/**
 * Numbers shown in the help box on every page. Sources are cited on the help
 * page (content/pages/{sq,en}/help.md); change both together.
 */
export const helplines: ReadonlyArray<{ display: string; dial: string; labelKey: MessageKey }> = [
  { display: 'ALO 116 111', dial: '116111', labelKey: 'help.childLine' },
  { display: '116 006', dial: '116006', labelKey: 'help.traffickingLine' },
  { display: '112', dial: '112', labelKey: 'help.emergency' },
  { display: '129', dial: '129', labelKey: 'help.police' },
];
