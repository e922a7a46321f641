import { number, text, yesNo, type Problems } from './cells';
import { sheetName, SHEETS, type CellValue, type ColumnSpec, type Sheet, type SheetKey } from './sheets';

/** Finds a sheet by its Chinese or English name (a person may rename it to either). */
export function findSheet(sheets: readonly Sheet[], key: SheetKey): Sheet | undefined {
  const { zh, en } = SHEETS[key];
  const norm = (s: string) => s.trim().toLowerCase();
  return (
    sheets.find((s) => norm(s.name) === norm(sheetName(key))) ??
    sheets.find((s) => norm(s.name) === zh || norm(s.name) === norm(en) || norm(s.name).startsWith(zh))
  );
}

/** One data row of a sheet, read by column key; every problem names sheet, row and column. */
export class RowReader<K extends string> {
  constructor(
    readonly sheet: string,
    /** The row number as Excel shows it (1-based). */
    readonly row: number,
    private readonly cells: readonly CellValue[],
    private readonly index: ReadonlyMap<K, { spec: ColumnSpec<K>; at: number }>,
    private readonly problems: Problems,
  ) {}

  cell(key: K): CellValue {
    const c = this.index.get(key);
    return c ? (this.cells[c.at] ?? null) : null;
  }

  fail(key: K | undefined, zh: string, en: string): void {
    this.problems.add(this.sheet, this.row, key === undefined ? undefined : this.index.get(key)?.spec, zh, en);
  }

  str(key: K): string | undefined {
    return text(this.cell(key)) ?? undefined;
  }

  /** Text that must be there. */
  need(key: K): string {
    const s = this.str(key);
    if (s === undefined) this.fail(key, '不能为空', 'must not be empty');
    return s ?? '';
  }

  /** A number, or undefined when blank and optional. */
  num(key: K, required: boolean): number | undefined {
    const n = number(this.cell(key));
    if (n === null) {
      if (required) this.fail(key, '必须填写数字', 'a number is required');
      return undefined;
    }
    if (Number.isNaN(n)) {
      this.fail(key, `「${text(this.cell(key))}」不是数字`, `"${text(this.cell(key))}" is not a number`);
      return undefined;
    }
    return n;
  }

  bool(key: K, fallback: boolean): boolean {
    const b = yesNo(this.cell(key));
    if (b === undefined) {
      this.fail(key, '应填写“是”或“否”', 'must be 是/yes or 否/no');
      return fallback;
    }
    return b ?? fallback;
  }

  /** A read-only cell must still say what the workbook said. */
  unchanged(key: K, expected: CellValue | undefined, hint: { zh: string; en: string }): void {
    const now = text(this.cell(key));
    const was = text(expected ?? null);
    if (now !== was) this.fail(key, `此列只读（原为「${was ?? ''}」）；${hint.zh}`, `this column is read-only (it said "${was ?? ''}"); ${hint.en}`);
  }
}

/**
 * The data rows of a sheet with two header rows (Chinese, then English). Columns are found by their
 * header in either language, so inserting or moving columns is harmless; a missing column is a problem.
 */
export function readTable<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnSpec<K>[],
  problems: Problems,
): RowReader<K>[] {
  const [zhRow = [], enRow = []] = sheet.rows;
  const index = new Map<K, { spec: ColumnSpec<K>; at: number }>();
  for (const spec of columns) {
    const at = [zhRow, enRow].map((r) => r.findIndex((c) => text(c) === spec.title.zh || text(c) === spec.title.en)).find((i) => i >= 0);
    if (at === undefined) problems.add(sheet.name, 1, spec, '找不到此列（表头被改动或删除）', 'column not found (its header was changed or removed)');
    else index.set(spec.key, { spec, at });
  }
  const rows: RowReader<K>[] = [];
  sheet.rows.slice(2).forEach((cells, i) => {
    if (cells.every((c) => text(c) === null)) return;
    rows.push(new RowReader(sheet.name, i + 3, cells, index, problems));
  });
  return rows;
}
