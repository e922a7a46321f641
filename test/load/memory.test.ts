import { describe, expect, it } from 'vitest';
import { memoryVerdict, rssMb } from './memory';

/** Readings every 10 s. */
const readings = (mbs: number[]) => mbs.map((mb, i) => ({ t: i * 10, mb }));
/** A garbage-collected heap: saw-tooth around `level` MB. */
const sawTooth = (n: number, level: (i: number) => number) => Array.from({ length: n }, (_, i) => level(i) + [0, 25, 45, 10][i % 4]!);

describe('memoryVerdict', () => {
  it('calls a saw-tooth that settles after the warm-up flat, whatever it did before and however jumpy', () => {
    const verdict = memoryVerdict(readings([160, 190, 230, 260, 210, ...sawTooth(24, () => 200)]), 60);
    expect(verdict).toMatchObject({ flat: true, peakMb: 245 });
    expect(Math.abs(verdict.growth)).toBeLessThan(0.1);
  });

  it('refuses a climb hidden under the saw-tooth', () => {
    // +1.5 MB every 10 s (9 MB/min): the saw-tooth's swing is twice what it gains in a minute.
    const verdict = memoryVerdict(readings([160, 190, 230, 260, 210, 220, ...sawTooth(24, (i) => 170 + i * 1.5)]), 60);
    expect(verdict.flat).toBe(false);
    expect(verdict.growth).toBeGreaterThan(0.1);
    expect(verdict.slopeMbPerMin).toBeGreaterThan(5);
  });

  it('refuses a jump that stays', () => {
    expect(memoryVerdict(readings([100, 100, 100, ...sawTooth(6, () => 200), ...sawTooth(6, () => 260)]), 30).flat).toBe(false);
  });

  it('needs enough samples after the warm-up', () => {
    expect(() => memoryVerdict(readings([100, 100, 100, 100, 100, 100, 100, 100]), 20)).toThrow(/need 8 samples after the 20 s warm-up, got 6/);
  });

  it("reads this process's RSS from /proc", () => {
    const mb = rssMb(process.pid);
    expect(mb).toBeGreaterThan(10);
    expect(mb).toBeLessThan(process.memoryUsage().rss / 1024 / 1024 + 50);
  });
});
