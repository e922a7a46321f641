import canonicalize from 'canonicalize';
import type { FactCatalog } from '../diff/describe-condition';
import type { Band, Group, Indicator, Reference, RuleSet, Scenario, Tier } from '../rule-set/schema';
import { compact, list } from './cells';
import { indicatorRows, words } from './export';
import type { RowReader } from './table-reader';
import { GROUP_COLUMNS, INDICATOR_COLUMNS, KIND_TITLES, ROW_KINDS, SCENARIO_COLUMNS, type ColumnSpec } from './sheets';

/** Where each part of the document came from, so later validation errors can name the row and column. */
export type Places = Map<string, { sheet: string; row: number; columns: readonly ColumnSpec[] }>;

type Keys<C extends readonly ColumnSpec[]> = C[number]['key'];
type GroupRow = RowReader<Keys<typeof GROUP_COLUMNS>>;
type IndicatorRow = RowReader<Keys<typeof INDICATOR_COLUMNS>>;
type ScenarioRow = RowReader<Keys<typeof SCENARIO_COLUMNS>>;

const EDIT_IN_EDITOR = { zh: '请在编辑器中修改', en: 'change it in the editor' };
const ADD_IN_EDITOR = {
  zh: '新的指标、档次、分组和场景需要条件，请在编辑器中添加',
  en: 'new indicators, tiers, groups and scenarios need conditions: add them in the editor',
};

type IndicatorKey = Keys<typeof INDICATOR_COLUMNS>;
const ALWAYS: IndicatorKey[] = ['row', 'indicator', 'kind', 'refDoc', 'refClause'];
/** The columns each row uses; a value in any other column would be lost, so it is refused. */
function usedColumns(row: 'indicator' | 'tier' | 'band', ind: Indicator): Set<IndicatorKey> {
  if (row === 'tier') return new Set([...ALWAYS, 'part', 'titleZh', 'titleEn', 'points', 'conditions']);
  if (row === 'band') return new Set([...ALWAYS, 'part', 'min', 'max', 'points', 'step']);
  const own: IndicatorKey[] = ['group', 'titleZh', 'titleEn', 'fact', 'conditions', 'department'];
  if (ind.kind === 'fixed') own.push('points');
  if (ind.kind === 'rate') own.push('points', 'per', 'cap');
  if (ind.kind === 'deduction') own.push('points', 'cap');
  return new Set([...ALWAYS, ...own]);
}

function refuseUnused(r: IndicatorRow, row: 'indicator' | 'tier' | 'band', ind: Indicator): void {
  const used = usedColumns(row, ind);
  for (const spec of INDICATOR_COLUMNS) {
    if (used.has(spec.key) || r.str(spec.key) === undefined) continue;
    r.fail(spec.key, `此行（${ROW_KINDS[row].zh}，${KIND_TITLES[ind.kind].zh}）不使用此列，请清空`, `this row (${ROW_KINDS[row].en}, ${KIND_TITLES[ind.kind].en}) does not use this column: leave it empty`);
  }
}

/** Keeps the original object when nothing in it changed, so an unchanged row changes nothing. */
export const same = <T>(built: T, base: T | undefined): T => (base !== undefined && canonicalize(built) === canonicalize(base) ? base : built);

/** What reading a title or a reference needs of a row (any sheet that has those columns). */
interface Cells<K extends string> {
  str(key: K): string | undefined;
  need(key: K): string;
  fail(key: K, zh: string, en: string): void;
}

function reference(r: Cells<'refDoc' | 'refClause'>, required: boolean): Reference | undefined {
  const document = r.str('refDoc');
  const clause = r.str('refClause');
  if (document === undefined && clause === undefined && !required) return undefined;
  if (document === undefined) {
    r.fail('refDoc', '依据文件不能为空', 'the reference document must not be empty');
    return undefined;
  }
  return compact({ document, clause });
}

const title = (r: Cells<'titleZh' | 'titleEn'>) => ({ zh: r.need('titleZh'), en: r.need('titleEn') });

export function readGroups(rows: GroupRow[], base: RuleSet, places: Places): Group[] {
  const byId = new Map(base.groups.map((g) => [g.id, g]));
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    const id = r.need('id');
    const old = byId.get(id);
    if (!old || seen.has(id)) {
      r.fail('id', old ? `分组「${id}」重复` : `没有编号为「${id}」的分组；${ADD_IN_EDITOR.zh}`, old ? `group "${id}" appears twice` : `no group "${id}"; ${ADD_IN_EDITOR.en}`);
      return [];
    }
    seen.add(id);
    places.set(`groups.${seen.size - 1}`, { sheet: r.sheet, row: r.row, columns: GROUP_COLUMNS });
    const built = { ...old, title: title(r), cap: r.num('cap', true) ?? old.cap, reference: reference(r, true) ?? old.reference };
    return [same(built, old)];
  });
}

/**
 * The indicator sheet back into indicators: an indicator row, then its tier or band rows. Tiers are
 * matched by id (their conditions are kept); bands are rebuilt from their rows (a band is all numbers).
 */
