import type ExcelJS from 'exceljs';
import { JifenError } from '../errors';
import type { CellValue, Sheet } from './sheets';

/** The content type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } } as const;
const READ_ONLY_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;

/**
 * exceljs, loaded on the first workbook rather than with the server: it is the largest module Jifen uses
 * (over a second to load on a small machine) and only the workbook exports and imports need it.
 */
let excel: Promise<typeof ExcelJS> | undefined;
const loadExcel = () => (excel ??= import('exceljs').then((m) => m.default));

/**
 * Sheets as .xlsx bytes (exceljs): header rows bold and frozen, read-only columns grey, text cells
 * stored as text (a leading `=` never becomes a formula).
 *
 * @example
 * const bytes = await sheetsToXlsx(ruleSetToSheets(doc));
 */
export async function sheetsToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'Jifen';
  for (const sheet of sheets) {
    const headers = sheet.headerRows ?? 0;
    const ws = book.addWorksheet(sheet.name, headers ? { views: [{ state: 'frozen', ySplit: headers }] } : {});
    sheet.columns?.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        if (typeof value === 'string') cell.numFmt = '@';
      });
      if (r < headers) {
        row.font = { bold: true };
        row.eachCell((cell) => (cell.fill = HEADER_FILL));
      } else {
        sheet.columns?.forEach((col, c) => {
          if (col.readOnly) row.getCell(c + 1).fill = READ_ONLY_FILL;
        });
      }
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * .xlsx bytes back into sheets of plain cells: rich text as its text, formulas as their cached result,
 * dates as `YYYY-MM-DD`. Bytes that are not a workbook are a `validation_failed` error.
 */
export async function xlsxToSheets(bytes: Uint8Array): Promise<Sheet[]> {
  const book = new (await loadExcel()).Workbook();
  try {
    // exceljs's types ask for a Node Buffer; a Uint8Array view over the same bytes is what it reads.
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new JifenError('validation_failed', { en: 'Workbook: the file is not an .xlsx workbook', zh: '文件不是 .xlsx 工作簿' }, [
      { path: 'workbook', message: '文件不是 .xlsx 工作簿，请上传从积分编辑器下载并在 Excel 中保存的文件 · The file is not an .xlsx workbook: upload a workbook downloaded from Jifen and saved by Excel' },
    ]);
  }
  return book.worksheets.map((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = plain(cell.value)));
      rows[r - 1] = Array.from(cells, (c) => c ?? null);
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return null;
}
