/**
 * Rows as RFC 4180 CSV (quoted where needed, CRLF line ends). Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) get a leading
 * apostrophe, so an idea's public text can never become a formula.
 *
 * @example toCsv([{ a: 1, b: 'x,y' }]) // 'a,b\r\n1,"x,y"\r\n'
 */
export function toCsv(rows: Array<Record<string, unknown>>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].map((line) => `${line}\r\n`).join('');
}
