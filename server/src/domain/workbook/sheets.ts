import type { Text } from '../rule-set/schema';

/**
 * The workbook a person reads and edits, as plain data: named sheets of rows of cells. The xlsx bytes
 * (xlsx.ts) and the rule-set document (export.ts, import.ts) are both mapped to and from this shape, so
 * the mapping is testable without a spreadsheet library.
 */

export type CellValue = string | number | boolean | null;

export interface Sheet {
  name: string;
  rows: CellValue[][];
  /** Column widths in characters, and which columns are read-only (shown grey). */
  columns?: { width: number; readOnly?: boolean }[];
  /** Rows at the top that are headers (kept in view when scrolling). */
  headerRows?: number;
}

export interface ColumnSpec<K extends string = string> {
  key: K;
  title: Text;
  width: number;
  /** Shown for reading; a changed value is refused with a hint to use the editor. */
  readOnly?: boolean;
}

/** The sheets of a rule-set workbook: Chinese name first, English after, in one sheet name. */
export const SHEETS = {
  about: { zh: '说明', en: 'About' },
  groups: { zh: '分组', en: 'Groups' },
  indicators: { zh: '指标', en: 'Indicators' },
  scenarios: { zh: '场景', en: 'Scenarios' },
  cases: { zh: '测试用例', en: 'Test cases' },
} as const satisfies Record<string, Text>;
export type SheetKey = keyof typeof SHEETS;

export const sheetName = (key: SheetKey) => `${SHEETS[key].zh} ${SHEETS[key].en}`;

const col = <K extends string>(key: K, zh: string, en: string, width: number, readOnly = false): ColumnSpec<K> => ({
  key,
  title: { zh, en },
  width,
  ...(readOnly ? { readOnly } : {}),
});

export const GROUP_COLUMNS = [
  col('id', '分组编号', 'Group id', 14, true),
  col('titleZh', '名称', 'Title (Chinese)', 18),
  col('titleEn', '英文名称', 'Title (English)', 22),
  col('cap', '上限', 'Cap', 8),
  col('refDoc', '依据文件', 'Reference document', 36),
  col('refClause', '条款', 'Clause', 36),
] as const;

export const INDICATOR_COLUMNS = [
  col('row', '行类型', 'Row', 8, true),
  col('indicator', '指标编号', 'Indicator id', 20, true),
  col('part', '档次编号', 'Tier id / band', 18, true),
  col('kind', '计分方式', 'Kind', 10, true),
  col('group', '分组', 'Group', 12),
  col('titleZh', '名称', 'Title (Chinese)', 24),
  col('titleEn', '英文名称', 'Title (English)', 28),
  col('points', '分值', 'Points', 8),
  col('per', '每多少单位', 'Per units', 10),
  col('min', '起点', 'From', 8),
  col('max', '止点', 'To', 8),
  col('step', '每单位增减', 'Step per unit', 10),
  col('cap', '封顶', 'Cap', 8),
  col('fact', '依据数据', 'Fact', 20, true),
  col('conditions', '条件（只读）', 'Conditions (read-only)', 48, true),
  col('department', '负责部门', 'Department', 22),
  col('refDoc', '依据文件', 'Reference document', 36),
  col('refClause', '条款', 'Clause', 36),
] as const;

export const SCENARIO_COLUMNS = [
  col('id', '场景编号', 'Scenario id', 20, true),
  col('titleZh', '名称', 'Title (Chinese)', 20),
  col('titleEn', '英文名称', 'Title (English)', 24),
  col('department', '负责部门', 'Department', 22),
  col('bar', '分数线', 'Bar', 8),
  col('places', '名额', 'Places', 8),
  col('counted', '计入指标（编号，空为全部）', 'Counted indicators (ids; empty = all)', 36),
  col('childRelated', '就高原则', 'Higher spouse counts', 10),
  col('eligibility', '申请条件（只读）', 'Eligibility (read-only)', 48, true),
  col('refDoc', '依据文件', 'Reference document', 36),
  col('refClause', '条款', 'Clause', 36),
] as const;

export const CASE_COLUMNS = [
  col('case', '用例编号', 'Case id', 22),
  col('row', '行类型', 'Row', 8),
  col('key', '项目', 'Item', 26),
  col('label', '项目名称（仅供阅读）', 'Item name (for reading)', 26, true),
  col('value', '值', 'Value', 48),
] as const;

/** Row kinds of the indicator and test-case sheets, as written and as accepted back. */
export const ROW_KINDS = {
  indicator: { zh: '指标', en: 'indicator' },
  tier: { zh: '档次', en: 'tier' },
  band: { zh: '分段', en: 'band' },
  title: { zh: '名称', en: 'title' },
  asOf: { zh: '日期', en: 'as of' },
  input: { zh: '输入', en: 'input' },
  scope: { zh: '核对范围', en: 'scope' },
  expect: { zh: '预期', en: 'expected' },
} as const satisfies Record<string, Text>;
export type RowKind = keyof typeof ROW_KINDS;

/** The two header rows: Chinese first, English second. */
export function headerRows(columns: readonly ColumnSpec[]): CellValue[][] {
  return [columns.map((c) => c.title.zh), columns.map((c) => c.title.en)];
}

export const YES = { zh: '是', en: 'yes' } as const;
export const NO = { zh: '否', en: 'no' } as const;

/** Indicator kinds as staff call them. */
export const KIND_TITLES = {
  fixed: { zh: '固定分', en: 'fixed' },
  tiers: { zh: '分档', en: 'tiers' },
  rate: { zh: '按量计分', en: 'rate' },
  bands: { zh: '分段', en: 'bands' },
  deduction: { zh: '扣分', en: 'deduction' },
  veto: { zh: '一票否决', en: 'veto' },
} as const satisfies Record<string, Text>;
