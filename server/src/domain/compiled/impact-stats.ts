import { fromHundredths } from '../points';

/** A resident whose total moves most. Points, not hundredths. */
export interface Mover {
  id: string;
  before: number;
  after: number;
  change: number;
}

/**
 * Keeps the `limit` largest changes seen (or the most negative, with `sign` −1), ties by id, without
 * sorting the population: most residents are rejected by one comparison.
 */
export function topMovers(limit: number, sign: 1 | -1) {
  const kept: { id: string; before: number; after: number; change: number }[] = [];
  const better = (change: number, id: string, than: { change: number; id: string }) =>
    change * sign > than.change * sign || (change === than.change && id < than.id);
  return {
    offer(id: string, before: number, after: number): void {
      const change = after - before;
      if (change * sign <= 0 || limit === 0) return;
      const worst = kept[kept.length - 1];
      if (kept.length === limit && worst && !better(change, id, worst)) return;
      let at = kept.length;
      while (at > 0 && better(change, id, kept[at - 1]!)) at--;
      kept.splice(at, 0, { id, before, after, change });
      if (kept.length > limit) kept.pop();
    },
    result(): Mover[] {
      return kept.map((m) => ({ id: m.id, before: fromHundredths(m.before), after: fromHundredths(m.after), change: fromHundredths(m.change) }));
    },
  };
}

/** One bar of the distribution of changes: residents whose total changed by at least `from` and less than `to`. */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

const NICE = [1, 2, 5];

/**
 * Bins exact changes (in hundredths, with their counts) into at most `maxBins` bars of a round width
 * (0.01, 0.02, 0.05, 0.1 … points), edges on multiples of the width. Unchanged residents are left out.
 *
 * @example
 * histogram(new Map([[250, 3], [-100, 1]]), 20); // [{ from: -1, to: -0.5, count: 1 }, …, { from: 2.5, to: 3, count: 3 }]
 */
export function histogram(changes: ReadonlyMap<number, number>, maxBins = 20): Bin[] {
  const deltas = [...changes.keys()].filter((d) => d !== 0);
  if (deltas.length === 0) return [];
  const min = Math.min(...deltas);
  const max = Math.max(...deltas);
  let width = 1;
  for (let scale = 1; ; scale *= 10) {
    const fit = NICE.map((n) => n * scale).find((w) => Math.floor(max / w) - Math.floor(min / w) + 1 <= maxBins);
    if (fit !== undefined) {
      width = fit;
      break;
    }
  }
  const first = Math.floor(min / width);
  const counts = new Array<number>(Math.floor(max / width) - first + 1).fill(0);
  for (const [delta, count] of changes) if (delta !== 0) counts[Math.floor(delta / width) - first]! += count;
  return counts.map((count, i) => ({ from: fromHundredths((first + i) * width), to: fromHundredths((first + i + 1) * width), count }));
}
