/** The strings the statistics island needs; picked per locale by the pages. */
import type { MessageKey } from '../../i18n/sq.ts';

export const statsMessageKeys = [
  'stats.loading',
  'stats.failed',
  'stats.suppressed',
  'stats.submitted',
  'stats.published',
  'stats.adopted',
  'stats.adoptionRate',
  'stats.median',
  'stats.notEnough',
  'stats.byMonth',
  'stats.byTheme',
  'stats.outcome',
  'stats.month',
  'stats.theme',
  'stats.measure',
  'stats.count',
  'stats.chartLabel',
  'stats.regions',
  'committee.admin.colRegion',
  'theme.school',
  'theme.family',
  'theme.online',
  'theme.community',
  'theme.work_abroad',
  'theme.other',
] as const satisfies readonly MessageKey[];

export type StatsMessages = Record<(typeof statsMessageKeys)[number], string>;
