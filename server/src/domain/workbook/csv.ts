import type { CellValue } from './sheets';

/** The content type of the CSV files Jifen writes. */
export const CSV_TYPE = 'text/csv; charset=utf-8';

/**
 * Rows as CSV (RFC 4180, CRLF), UTF-8 with a byte order mark so that Excel opens Chinese correctly. A text
 * cell that Excel would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) is written
 * with a leading apostrophe, so an exported name can never run.
 *
 * @example
 * toCsv([['姓名', '积分'], ['张*', 120]]); // '\uFEFF姓名,积分\r\n张*,120\r\n'
 */
export function toCsv(rows: readonly (readonly CellValue[])[]): string {
  const cell = (v: CellValue) => {
    if (v === null) return '';
    let s = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
