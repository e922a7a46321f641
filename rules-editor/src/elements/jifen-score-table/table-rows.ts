import { describeCondition, factCatalog, type FactCatalog } from '../../../../server/src/domain/diff/describe-condition';
import type { Group, Indicator, Reference, RuleSet, Text } from '../../../../server/src/domain/rule-set/schema';
import type { Path } from '../../model/edit';

/**
 * The whole scoring table as rows: each group, then its indicators, each followed by its tiers or bands.
 * A cell says what it shows and, when it can be edited in place, which place of the document it sets.
 */

export const COLUMNS = ['title', 'kind', 'points', 'per', 'min', 'max', 'step', 'cap', 'conditions', 'department', 'reference'] as const;
export type ColumnKey = (typeof COLUMNS)[number];

export type Lang = 'zh' | 'en';

export interface CellEdit {
  path: Path;
  type: 'number' | 'text';
  /** Blank removes the value instead of being an error. */
  optional?: boolean;
  /** Numbers that must be above zero, or at least zero. */
  atLeast?: 'positive' | 'zero';
  value: number | string | undefined;
}

export interface Cell {
  text: string;
  edit?: CellEdit;
  /** Where the detailed form for this cell is (conditions, references): the indicator's index. */
  form?: number;
}

export interface TableRow {
  key: string;
  level: 'group' | 'indicator' | 'tier' | 'band';
  /** Index of the indicator in the document (own indicators only). */
  indicator?: number;
  /** From an included rule set: shown, never edited here. */
  included: boolean;
  cells: Partial<Record<ColumnKey, Cell>>;
  /** Lower-case text the search looks in. */
  haystack: string;
  group: string;
  kind?: Indicator['kind'];
}

export interface TableInput {
  doc: RuleSet;
  included: readonly RuleSet[];
  lang: Lang;
  kindTitle: (kind: Indicator['kind']) => string;
  bandTitle: (n: number) => string;
}

/** A number cell; a required number cleared in a form (`null` until filled in) reads blank, never "null". */
const num = (path: Path, value: number | null | undefined, o: Partial<CellEdit> = {}): Cell => ({
  text: value === undefined || value === null ? '' : String(value),
  edit: { path, type: 'number', value: value ?? undefined, ...o },
});

const refText = (r: Reference | undefined) => (r ? [r.document, r.clause].filter(Boolean).join(' · ') : '');

/** Builds the rows once per document and language. */
export function tableRows({ doc, included, lang, kindTitle, bandTitle }: TableInput): TableRow[] {
  const all = [...included, doc];
  const catalog = factCatalog([...all.map((d) => d.facts), ...all.map((d) => d.derived)], {
    groups: all.flatMap((d) => d.groups),
    indicators: all.flatMap((d) => d.indicators),
  });
  const t = (x: Text | undefined) => (x ? x[lang] || x.zh : '');
  const groups: { group: Group; own: boolean }[] = [
    ...included.flatMap((d) => d.groups.map((group) => ({ group, own: false }))),
    ...doc.groups.map((group) => ({ group, own: true })),
  ];
  const indicators = [
    ...included.flatMap((d) => d.indicators.map((ind) => ({ ind, index: undefined as number | undefined }))),
    ...doc.indicators.map((ind, index) => ({ ind, index: index as number | undefined })),
  ];
  const rows: TableRow[] = [];
  const seenGroups = new Set<string>();
  const byGroup = (id: string) => indicators.filter((x) => x.ind.group === id);
  const orphanGroups = [...new Set(indicators.map((x) => x.ind.group))].filter((g) => !groups.some((x) => x.group.id === g));
  for (const { group, own } of [...groups, ...orphanGroups.map((id) => ({ group: { id, title: { zh: id, en: id }, cap: 0, reference: { document: '' } }, own: false }))]) {
    if (seenGroups.has(group.id)) continue;
    seenGroups.add(group.id);
    const gi = doc.groups.indexOf(group);
    const path: Path = ['groups', gi];
    rows.push({
      key: `g:${group.id}`,
      level: 'group',
      included: !own,
      group: group.id,
      haystack: `${group.id} ${group.title.zh} ${group.title.en}`.toLowerCase(),
      cells: {
        title: own ? { text: t(group.title), edit: { path: [...path, 'title', lang], type: 'text', value: t(group.title) } } : { text: t(group.title) },
        cap: own ? num([...path, 'cap'], group.cap, { atLeast: 'zero' }) : { text: String(group.cap) },
        reference: { text: refText(group.reference) },
      },
    });
    for (const { ind, index } of byGroup(group.id)) rows.push(...indicatorRows(ind, index, { t, catalog, lang, kindTitle, bandTitle }));
  }
  return rows;
}

