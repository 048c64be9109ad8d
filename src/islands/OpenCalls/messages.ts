/** The strings the open-calls island needs; picked per locale by the region page. */
import type { MessageKey } from '../../i18n/sq.ts';

export const openCallsMessageKeys = ['openCalls.running', 'openCalls.upcoming', 'openCalls.join'] as const satisfies readonly MessageKey[];

export type OpenCallsMessages = Record<(typeof openCallsMessageKeys)[number], string>;
