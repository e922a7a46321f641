import type { FieldError } from '../errors';
import { NO, YES, type CellValue, type ColumnSpec } from './sheets';

/**
 * Reading cells back: each problem names the sheet, the row (as Excel numbers it) and the column, in
 * Chinese and in English, and all problems of a workbook are reported at once.
 */
export class Problems {
  readonly list: FieldError[] = [];

  add(sheet: string, row: number | undefined, column: ColumnSpec | undefined, zh: string, en: string): void {
    const where = {
      zh: `工作表「${sheet}」${row ? `第 ${row} 行` : ''}${column ? `「${column.title.zh}」列` : ''}`,
      en: `sheet "${sheet}"${row ? `, row ${row}` : ''}${column ? `, column "${column.title.en}"` : ''}`,
    };
    this.list.push({
      path: ['workbook', sheet, row ?? '', column?.key ?? ''].filter((s) => s !== '').join('.'),
      message: `${where.zh}：${zh} · ${capital(where.en)}: ${en}`,
    });
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Blank cells (empty or spaces only) are null. */
export function text(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const s = String(cell).trim();
  return s === '' ? null : s;
}

/** A number, from a number cell or text that spells one; null when blank; NaN when not a number. */
export function number(cell: CellValue | undefined): number | null {
  if (typeof cell === 'number') return cell;
  const s = text(cell);
  if (s === null) return null;
  if (typeof cell === 'boolean') return Number.NaN;
  const n = Number(s.replace(/[,，]/g, ''));
  return s !== '' && Number.isFinite(n) ? n : Number.NaN;
}

/** 是/否, yes/no, true/false (any case), or an Excel boolean; null when blank; undefined when none of those. */
export function yesNo(cell: CellValue | undefined): boolean | null | undefined {
  if (typeof cell === 'boolean') return cell;
  const s = text(cell)?.toLowerCase();
  if (s === undefined) return null;
  if ([YES.zh, YES.en, 'true', 'y', '1'].includes(s)) return true;
  if ([NO.zh, NO.en, 'false', 'n', '0'].includes(s)) return false;
  return undefined;
}

export const yesNoCell = (b: boolean) => (b ? YES.zh : NO.zh);

/** A list of ids written as `a, b` (Chinese commas and 、 too); brackets around it are allowed. */
export function list(s: string): string[] {
  const inner = s.replace(/^\[|\]$/g, '').trim();
  return inner === '' ? [] : inner.split(/[,，、;；]/).map((x) => x.trim()).filter(Boolean);
}

export const listCell = (items: readonly string[]) => `[${items.join(', ')}]`;

/** Copies `value` without keys whose value is undefined (so a blank cell never leaves `"x": undefined`). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