interface Ctx {
  t: (x: Text | undefined) => string;
  catalog: FactCatalog;
  lang: Lang;
  kindTitle: TableInput['kindTitle'];
  bandTitle: TableInput['bandTitle'];
}

function indicatorRows(ind: Indicator, index: number | undefined, c: Ctx): TableRow[] {
  const own = index !== undefined;
  const at: Path = ['indicators', index ?? -1];
  const words = (cond: Indicator['conditions']) => (cond ? describeCondition(cond, c.catalog)[c.lang] : '');
  const ro = (cell: Cell): Cell => (own ? cell : { text: cell.text });
  const form = own ? { form: index } : {};
  const head: TableRow = {
    key: `i:${ind.id}`,
    level: 'indicator',
    indicator: index,
    included: !own,
    group: ind.group,
    kind: ind.kind,
    haystack: '',
    cells: {
      title: ro({ text: c.t(ind.title), edit: { path: [...at, 'title', c.lang], type: 'text', value: c.t(ind.title) } }),
      kind: { text: c.kindTitle(ind.kind) },
      ...('points' in ind ? { points: ro(num([...at, 'points'], ind.points)) } : {}),
      ...(ind.kind === 'rate' ? { per: ro(num([...at, 'per'], ind.per, { atLeast: 'positive' })) } : {}),
      ...('cap' in ind ? { cap: ro(num([...at, 'cap'], ind.cap, { atLeast: 'positive' })) } : {}),
      conditions: { text: words(ind.conditions), ...form },
      department: ro({ text: ind.department ?? '', edit: { path: [...at, 'department'], type: 'text', optional: true, value: ind.department } }),
      reference: { text: refText(ind.reference), ...form },
    },
  };
  const rows = [head];
  if (ind.kind === 'tiers') {
    ind.tiers.forEach((tier, j) => {
      const p: Path = [...at, 'tiers', j];
      rows.push({
        key: `t:${ind.id}:${tier.id}`,
        level: 'tier',
        indicator: index,
        included: !own,
        group: ind.group,
        kind: ind.kind,
        haystack: '',
        cells: {
          title: ro({ text: c.t(tier.title), edit: { path: [...p, 'title', c.lang], type: 'text', value: c.t(tier.title) } }),
          points: ro(num([...p, 'points'], tier.points)),
          conditions: { text: words(tier.conditions), ...form },
          reference: { text: refText(tier.reference), ...form },
        },
      });
    });
  }
  if (ind.kind === 'bands') {
    ind.bands.forEach((band, j) => {
      const p: Path = [...at, 'bands', j];
      rows.push({
        key: `b:${ind.id}:${j}`,
        level: 'band',
        indicator: index,
        included: !own,
        group: ind.group,
        kind: ind.kind,
        haystack: '',
        cells: {
          title: { text: c.bandTitle(j + 1) },
          points: ro(num([...p, 'points'], band.points)),
          min: ro(num([...p, 'min'], band.min, { optional: true })),
          max: ro(num([...p, 'max'], band.max, { optional: true })),
          step: ro(num([...p, 'step'], band.step, { optional: true })),
          reference: { text: refText(band.reference), ...form },
        },
      });
    });
  }
  // An indicator is found by anything in it or its tiers; its tiers are shown with it.
  const haystack = [ind.id, ind.title.zh, ind.title.en, ind.department ?? '', ...rows.flatMap((r) => Object.values(r.cells).map((x) => x?.text ?? ''))].join(' ').toLowerCase();
  for (const r of rows) r.haystack = haystack;
  return rows;
}

/**
 * Reads what a person typed into a cell: a number (Chinese full-width digits and commas allowed) or text.
 * Answers the value to set, or an error key.
 */
export function parseCell(edit: CellEdit, typed: string): { value: unknown } | { error: 'required' | 'notNumber' | 'negative' | 'notPositive' } {
  const s = typed.trim().replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, '');
  if (s === '') return edit.optional ? { value: undefined } : { error: 'required' };
  if (edit.type === 'text') return { value: typed.trim() };
  const n = Number(s);
  if (!Number.isFinite(n)) return { error: 'notNumber' };
  if (edit.atLeast === 'positive' && n <= 0) return { error: 'notPositive' };
  if (edit.atLeast === 'zero' && n < 0) return { error: 'negative' };
  return { value: n };
}
