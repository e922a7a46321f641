import type { Condition, FactCondition } from '../rule-set/condition';
import { leafKernel, type BatchColumn } from './leaf-kernels';
import { leafPredicate } from './leaf-predicate';
import type { CodedSlot } from './lookup-tables';

/** A condition over a batch: `run(n, start)` fills `out[0…n)` with 1 where it holds for rows `[start, start + n)`. */
export interface BatchCondition {
  readonly out: Uint8Array;
  run(n: number, start: number): void;
}

/** Where a condition's leaves read a fact: the table's codes when it has a dictionary, else a batch column. */
export interface LeafSources {
  column(fact: string): BatchColumn;
  coded?(fact: string): CodedSlot | undefined;
}

/**
 * Compiles all/any/not over a batch. Every child is evaluated for every resident (no short cut is
 * needed: evaluation has no side effects), then combined row by row.
 *
 * @example
 * const gate = conditionKernel(ind.conditions, { column: (fact) => columns[layout.indicatorSlot(fact)]! }, 1024);
 * gate.run(n, start); // gate.out[i] === 1 where the gate holds for row start + i
 */
export function conditionKernel(c: Condition, sources: LeafSources, size: number): BatchCondition {
  if ('not' in c) {
    const child = conditionKernel(c.not, sources, size);
    const out = new Uint8Array(size);
    const inner = child.out;
    return {
      out,
      run: (n, start) => {
        child.run(n, start);
        for (let i = 0; i < n; i++) out[i] = inner[i]! ^ 1;
      },
    };
  }
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const children = (isAll ? c.all : c.any).map((x) => conditionKernel(x, sources, size));
    const [first] = children;
    if (children.length === 1 && first) return first;
    const out = new Uint8Array(size);
    if (!first) {
      // json-rules-engine holds an empty list true under all and any alike (the schema forbids both).
      out.fill(1);
      return { out, run: () => undefined };
    }
    const outs = children.map((x) => x.out);
    const runs = children.map((x) => x.run.bind(x));
    return {
      out,
      run: (n, start) => {
        for (let k = 0; k < runs.length; k++) runs[k]!(n, start);
        out.set(first.out.subarray(0, n));
        for (let k = 1; k < outs.length; k++) {
          const o = outs[k]!;
          if (isAll) for (let i = 0; i < n; i++) out[i]! &= o[i]!;
          else for (let i = 0; i < n; i++) out[i]! |= o[i]!;
        }
      },
    };
  }
  const out = new Uint8Array(size);
  const coded = c.path === undefined ? sources.coded?.(c.fact) : undefined;
  if (coded) return codedLeaf(c, coded, out);
  const kernel = leafKernel(c, sources.column(c.fact), out);
  return { out, run: (n) => kernel(n) };
}

/**
 * A leaf on a fact the table holds as dictionary codes: decided once per distinct value (as the explaining
 * mode's predicate decides it), then looked up by each resident's code, with no column to fill.
 */
function codedLeaf(leaf: FactCondition, slot: CodedSlot, out: Uint8Array): BatchCondition {
  const test = leafPredicate(leaf.operator, leaf.value, 0);
  const one: unknown[] = [undefined];
  const truth = Uint8Array.from(slot.dictionary.values, (_, code) => {
    one[0] = slot.valueOf(code);
    return test(one) ? 1 : 0;
  });
  const codes = slot.dictionary.codes;
  const buffer = new Int32Array(out.length);
  return {
    out,
    run: (n, start) => {
      codes.read(start, n, buffer);
      for (let i = 0; i < n; i++) out[i] = truth[buffer[i]!]!;
    },
  };
}
