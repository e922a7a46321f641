import { toCsv } from '../../../server/src/domain/workbook/csv';
import type { CellValue, Sheet } from '../../../server/src/domain/workbook/sheets';

/**
 * Files for meetings and records, made in the browser from what the page shows: CSV (UTF-8 with a byte
 * order mark, so Excel opens Chinese correctly) and .xlsx (the spreadsheet code is loaded only when a
 * workbook is asked for).
 */

export type { CellValue, Sheet };
export { toCsv };

/** Hands a file to the browser as a download. */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(name: string, rows: readonly (readonly CellValue[])[]): void {
  saveFile(`${name}.csv`, toCsv(rows), 'text/csv;charset=utf-8');
}

/** Downloads sheets as one .xlsx workbook, with the same look as the rule-set workbooks. */
export async function downloadXlsx(name: string, sheets: readonly Sheet[]): Promise<void> {
  const { sheetsToXlsx, XLSX_TYPE } = await import('../../../server/src/domain/workbook/xlsx');
  saveFile(`${name}.xlsx`, (await sheetsToXlsx(sheets)) as Uint8Array<ArrayBuffer>, XLSX_TYPE);
}

/** A sheet with one header row (bold, frozen) and plain columns. */
export function simpleSheet(name: string, header: readonly string[], rows: readonly (readonly CellValue[])[], widths: readonly number[] = []): Sheet {
  return { name, headerRows: 1, columns: header.map((_, i) => ({ width: widths[i] ?? 16 })), rows: [[...header], ...rows.map((r) => [...r])] };
}
