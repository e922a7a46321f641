import type { Condition } from '../rule-set/condition';
import { leafKernel, type BatchColumn, type Kernel } from './leaf-kernels';

/** A condition over a batch: `run(n)` fills `out[0…n)` with 1 where it holds. */
export interface BatchCondition {
  readonly out: Uint8Array;
  readonly run: Kernel;
}

/**
 * Compiles all/any/not over a batch. Every child is evaluated for every resident (no short cut is
 * needed: evaluation has no side effects), then combined row by row.
 *
 * @example
 * const gate = conditionKernel(ind.conditions, (fact) => columns[layout.indicatorSlot(fact)]!, 1024);
 * gate.run(n); // gate.out[i] === 1 where the gate holds
 */
export function conditionKernel(c: Condition, columnOf: (fact: string) => BatchColumn, size: number): BatchCondition {
  if ('not' in c) {
    const child = conditionKernel(c.not, columnOf, size);
    const out = new Uint8Array(size);
    const inner = child.out;
    return {
      out,
      run: (n) => {
        child.run(n);
        for (let i = 0; i < n; i++) out[i] = inner[i]! ^ 1;
      },
    };
  }
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const children = (isAll ? c.all : c.any).map((x) => conditionKernel(x, columnOf, size));
    const [first] = children;
    if (children.length === 1 && first) return first;
    const out = new Uint8Array(size);
    if (!first) {
      // json-rules-engine holds an empty list true under all and any alike (the schema forbids both).
      out.fill(1);
      return { out, run: () => undefined };
    }
    const outs = children.map((x) => x.out);
    const runs = children.map((x) => x.run);
    return {
      out,
      run: (n) => {
        for (let k = 0; k < runs.length; k++) runs[k]!(n);
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
  return { out, run: leafKernel(c, columnOf(c.fact), out) };
}
