import type { Derivation } from '../../rule-set/schema';
import type { FactValue } from '../../scoring/types';
import { deriveFast } from './derive-fast';
import { codedColumn, ColumnBuilder, HELD_UNDEFINED, MISSING_FACT, type TableColumn } from './fact-column';
import type { FactTable } from './fact-table';
import { MappedCodes } from './packed-codes';

/** An input fact a derived fact reads, with the default `prepareFacts` gives it. */
export interface DerivedInput {
  readonly id: string;
  readonly default: FactValue | undefined;
}

/**
 * A derived fact over a whole table at a packed date, as `prepareFacts` derives it for each resident
 * (absent where it derives nothing). A fact derived from one dictionary-coded fact is computed once per
 * distinct value and shares that fact's codes through a map, so it costs no memory per resident; one
 * derived from two facts is computed row by row.
 *
 * @example
 * const age = deriveColumn(table, 'fullYearsSince', { id: 'birthDate', default: undefined }, undefined, packDate('2026-06-30'));
 */
export function deriveColumn(
  table: FactTable,
  derivation: Derivation,
  from: DerivedInput,
  until: DerivedInput | undefined,
  packedAsOf: number,
): TableColumn {
  const a = table.column(from.id);
  const dictionary = a.dictionary;
  if (dictionary && !until) {
    const values: unknown[] = [MISSING_FACT];
    const index = new Map<number, number>();
    const map = Int32Array.from(dictionary.values, (v, code) => {
      const derived = deriveFast(derivation, code === 0 ? from.default : v === HELD_UNDEFINED ? undefined : v, undefined, packedAsOf);
      if (derived === undefined) return 0;
      let to = index.get(derived);
      if (to === undefined) index.set(derived, (to = values.push(derived) - 1));
      return to;
    });
    return codedColumn(new MappedCodes(dictionary.codes, map), values);
  }
  const b = until ? table.column(until.id) : undefined;
  const builder = new ColumnBuilder();
  const valueAt = (column: TableColumn, row: number, def: FactValue | undefined) => {
    const v = column.at(row);
    return v === MISSING_FACT ? def : v;
  };
  for (let r = 0; r < table.length; r++) {
    const derived = deriveFast(derivation, valueAt(a, r, from.default), b && until ? valueAt(b, r, until.default) : undefined, packedAsOf);
    if (derived !== undefined) builder.add(r, derived);
  }
  return builder.finish(table.length);
}
