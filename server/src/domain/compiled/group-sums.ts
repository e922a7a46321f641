import type { Program } from './program';

/** Group scores and totals over a batch, for the whole total or a scenario's counted indicators. */
export interface GroupSums {
  /** `sumScores` over every indicator: each group's score into `groups`, their sum into `total`. */
  all(n: number, total: Float64Array, groups: readonly Float64Array[]): void;
  /** The same sum over a scenario's counted indicators, into `into` (call after `all`). */
  counted(n: number, scenario: Program['scenarios'][number], into: Float64Array): void;
}

/** Indicators summed together: same group, same sign, counted by the same scenarios. */
interface IndicatorClass {
  readonly group: number;
  readonly deduction: boolean;
  readonly members: readonly number[];
  /** Per scenario with a counted list (in `program.scenarios` order of those): whether it counts the class. */
  readonly countedBy: readonly boolean[];
  /** The class's points for the batch (the member's own array when it has one member). */
  sum: Float64Array;
}

/**
 * `sumScores` (totals.ts) over a batch, in hundredths: group score = min(positive, cap) − deductions,
 * total = Σ groups. Indicators are first summed by class — same group, same sign, counted by the same
 * scenarios — once per batch; the total and every scenario's score then add a few class sums instead of
 * every indicator. Exact whatever the order: the points are integers.
 *
 * @example
 * const sums = groupSums(program, points, 512);
 * sums.all(n, total, groups);
 */
export function groupSums(program: Program, points: readonly Float64Array[], size: number): GroupSums {
  const { deduction, groupCaps } = program;
  const group = program.layout.indicatorGroup;
  const nGroups = groupCaps.length;
  const withCounted = program.scenarios.filter((s) => s.counted);
  const countedIndex = new Map(withCounted.map((s, k) => [s, k]));
  const counts = withCounted.map((s) => new Set(s.counted));

  const byKey = new Map<string, { group: number; deduction: boolean; members: number[]; countedBy: boolean[] }>();
  points.forEach((_, i) => {
    const g = group[i]!;
    if (g < 0) return;
    const countedBy = counts.map((set) => set.has(i));
    const key = `${g}|${deduction[i]}|${countedBy.map(Number).join('')}`;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { group: g, deduction: deduction[i] === 1, members: [], countedBy }));
    c.members.push(i);
  });
  const classes: IndicatorClass[] = [...byKey.values()].map((c) => ({
    ...c,
    sum: c.members.length === 1 ? points[c.members[0]!]! : new Float64Array(size),
  }));
  const classesOf = (wanted: (c: IndicatorClass) => boolean) =>
    Array.from(groupCaps, (_, g) => {
      const of = classes.filter((c) => c.group === g);
      // A scenario counting the whole group has the group's score, already summed by `all`.
      return { whole: of.every(wanted), positive: of.filter((c) => !c.deduction && wanted(c)), deductions: of.filter((c) => c.deduction && wanted(c)) };
    });
  const whole = classesOf(() => true);
  const perScenario = withCounted.map((_, k) => classesOf((c) => c.countedBy[k]!));
  const positive = new Float64Array(size);
  const deductions = new Float64Array(size);

  const addUp = (n: number, list: readonly IndicatorClass[], into: Float64Array) => {
    if (list.length === 0) return into.fill(0, 0, n);
    into.set(list[0]!.sum.subarray(0, n));
    for (let k = 1; k < list.length; k++) {
      const s = list[k]!.sum;
      for (let r = 0; r < n; r++) into[r]! += s[r]!;
    }
  };
  let wholeGroups: readonly Float64Array[] = [];
  const total = (n: number, byGroup: typeof whole, into: Float64Array, groups?: readonly Float64Array[]) => {
    into.fill(0, 0, n);
    for (let g = 0; g < nGroups; g++) {
      const { whole: all, positive: pos, deductions: ded } = byGroup[g]!;
      if (all && !groups) {
        const scores = wholeGroups[g]!;
        for (let r = 0; r < n; r++) into[r]! += scores[r]!;
        continue;
      }
      addUp(n, pos, positive);
      addUp(n, ded, deductions);
      const cap = groupCaps[g]!;
      const scores = groups?.[g];
      if (scores) {
        for (let r = 0; r < n; r++) {
          const score = Math.min(positive[r]!, cap) - deductions[r]!;
          scores[r] = score;
          into[r]! += score;
        }
      } else {
        for (let r = 0; r < n; r++) into[r]! += Math.min(positive[r]!, cap) - deductions[r]!;
      }
    }
  };

  return {
    all(n, into, groups) {
      for (const c of classes) {
        if (c.members.length === 1) continue;
        const sum = c.sum;
        sum.set(points[c.members[0]!]!.subarray(0, n));
        for (let k = 1; k < c.members.length; k++) {
          const p = points[c.members[k]!]!;
          for (let r = 0; r < n; r++) sum[r]! += p[r]!;
        }
      }
      wholeGroups = groups;
      total(n, whole, into, groups);
    },
    counted(n, scenario, into) {
      const k = countedIndex.get(scenario);
      if (k === undefined) throw new TypeError('GroupSums: the scenario counts every indicator');
      total(n, perScenario[k]!, into);
    },
  };
}
