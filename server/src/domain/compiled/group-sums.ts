import type { Program } from './program';

/** Group scores and totals over a batch, for the whole total or a scenario's counted indicators. */
export interface GroupSums {
  /** `sumScores` over every indicator: each group's score into `groups`, their sum into `total`. */
  all(n: number, total: Float64Array, groups: readonly Float64Array[]): void;
  /** The same sum over a scenario's counted indicators, into `into` (call after `all`). */
  counted(n: number, scenario: Program['scenarios'][number], into: Float64Array): void;
}

/**
 * `sumScores` (totals.ts) over a batch, in hundredths: group score = min(positive, cap) − deductions,
 * total = Σ groups. A scenario counting most indicators is summed as the whole less what it leaves out
 * (exact: the points are integers), so every scenario costs the shorter of the two lists.
 *
 * @example
 * const sums = groupSums(program, points, 512);
 * sums.all(n, total, groups);
 */
export function groupSums(program: Program, points: readonly Float64Array[], size: number): GroupSums {
  const { deduction, groupCaps } = program;
  const group = program.layout.indicatorGroup;
  const nGroups = groupCaps.length;
  const perGroup = () => Array.from(groupCaps, () => new Float64Array(size));
  const wholePositive = perGroup();
  const wholeDeductions = perGroup();
  const positive = perGroup();
  const deductions = perGroup();

  const add = (n: number, indices: ArrayLike<number>, sign: 1 | -1, pos: Float64Array[], ded: Float64Array[]) => {
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      const g = group[i]!;
      if (g < 0) continue;
      const target = deduction[i] ? ded[g]! : pos[g]!;
      const pts = points[i]!;
      if (sign > 0) for (let r = 0; r < n; r++) target[r]! += pts[r]!;
      else for (let r = 0; r < n; r++) target[r]! -= pts[r]!;
    }
  };
  const total = (n: number, pos: Float64Array[], ded: Float64Array[], into: Float64Array, groups?: readonly Float64Array[]) => {
    into.fill(0, 0, n);
    for (let g = 0; g < nGroups; g++) {
      const p = pos[g]!;
      const d = ded[g]!;
      const cap = groupCaps[g]!;
      const scores = groups?.[g];
      for (let r = 0; r < n; r++) {
        const score = Math.min(p[r]!, cap) - d[r]!;
        if (scores) scores[r] = score;
        into[r]! += score;
      }
    }
  };
  const everyIndicator = Int32Array.from(points, (_, i) => i);

  return {
    all(n, into, groups) {
      for (let g = 0; g < nGroups; g++) {
        wholePositive[g]!.fill(0, 0, n);
        wholeDeductions[g]!.fill(0, 0, n);
      }
      add(n, everyIndicator, 1, wholePositive, wholeDeductions);
      total(n, wholePositive, wholeDeductions, into, groups);
    },
    counted(n, scenario, into) {
      const { counted, excluded } = scenario;
      if (!counted || !excluded) throw new TypeError('GroupSums: the scenario counts every indicator');
      for (let g = 0; g < nGroups; g++) {
        if (excluded.length < counted.length) {
          positive[g]!.set(wholePositive[g]!.subarray(0, n));
          deductions[g]!.set(wholeDeductions[g]!.subarray(0, n));
        } else {
          positive[g]!.fill(0, 0, n);
          deductions[g]!.fill(0, 0, n);
        }
      }
      if (excluded.length < counted.length) add(n, excluded, -1, positive, deductions);
      else add(n, counted, 1, positive, deductions);
      total(n, positive, deductions, into);
    },
  };
}
