import type { CaseScope, FactType, RuleSet, TestCase } from '../rule-set/schema';
import { list, number, text, yesNo } from './cells';
import { same, type Places } from './import-parts';
import type { RowReader } from './table-reader';
import { CASE_COLUMNS, ROW_KINDS } from './sheets';

type CaseRow = RowReader<(typeof CASE_COLUMNS)[number]['key']>;
type FactValue = TestCase['facts'][string];

const is = (kind: string | undefined, k: keyof typeof ROW_KINDS) => kind === ROW_KINDS[k].zh || kind === ROW_KINDS[k].en;

/**
 * The test-case sheet back into cases: rows grouped by case id in the order they first appear; each case
 * has a 名称 row, a 日期 row, then 输入 rows (fact → value), 核对范围 rows when it says what it is about
 * (`total`, `indicator:<id>`, `group:<id>`, or one `scenario:<id>` per scenario) and 预期 rows (what it expects). `factTypes`
 * (the rule set's facts and those it includes) decides how an input cell is read.
 */
export function readCases(rows: CaseRow[], base: RuleSet, factTypes: ReadonlyMap<string, FactType>, places: Places): TestCase[] {
  const byId = new Map(base.cases.map((c) => [c.id, c]));
  const cases = new Map<string, { title?: string; asOf?: string; facts: Record<string, FactValue>; scope?: CaseScope; expect: TestCase['expect']; first: CaseRow }>();
  for (const r of rows) {
    const id = r.need('case');
    const kind = r.str('row');
    let c = cases.get(id);
    if (!c) cases.set(id, (c = { facts: {}, expect: {}, first: r }));
    if (is(kind, 'title')) c.title = r.need('value');
    else if (is(kind, 'asOf')) c.asOf = r.need('value');
    else if (is(kind, 'input')) {
      const fact = r.need('key');
      const value = factValue(r, factTypes.get(fact));
      if (value !== undefined) c.facts[fact] = value;
    } else if (is(kind, 'scope')) c.scope = scopeRow(r, c.scope);
    else if (is(kind, 'expect')) expectation(r, c.expect);
    else r.fail('row', `行类型应为 名称、日期、输入、核对范围 或 预期，而不是「${kind ?? ''}」`, `row kind must be 名称/title, 日期/as of, 输入/input, 核对范围/scope or 预期/expected, not "${kind ?? ''}"`);
  }
  return [...cases].map(([id, c], i) => {
    places.set(`cases.${i}`, { sheet: c.first.sheet, row: c.first.row, columns: CASE_COLUMNS });
    if (c.title === undefined) c.first.fail('row', `用例「${id}」缺少“名称”行`, `case "${id}" has no title row`);
    if (c.asOf === undefined) c.first.fail('row', `用例「${id}」缺少“日期”行`, `case "${id}" has no as-of date row`);
    const scope = c.scope ? { scope: c.scope } : {};
    return same({ id, title: c.title ?? '', asOf: c.asOf ?? '', facts: c.facts, ...scope, expect: c.expect }, byId.get(id));
  });
}

function factValue(r: CaseRow, type: FactType | undefined): FactValue | undefined {
  const cell = r.cell('value');
  const s = text(cell);
  if (s === null) {
    r.fail('value', '输入值不能为空（不需要的输入请删除整行）', 'an input needs a value (delete the row to leave the fact out)');
    return undefined;
  }
  if (type === 'integer' || type === 'number') return numeric(r);
  if (type === 'boolean') return boolean(r);
  if (type === 'enum-list' || (type === undefined && /^\[.*\]$/.test(s))) return list(s);
  if (typeof cell === 'number' && type === undefined) return cell;
  if (typeof cell === 'boolean' && type === undefined) return cell;
  return s;
}

function numeric(r: CaseRow): number | undefined {
  const n = number(r.cell('value'));
  if (n === null || Number.isNaN(n)) {
    r.fail('value', `「${text(r.cell('value')) ?? ''}」不是数字`, `"${text(r.cell('value')) ?? ''}" is not a number`);
    return undefined;
  }
  return n;
}

function boolean(r: CaseRow): boolean | undefined {
  const b = yesNo(r.cell('value'));
  if (b === null || b === undefined) {
    r.fail('value', '应填写“是”或“否”', 'must be 是/yes or 否/no');
    return undefined;
  }
  return b;
}

function expectation(r: CaseRow, expect: TestCase['expect']): void {
  const key = r.need('key');
  const [what, id] = key.includes(':') ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] : [key, ''];
  if (what === 'total') {
    const n = numeric(r);
    if (n !== undefined) expect.total = n;
  } else if (what === 'vetoed') {
    const b = boolean(r);
    if (b !== undefined) expect.vetoed = b;
  } else if ((what === 'group' || what === 'indicator') && id) {
    const n = numeric(r);
    const field = what === 'group' ? 'groups' : 'indicators';
    if (n !== undefined) expect[field] = { ...expect[field], [id]: n };
  } else if (what === 'scenario' && id) {
    const b = boolean(r);
    if (b !== undefined) expect.scenarios = { ...expect.scenarios, [id]: b };
  } else if (what === 'shortBy' && id) {
    const n = numeric(r);
    if (n !== undefined) expect.shortBy = { ...expect.shortBy, [id]: n };
  } else {
    r.fail('key', `预期项目应为 total、vetoed、group:编号、indicator:编号、scenario:编号 或 shortBy:编号，而不是「${key}」`, `an expectation is total, vetoed, group:<id>, indicator:<id>, scenario:<id> or shortBy:<id>, not "${key}"`);
  }
}

/** One 核对范围 row added to the case's scope so far: scenario rows gather, any other kind stands alone. */
function scopeRow(r: CaseRow, scope: CaseScope | undefined): CaseScope | undefined {
  const key = r.need('key');
  const at = key.indexOf(':');
  const [what, id] = at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
  let next: CaseScope | undefined;
  if (what === 'total' && !id) next = { about: 'total' };
  else if (what === 'indicator' && id) next = { about: 'indicator', indicator: id };
  else if (what === 'group' && id) next = { about: 'group', group: id };
  else if (what === 'scenario' && id) next = { about: 'eligibility', scenarios: scope?.about === 'eligibility' ? [...scope.scenarios, id] : [id] };
  else {
    r.fail('key', `核对范围应为 total、indicator:编号、group:编号 或 scenario:编号，而不是「${key}」`, `a scope is total, indicator:<id>, group:<id> or scenario:<id>, not "${key}"`);
    return scope;
  }
  if (scope && !(scope.about === 'eligibility' && next.about === 'eligibility')) {
    r.fail('key', '一个用例只能核对一项：整体总分、一个指标、一个分组，或若干场景的资格', 'a case asserts one thing: the total, one indicator, one group, or the eligibility for some scenarios');
    return scope;
  }
  return next;
}