export function readIndicators(rows: IndicatorRow[], base: RuleSet, catalog: FactCatalog, places: Places): Indicator[] {
  const byId = new Map(base.indicators.map((i) => [i.id, i]));
  const out: Indicator[] = [];
  const seen = new Set<string>();
  let current: { ind: Indicator; old: Indicator; tiers: Tier[]; bands: Band[] } | undefined;
  const finish = () => {
    if (!current) return;
    const { ind, old, tiers, bands } = current;
    const built = ind.kind === 'tiers' ? { ...ind, tiers } : ind.kind === 'bands' ? { ...ind, bands } : ind;
    out.push(same(built as Indicator, old));
    current = undefined;
  };
  for (const r of rows) {
    const kind = r.str('row');
    const id = r.need('indicator');
    if (kind === ROW_KINDS.indicator.zh || kind === ROW_KINDS.indicator.en) {
      finish();
      const old = byId.get(id);
      if (!old || seen.has(id)) {
        r.fail('indicator', old ? `指标「${id}」重复` : `没有编号为「${id}」的指标；${ADD_IN_EDITOR.zh}`, old ? `indicator "${id}" appears twice` : `no indicator "${id}"; ${ADD_IN_EDITOR.en}`);
        continue;
      }
      seen.add(id);
      places.set(`indicators.${out.length}`, { sheet: r.sheet, row: r.row, columns: INDICATOR_COLUMNS });
      const was = indicatorRows(old, catalog)[0]!;
      for (const key of ['kind', 'fact', 'conditions'] as const) r.unchanged(key, was[key], EDIT_IN_EDITOR);
      refuseUnused(r, 'indicator', old);
      current = { ind: indicatorFrom(r, old), old, tiers: [], bands: [] };
      continue;
    }
    if (!current || current.old.id !== id) {
      r.fail('indicator', '档次和分段行须紧跟在所属指标行之后', 'tier and band rows must follow their indicator row');
      continue;
    }
    const path = `indicators.${out.length}`;
    if ((kind === ROW_KINDS.tier.zh || kind === ROW_KINDS.tier.en) && current.old.kind === 'tiers') {
      const part = r.need('part');
      const old = current.old.tiers.find((t) => t.id === part);
      if (!old || current.tiers.some((t) => t.id === part)) {
        r.fail('part', old ? `档次「${part}」重复` : `指标「${id}」没有档次「${part}」；${ADD_IN_EDITOR.zh}`, old ? `tier "${part}" appears twice` : `indicator "${id}" has no tier "${part}"; ${ADD_IN_EDITOR.en}`);
        continue;
      }
      r.unchanged('conditions', words(old.conditions, catalog), EDIT_IN_EDITOR);
      refuseUnused(r, 'tier', current.old);
      places.set(`${path}.tiers.${current.tiers.length}`, { sheet: r.sheet, row: r.row, columns: INDICATOR_COLUMNS });
      const { reference: _r, ...rest } = old;
      const built = compact({ ...rest, title: title(r), points: r.num('points', true) ?? old.points, reference: reference(r, false) });
      current.tiers.push(same(built, old));
    } else if ((kind === ROW_KINDS.band.zh || kind === ROW_KINDS.band.en) && current.old.kind === 'bands') {
      refuseUnused(r, 'band', current.old);
      places.set(`${path}.bands.${current.bands.length}`, { sheet: r.sheet, row: r.row, columns: INDICATOR_COLUMNS });
      const old = current.old.bands[current.bands.length];
      const built = compact({ min: r.num('min', false), max: r.num('max', false), points: r.num('points', true) ?? 0, step: r.num('step', false), reference: reference(r, false) });
      current.bands.push(same(built, old));
    } else {
      r.fail('row', `行类型「${kind ?? ''}」不适用于${KIND_TITLES[current.old.kind].zh}指标`, `row kind "${kind ?? ''}" does not fit a ${KIND_TITLES[current.old.kind].en} indicator`);
    }
  }
  finish();
  return out;
}

function indicatorFrom(r: IndicatorRow, old: Indicator): Indicator {
  const common = { title: title(r), group: r.need('group'), department: r.str('department'), reference: reference(r, true) ?? old.reference };
  const { department: _d, ...rest } = old;
  const ind = compact({ ...rest, ...common }) as Indicator;
  switch (ind.kind) {
    case 'fixed':
      return { ...ind, points: r.num('points', true) ?? ind.points };
    case 'rate':
      return { ...ind, points: r.num('points', true) ?? ind.points, per: r.num('per', true) ?? ind.per, cap: r.num('cap', true) ?? ind.cap };
    case 'deduction':
      return { ...ind, points: r.num('points', true) ?? ind.points, cap: r.num('cap', true) ?? ind.cap };
    default:
      return ind;
  }
}

export function readScenarios(rows: ScenarioRow[], base: RuleSet, catalog: FactCatalog, places: Places): Scenario[] {
  const byId = new Map(base.scenarios.map((s) => [s.id, s]));
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    const id = r.need('id');
    const old = byId.get(id);
    if (!old || seen.has(id)) {
      r.fail('id', old ? `场景「${id}」重复` : `没有编号为「${id}」的场景；${ADD_IN_EDITOR.zh}`, old ? `scenario "${id}" appears twice` : `no scenario "${id}"; ${ADD_IN_EDITOR.en}`);
      return [];
    }
    seen.add(id);
    places.set(`scenarios.${seen.size - 1}`, { sheet: r.sheet, row: r.row, columns: SCENARIO_COLUMNS });
    r.unchanged('eligibility', old.eligibility ? words(old.eligibility, catalog) : null, EDIT_IN_EDITOR);
    const counted = r.str('counted');
    const { counted: _c, ...rest } = old;
    const built = compact({
      ...rest,
      title: title(r),
      department: r.need('department'),
      bar: r.num('bar', true) ?? old.bar,
      places: r.num('places', true) ?? old.places,
      counted: counted === undefined ? undefined : list(counted),
      childRelated: r.bool('childRelated', old.childRelated),
      reference: reference(r, true) ?? old.reference,
    });
    return [same(built, old)];
  });
}
