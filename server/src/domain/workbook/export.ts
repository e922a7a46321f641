import { describeCondition, factCatalog, type FactCatalog } from '../diff/describe-condition';
import type { Condition } from '../rule-set/condition';
import type { Indicator, Reference, RuleSet, TestCase } from '../rule-set/schema';
import { listCell, yesNoCell } from './cells';
import {
  CASE_COLUMNS,
  GROUP_COLUMNS,
  headerRows,
  INDICATOR_COLUMNS,
  KIND_TITLES,
  ROW_KINDS,
  SCENARIO_COLUMNS,
  sheetName,
  type CellValue,
  type ColumnSpec,
  type Sheet,
} from './sheets';

type Row<C extends readonly ColumnSpec[]> = Partial<Record<C[number]['key'], CellValue | undefined>>;

/**
 * The rule set as a workbook a person can read and edit: its groups, its indicators with their tiers and
 * bands as rows, its scenarios, and its test cases as input and expected rows; ids are kept in every row
 * so that an upload changes exactly what was edited. `included` are the rule sets it includes (for the
 * names of their facts in conditions).
 *
 * @example
 * const sheets = ruleSetToSheets(districtDoc, [provincialDoc]);
 */
export function ruleSetToSheets(doc: RuleSet, included: readonly RuleSet[] = []): Sheet[] {
  const catalog = catalogOf(doc, included);
  return [
    aboutSheet(doc),
    table('groups', GROUP_COLUMNS, doc.groups.map((g) => ({ id: g.id, titleZh: g.title.zh, titleEn: g.title.en, cap: g.cap, ...ref(g.reference) }))),
    table('indicators', INDICATOR_COLUMNS, doc.indicators.flatMap((ind) => indicatorRows(ind, catalog))),
    table(
      'scenarios',
      SCENARIO_COLUMNS,
      doc.scenarios.map((s) => ({
        id: s.id,
        titleZh: s.title.zh,
        titleEn: s.title.en,
        department: s.department,
        bar: s.bar,
        places: s.places,
        counted: s.counted ? s.counted.join(', ') : null,
        childRelated: yesNoCell(s.childRelated),
        eligibility: s.eligibility ? words(s.eligibility, catalog) : null,
        ...ref(s.reference),
      })),
    ),
    table('cases', CASE_COLUMNS, doc.cases.flatMap((c) => caseRows(c, catalog, new Map(doc.scenarios.map((x) => [x.id, x.title.zh]))))),
  ];
}

/** The names conditions use: the rule set's facts and those of the rule sets it includes. */
export function catalogOf(doc: RuleSet, included: readonly RuleSet[]): FactCatalog {
  const all = [...included, doc];
  return factCatalog([...all.map((d) => d.facts), ...all.map((d) => d.derived)], {
    groups: all.flatMap((d) => d.groups),
    indicators: all.flatMap((d) => d.indicators),
  });
}

export const words = (c: Condition, catalog: FactCatalog) => describeCondition(c, catalog).zh;

const ref = (r: Reference | undefined) => ({ refDoc: r?.document ?? null, refClause: r?.clause ?? null });

function table<C extends readonly ColumnSpec[]>(key: Parameters<typeof sheetName>[0], columns: C, rows: Row<C>[]): Sheet {
  return {
    name: sheetName(key),
    headerRows: 2,
    columns: columns.map((c) => ({ width: c.width, ...(c.readOnly ? { readOnly: true } : {}) })),
    rows: [...headerRows(columns), ...rows.map((r) => columns.map((c) => r[c.key as keyof Row<C>] ?? null))],
  };
}

/** One row for the indicator, then one per tier or band, in the document's order. */
export function indicatorRows(ind: Indicator, catalog: FactCatalog): Row<typeof INDICATOR_COLUMNS>[] {
  const head: Row<typeof INDICATOR_COLUMNS> = {
    row: ROW_KINDS.indicator.zh,
    indicator: ind.id,
    kind: KIND_TITLES[ind.kind].zh,
    group: ind.group,
    titleZh: ind.title.zh,
    titleEn: ind.title.en,
    points: 'points' in ind ? ind.points : null,
    per: ind.kind === 'rate' ? ind.per : null,
    cap: 'cap' in ind ? ind.cap : null,
    fact: 'fact' in ind ? (ind.fact ?? null) : null,
    conditions: ind.conditions ? words(ind.conditions, catalog) : null,
    department: ind.department ?? null,
    ...ref(ind.reference),
  };
  if (ind.kind === 'tiers') {
    return [
      head,
      ...ind.tiers.map((t) => ({
        row: ROW_KINDS.tier.zh,
        indicator: ind.id,
        part: t.id,
        titleZh: t.title.zh,
        titleEn: t.title.en,
        points: t.points,
        conditions: words(t.conditions, catalog),
        ...ref(t.reference),
      })),
    ];
  }
  if (ind.kind === 'bands') {
    return [
      head,
      ...ind.bands.map((b, i) => ({
        row: ROW_KINDS.band.zh,
        indicator: ind.id,
        part: String(i + 1),
        min: b.min ?? null,
        max: b.max ?? null,
        points: b.points,
        step: b.step ?? null,
        ...ref(b.reference),
      })),
    ];
  }
  return [head];
}

