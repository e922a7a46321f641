import { toHundredths } from '../points';
import type { Indicator } from '../rule-set/schema';
import type { BatchCondition } from './condition-kernels';
import type { BatchColumn, Kernel } from './leaf-kernels';

/**
 * `scoreIndicator` (indicator-points.ts) over a batch, without reasons: the same arithmetic in hundredths
 * and the same order of tests, each constant converted once. Writes `pts[0…n)`; a veto scores 0 (its gate
 * decides `vetoedBy`). `gate` and `tiers` are the indicator's compiled conditions, already run.
 *
 * @example
 * pointsKernel(rateIndicator, undefined, [], { values: months, nanAbsent: true }, pts)(n); // pts[i] = 2950 for 59 months × 0.5
 */
export function pointsKernel(
  ind: Indicator,
  gate: BatchCondition | undefined,
  tiers: readonly BatchCondition[],
  column: BatchColumn,
  pts: Float64Array,
): Kernel {
  const body = bodyKernel(ind, gate !== undefined, tiers, column, pts);
  if (!gate) return body;
  const open = gate.out;
  if (ind.kind === 'veto') return (n) => pts.fill(0, 0, n);
  if (ind.kind === 'fixed') {
    const points = toHundredths(ind.points);
    return (n) => {
      for (let i = 0; i < n; i++) pts[i] = open[i] ? points : 0;
    };
  }
  return (n) => {
    body(n);
    for (let i = 0; i < n; i++) if (!open[i]) pts[i] = 0;
  };
}

function bodyKernel(ind: Indicator, gated: boolean, tiers: readonly BatchCondition[], column: BatchColumn, pts: Float64Array): Kernel {
  // `typeof value === 'number'` as in `scoreIndicator`; in a column of numbers NaN is an absent value.
  const col = column.values;
  const nanAbsent = column.nanAbsent;
  switch (ind.kind) {
    case 'fixed':
    case 'veto':
      // Both require conditions (schema); without them they score 0, as in `scoreIndicator`.
      return (n) => pts.fill(0, 0, n);
    case 'tiers': {
      const points = Float64Array.from(ind.tiers, (t) => toHundredths(t.points));
      const outs = tiers.map((t) => t.out);
      return (n) => {
        pts.fill(0, 0, n);
        // Highest tier first: fill from the lowest so the first matching tier is written last.
        for (let t = outs.length - 1; t >= 0; t--) {
          const o = outs[t]!;
          const p = points[t]!;
          for (let i = 0; i < n; i++) if (o[i]) pts[i] = p;
        }
      };
    }
    case 'rate': {
      const per = ind.per;
      const points = toHundredths(ind.points);
      const cap = toHundredths(ind.cap);
      if (per === 1) {
        // x / 1 is x exactly (IEEE 754), and dividing is the slow part of this loop.
        return (n) => {
          for (let i = 0; i < n; i++) {
            const value = col[i];
            pts[i] = typeof value === 'number' && !(nanAbsent && value !== value) ? Math.min(Math.max(0, Math.floor(value)) * points, cap) : 0;
          }
        };
      }
      return (n) => {
        for (let i = 0; i < n; i++) {
          const value = col[i];
          pts[i] = typeof value === 'number' && !(nanAbsent && value !== value) ? Math.min(Math.max(0, Math.floor(value / per)) * points, cap) : 0;
        }
      };
    }
    case 'bands': {
      const bands = ind.bands.map((b) => ({
        hasMin: b.min !== undefined,
        min: b.min ?? 0,
        hasMax: b.max !== undefined,
        max: b.max ?? 0,
        points: toHundredths(b.points),
        hasStep: b.step !== undefined,
        step: b.step === undefined ? 0 : toHundredths(b.step),
      }));
      return (n) => {
        for (let i = 0; i < n; i++) {
          const value = col[i];
          let p = 0;
          if (typeof value === 'number' && !(nanAbsent && value !== value)) {
            for (let k = 0; k < bands.length; k++) {
              const b = bands[k]!;
              if ((!b.hasMin || value >= b.min) && (!b.hasMax || value <= b.max)) {
                p = Math.max(0, b.points + (b.hasStep ? Math.round(b.step * (b.hasMin ? value - b.min : 0)) : 0));
                break;
              }
            }
          }
          pts[i] = p;
        }
      };
    }
    case 'deduction': {
      const points = toHundredths(ind.points);
      const cap = toHundredths(ind.cap);
      if (ind.fact === undefined) {
        // Once when the (already applied) gate holds; never without a gate.
        const once = Math.min((gated ? 1 : 0) * points, cap);
        return (n) => pts.fill(once, 0, n);
      }
      return (n) => {
        for (let i = 0; i < n; i++) {
          const value = col[i];
          pts[i] = typeof value === 'number' && !(nanAbsent && value !== value) ? Math.min(Math.max(0, Math.floor(value)) * points, cap) : 0;
        }
      };
    }
  }
}
