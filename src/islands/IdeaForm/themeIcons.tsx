/**
 * Simple line icons for the theme cards, drawn inline so the page makes no
 * extra request. Decorative: the card's text names the theme.
 */
import type { IdeaTheme } from '../../lib/schemas/idea.ts';

const paths: Record<IdeaTheme, string> = {
  // A school building with a flag.
  school: 'M4 20V10l8-5 8 5v10M9 20v-5h6v5M12 5V2h3M2 20h20',
  // Two adults and a child.
  family: 'M7 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM17 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM12 13a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM4 20v-6a3 3 0 0 1 6 0v6M14 20v-6a3 3 0 0 1 6 0v6M10 20v-3a2 2 0 0 1 4 0v3',
  // A phone with a speech bubble.
  online: 'M7 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM10 18h2M18 6h3v4h-2l-1 1.5',
  // Three houses side by side.
  community: 'M2 20v-7l4-3 4 3v7M10 20v-9l4-3 4 3v9M18 20v-6l2-1.5 2 1.5v6M1 20h22M5 20v-3h2v3M13 20v-3h2v3',
  // A suitcase with an aeroplane path.
  work_abroad: 'M4 10h16v10H4zM9 10V7a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3M4 14h16M14 3l3-1 4 2-3 1',
  // A light bulb: any other idea.
  other: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.8.8 1 1.6 1 2.5h6c0-.9.2-1.7 1-2.5A6 6 0 0 0 12 3z',
};

export function ThemeIcon({ theme }: { theme: IdeaTheme }) {
  return (
    <svg className="theme-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
      <path d={paths[theme]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