/** A case's scope as the keys its 核对范围 rows carry: `total`, `indicator:<id>`, `group:<id>`, one `scenario:<id>` each. */
function scopeKeys(c: TestCase): string[] {
  const s = c.scope;
  if (!s) return [];
  if (s.about === 'total') return ['total'];
  if (s.about === 'indicator') return [`indicator:${s.indicator}`];
  if (s.about === 'group') return [`group:${s.group}`];
  return s.scenarios.map((id) => `scenario:${id}`);
}

/** A case as rows: its title, its date, one row per input fact, its scope when it has one, one row per expectation. */
function caseRows(c: TestCase, catalog: FactCatalog, scenarios: ReadonlyMap<string, string>): Row<typeof CASE_COLUMNS>[] {
  const rows: Row<typeof CASE_COLUMNS>[] = [
    { case: c.id, row: ROW_KINDS.title.zh, value: c.title },
    { case: c.id, row: ROW_KINDS.asOf.zh, value: c.asOf },
  ];
  for (const [fact, value] of Object.entries(c.facts)) {
    rows.push({ case: c.id, row: ROW_KINDS.input.zh, key: fact, label: catalog.get(fact)?.title.zh ?? null, value: factCell(value) });
  }
  for (const key of scopeKeys(c)) {
    const [what, id] = key.split(':');
    const label = what === 'total' ? '总积分' : what === 'scenario' ? `${scenarios.get(id ?? '') ?? id} 资格` : catalog.get(`score.${what}.${id}`)?.title.zh;
    rows.push({ case: c.id, row: ROW_KINDS.scope.zh, key, label: label ?? null, value: null });
  }
  const e = c.expect;
  const expect = (key: string, label: string | undefined, value: CellValue) => rows.push({ case: c.id, row: ROW_KINDS.expect.zh, key, label: label ?? null, value });
  if (e.total !== undefined) expect('total', '总积分', e.total);
  if (e.vetoed !== undefined) expect('vetoed', '一票否决', yesNoCell(e.vetoed));
  for (const [id, v] of Object.entries(e.groups ?? {})) expect(`group:${id}`, catalog.get(`score.group.${id}`)?.title.zh, v);
  for (const [id, v] of Object.entries(e.indicators ?? {})) expect(`indicator:${id}`, catalog.get(`score.indicator.${id}`)?.title.zh, v);
  for (const [id, v] of Object.entries(e.scenarios ?? {})) expect(`scenario:${id}`, scenarios.get(id), yesNoCell(v));
  for (const [id, v] of Object.entries(e.shortBy ?? {})) expect(`shortBy:${id}`, `${scenarios.get(id) ?? id} 差分`, v);
  return rows;
}

function factCell(value: TestCase['facts'][string]): CellValue {
  if (Array.isArray(value)) return listCell(value);
  if (typeof value === 'boolean') return yesNoCell(value);
  return value;
}

function aboutSheet(doc: RuleSet): Sheet {
  const rows: CellValue[][] = [
    ['规则集编号 Rule set id', doc.id],
    ['名称 Title', `${doc.title.zh} / ${doc.title.en}`],
    ['版本 Version', doc.version],
    ['生效日期 In force from', doc.effectiveFrom],
    ['所属 Owner', doc.owner],
    [],
    ['填写说明', '改动白色单元格后上传到草稿；灰色列只读（条件、申请条件请在编辑器中修改）。编号用于对应原有内容，请勿改动。删除一行即删除该档次、分段、场景或用例。测试用例的“核对范围”行说明该用例只核对什么（total 总积分、indicator:编号 一个指标、group:编号 一个分组、scenario:编号 场景资格，可有多行）；没有此行的用例核对它的每一项预期。'],
    ['How to edit', 'Change the white cells and upload the workbook into a draft; grey columns are read-only (edit conditions and eligibility in the editor). Ids match rows to what they were: keep them. Deleting a row deletes that tier, band, scenario or case. The 核对范围 (scope) rows of a test case say what alone it checks (total, indicator:<id>, group:<id>, or scenario:<id>, one row each); a case without them checks every expected row.'],
  ];
  return { name: sheetName('about'), rows, columns: [{ width: 24 }, { width: 100 }] };
}
