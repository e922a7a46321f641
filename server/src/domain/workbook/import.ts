import { JifenError, type FieldError } from '../errors';
import type { FactType, RuleSet } from '../rule-set/schema';
import { Problems, text } from './cells';
import { catalogOf } from './export';
import { readCases } from './import-cases';
import { readGroups, readIndicators, readScenarios, type Places } from './import-parts';
import { findSheet, readTable } from './table-reader';
import { CASE_COLUMNS, GROUP_COLUMNS, INDICATOR_COLUMNS, SCENARIO_COLUMNS, sheetName, type Sheet, type SheetKey } from './sheets';

export interface WorkbookImport {
  document: RuleSet;
  /** Where each group, indicator, tier, band, scenario and case came from (path prefix → sheet and row). */
  places: Places;
}

/**
 * A workbook back into a rule-set document, on top of `base` (the draft as it is): what the sheets show
 * replaces what `base` has; what they do not show (conditions, eligibility, tie-breakers, ledgers, facts,
 * descriptions…) is kept from `base`. The result is not validated here: it goes through the same save as
 * any edit. Unreadable cells throw `validation_failed`, each naming sheet, row and column.
 *
 * @example
 * const { document } = sheetsToRuleSet(sheets, draft.document, [provincialDoc]);
 */
export function sheetsToRuleSet(sheets: readonly Sheet[], base: RuleSet, included: readonly RuleSet[] = []): WorkbookImport {
  const problems = new Problems();
  const places: Places = new Map();
  const sheet = (key: SheetKey) => {
    const found = findSheet(sheets, key);
    if (!found) problems.add(sheetName(key), undefined, undefined, '缺少此工作表', 'this sheet is missing');
    return found;
  };
  const about = findSheet(sheets, 'about');
  const id = about ? text(about.rows[0]?.[1] ?? null) : null;
  if (about && id !== base.id) {
    problems.add(about.name, 1, undefined, `此工作簿属于规则集「${id ?? ''}」，不是「${base.id}」`, `this workbook is for rule set "${id ?? ''}", not "${base.id}"`);
  }
  const catalog = catalogOf(base, included);
  const factTypes = new Map<string, FactType>([...included, base].flatMap((d) => d.facts.map((f) => [f.id, f.type] as const)));
  const [g, i, s, c] = [sheet('groups'), sheet('indicators'), sheet('scenarios'), sheet('cases')];
  const document: RuleSet = {
    ...base,
    groups: g ? readGroups(readTable(g, GROUP_COLUMNS, problems), base, places) : base.groups,
    indicators: i ? readIndicators(readTable(i, INDICATOR_COLUMNS, problems), base, catalog, places) : base.indicators,
    scenarios: s ? readScenarios(readTable(s, SCENARIO_COLUMNS, problems), base, catalog, places) : base.scenarios,
    cases: c ? readCases(readTable(c, CASE_COLUMNS, problems), base, factTypes, places) : base.cases,
  };
  if (problems.list.length > 0) {
    const n = problems.list.length;
    throw new JifenError('validation_failed', { en: `Workbook: ${n} cell(s) could not be read; nothing was imported`, zh: `工作簿中有 ${n} 处无法读取，未导入任何内容` }, problems.list);
  }
  return { document, places };
}

/** Fields of the document under a row, by the column that shows them. */
const FIELD_COLUMNS: Record<string, string> = { 'title.zh': 'titleZh', 'title.en': 'titleEn', 'reference.document': 'refDoc', 'reference.clause': 'refClause', title: 'value', asOf: 'value', facts: 'value', expect: 'value' };

/**
 * Names the workbook sheet, row and (where one shows the field) column of each error the rule-set
 * validation found in an imported document (`groups.0.cap` → 工作表「分组 Groups」第 3 行「上限」列).
 */
export function locateErrors(errors: readonly FieldError[], places: Places): FieldError[] {
  return errors.map((e) => {
    const parts = e.path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const at = places.get(parts.slice(0, n).join('.'));
      if (!at) continue;
      const rest = parts.slice(n);
      const key = FIELD_COLUMNS[rest.slice(0, 2).join('.')] ?? FIELD_COLUMNS[rest[0] ?? ''] ?? rest[0];
      const column = at.columns.find((c) => c.key === key);
      const zh = `工作表「${at.sheet}」第 ${at.row} 行${column ? `「${column.title.zh}」列` : ''}`;
      const en = `sheet "${at.sheet}", row ${at.row}${column ? `, column "${column.title.en}"` : ''}`;
      return { path: e.path, message: `${zh} (${en})：${e.message}` };
    }
    return e;
  });
}
