import { deriveFast } from './derive-fast';
import { deriveColumn } from './derived-column';
import { HELD_UNDEFINED, MISSING_FACT, type FactTable } from './fact-table';
import type { FactLayout } from '../layout';
import { present, type BatchColumn } from '../leaf-kernels';
import type { CodedSlot } from '../lookup-tables';

/** A layout's slots bound to one table: the batch columns kernels read, and how to fill them. */
export interface BoundColumns {
  /** Per slot. */
  readonly columns: readonly BatchColumn[];
  /**
   * A function that fills the `needed` slots (and those their derived facts read) with rows
   * `[start, start + n)` of the table; slots only lookup tables read need no filling.
   */
  filler(needed: ReadonlySet<number>): (start: number, n: number) => void;
  /** The slot's dictionary codes over the whole table, when it has few distinct values. */
  coded(slot: number): CodedSlot | undefined;
}

/**
 * Chooses each slot's column for a table and a date: unboxed numbers where the table's column holds only
 * numbers (and the default is a number or absent), plain values otherwise; computed scores are numbers;
 * a derived fact is computed over the whole table once and cached there, unless it reads another
 * derived fact. Input values get their defaults exactly as `prepareFacts` gives them.
 */
export function bindColumns(layout: FactLayout, table: FactTable, asOf: string, packedAsOf: number, size: number): BoundColumns {
  const columns: BatchColumn[] = Array.from({ length: layout.size }, () => ({ values: new Array<unknown>(size).fill(undefined), nanAbsent: false }));
  for (const score of layout.scores) if (score.fact.kind !== 'vetoed') columns[score.slot] = { values: new Float64Array(size), nanAbsent: false };

  // A derived fact may reuse an input's id (it then overwrites it); such slots stay plain and simple.
  const derivedIds = new Set(layout.derived.map((d) => d.id));
  const inputIds = new Set(layout.inputs.map((i) => i.id));
  const plainInputs = new Map(layout.inputs.filter((i) => !derivedIds.has(i.id)).map((i) => [i.slot, i]));
  const fills: { slot: number; reads: readonly number[]; run: (start: number, n: number) => void }[] = [];
  const coded = new Map<number, () => CodedSlot | undefined>();

  for (const input of layout.inputs) {
    const source = table.column(input.id);
    const def = input.default;
    if (!derivedIds.has(input.id)) {
      coded.set(input.slot, () => {
        const dictionary = table.dictionary(input.id);
        const valueOf = (code: number) => {
          const v = dictionary?.values[code];
          return v === MISSING_FACT ? def : v === HELD_UNDEFINED ? undefined : v;
        };
        return dictionary && { dictionary, valueOf };
      });
    }
    if (source.numeric && !derivedIds.has(input.id) && (def === undefined || (typeof def === 'number' && def === def))) {
      const out = new Float64Array(size);
      columns[input.slot] = { values: out, nanAbsent: true };
      fills.push({
        slot: input.slot,
        reads: [],
        run: (start, n) => {
          source.readNumbers(start, n, out);
          if (def !== undefined) for (let i = 0; i < n; i++) if (out[i] !== out[i]) out[i] = def;
        },
      });
    } else {
      const out = columns[input.slot]!.values as unknown[];
      fills.push({ slot: input.slot, reads: [], run: (start, n) => source.readValues(start, n, out, def) });
    }
  }

  for (const d of layout.derived) {
    const out = new Float64Array(size);
    const target: BatchColumn = { values: out, nanAbsent: true };
    const from = plainInputs.get(d.from);
    const until = plainInputs.get(d.until);
    const sharesInput = inputIds.has(d.id);
    if (!sharesInput && from && (d.derivation !== 'fullMonthsBetween' || until)) {
      const key = ['derived', d.derivation, from.id, JSON.stringify(from.default), until?.id, JSON.stringify(until?.default), asOf].join('|');
      const whole = table.derived(key, () => deriveColumn(table, d.derivation, from, until, packedAsOf));
      columns[d.slot] = target;
      fills.push({ slot: d.slot, reads: [], run: (start, n) => whole.readNumbers(start, n, out) });
      coded.set(d.slot, () => {
        const dictionary = whole.dictionary;
        return dictionary && { dictionary, valueOf: (code) => (code === 0 ? undefined : dictionary.values[code]) };
      });
      continue;
    }
    const a = columns[d.from]!;
    const b = columns[d.until]!;
    if (sharesInput) {
      coded.delete(d.slot);
      // Shares its slot with an input: stays a plain column, written after the input.
      const plain = columns[d.slot]!.values as unknown[];
      fills.push({
        slot: d.slot,
        reads: [d.from, d.until, d.slot],
        run: (_start, n) => {
          for (let i = 0; i < n; i++) plain[i] = deriveFast(d.derivation, present(a.values[i], a.nanAbsent), present(b.values[i], b.nanAbsent), packedAsOf);
        },
      });
      continue;
    }
    columns[d.slot] = target;
    coded.delete(d.slot);
    fills.push({
      slot: d.slot,
      reads: [d.from, d.until],
      run: (_start, n) => {
        for (let i = 0; i < n; i++) {
          const v = deriveFast(d.derivation, present(a.values[i], a.nanAbsent), present(b.values[i], b.nanAbsent), packedAsOf);
          out[i] = v === undefined ? NaN : v;
        }
      },
    });
  }

  return {
    columns,
    filler(needed) {
      // Last to first: a needed derived fact makes what it reads needed, and only earlier fills write that.
      const wanted = new Set(needed);
      const chosen: ((start: number, n: number) => void)[] = [];
      for (let k = fills.length - 1; k >= 0; k--) {
        const f = fills[k]!;
        if (!wanted.has(f.slot)) continue;
        chosen.unshift(f.run);
        for (const slot of f.reads) wanted.add(slot);
      }
      return (start, n) => {
        for (let k = 0; k < chosen.length; k++) chosen[k]!(start, n);
      };
    },
    coded: (slot) => coded.get(slot)?.(),
  };
}
