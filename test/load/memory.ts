import { readFileSync } from 'node:fs';

/** One reading of a process's resident set size. */
export interface RssSample {
  /** Seconds since the load started (0: just before it). */
  t: number;
  mb: number;
}

/**
 * The resident set size of a process in MB, from `/proc/<pid>/status` (VmRSS), as `top` shows it.
 *
 * @example
 * rssMb(server.process.pid!); // 142.3
 */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`rssMb: no VmRSS in /proc/${pid}/status`);
  return Math.round((Number(kb) / 1024) * 10) / 10;
}

/**
 * What "flat" means, in numbers. A Node server's RSS saws up and down by tens of MB between garbage
 * collections, so single readings are compared through medians: the median of the last quarter of the
 * samples taken after the warm-up may be at most `maxGrowth` above the median of the first quarter. At the
 * soak's default rate, a leak of about 300 bytes per request fails it within five minutes.
 */
export const FLAT = { maxGrowth: 0.1 };

export interface MemoryVerdict {
  flat: boolean;
  /** Median RSS of the first and of the last quarter of the samples after the warm-up. */
  baselineMb: number;
  endMb: number;
  growth: number;
  /** Least-squares trend of all samples after the warm-up (MB per minute), for information: GC noise makes it jumpy. */
  slopeMbPerMin: number;
  /** The highest reading after the warm-up. */
  peakMb: number;
}

/**
 * Judges whether memory stayed flat under a steady load (see `FLAT`). Needs at least 8 samples after
 * `warmupSeconds` (caches filled, JIT done) so that each quarter has two.
 *
 * @example
 * memoryVerdict(samples, 60).flat; // true when the last quarter's median is within 10% of the first's
 */
export function memoryVerdict(samples: readonly RssSample[], warmupSeconds: number): MemoryVerdict {
  const after = samples.filter((s) => s.t >= warmupSeconds);
  if (after.length < 8) throw new Error(`memoryVerdict: need 8 samples after the ${warmupSeconds} s warm-up, got ${after.length}`);
  const quarter = Math.floor(after.length / 4);
  const baselineMb = median(after.slice(0, quarter).map((s) => s.mb));
  const endMb = median(after.slice(-quarter).map((s) => s.mb));
  const growth = (endMb - baselineMb) / baselineMb;
  return {
    flat: growth <= FLAT.maxGrowth,
    baselineMb,
    endMb,
    growth: Math.round(growth * 1000) / 1000,
    slopeMbPerMin: Math.round(slope(after) * 60 * 100) / 100,
    peakMb: Math.max(...after.map((s) => s.mb)),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
}

/** Least-squares slope of mb over t (MB per second). */
function slope(samples: readonly RssSample[]): number {
  const n = samples.length;
  const mt = samples.reduce((s, x) => s + x.t, 0) / n;
  const mm = samples.reduce((s, x) => s + x.mb, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.t - mt) * (s.mb - mm);
    den += (s.t - mt) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
