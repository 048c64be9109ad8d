/** The strings the ideas wall island needs; picked per locale by the page. */
import type { MessageKey } from '../../i18n/sq.ts';

export const ideasWallMessageKeys = [
  'theme.school',
  'theme.family',
  'theme.online',
  'theme.community',
  'theme.work_abroad',
  'theme.other',
  'wall.filterLabel',
  'wall.allThemes',
  'wall.loading',
  'wall.empty',
  'wall.failed',
  'wall.retry',
  'wall.adopted',
  'wall.feeds',
  'wall.previous',
  'wall.next',
  'wall.page',
  'wall.total',
  'wall.chartTitle',
  'wall.tableCaption',
  'wall.tableTheme',
  'wall.tableCount',
  'wall.listLabel',
] as const satisfies readonly MessageKey[];

export type IdeasWallMessages = Record<(typeof ideasWallMessageKeys)[number], string>;
