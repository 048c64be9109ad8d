/** Sections for signed-in staff: useless to search engines and kept out of the sitemap. */
const privateSections = ['account', 'teachers', 'committee'];

/**
 * Whether a URL or path belongs to the signed-in area.
 *
 * @example isPrivateArea('https://zeri.al/sq/teachers/new/') // → true
 */
export function isPrivateArea(urlOrPath: string): boolean {
  const { pathname } = new URL(urlOrPath, 'http://localhost');
  const section = pathname.split('/')[2] ?? '';
  return /^\/(sq|en)\//.test(pathname) && privateSections.includes(section);
}
