import { describe, expect, it } from 'vitest';
import { sharedReads } from './shared-reads';

describe('sharedReads', () => {
  it('reads once for the callers of one turn, and again for a caller after the read started', async () => {
    let stored = 1;
    let reads = 0;
    const shared = sharedReads<number>();
    const read = () => shared('k', async () => (reads++, stored));
    const first = await Promise.all([read(), read(), read()]);
    expect(first).toEqual([1, 1, 1]);
    expect(reads).toBe(1);
    // Written after that read: the next caller must see it, never the shared old value.
    stored = 2;
    expect(await read()).toBe(2);
    expect(reads).toBe(2);
  });

  it('never answers a caller from a read that started before it asked', async () => {
    let stored = 'old';
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const shared = sharedReads<string>();
    // A slow read (a remote database): it takes its value once started.
    const slow = async () => {
      const value = stored;
      await gate;
      return value;
    };
    const early = shared('k', slow);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    stored = 'new';
    const late = shared('k', slow);
    release();
    expect(await early).toBe('old');
    expect(await late).toBe('new');
  });

  it('keeps keys apart and lets a failed read fail only its own callers', async () => {
    const shared = sharedReads<string>();
    const [a, b] = await Promise.all([shared('a', async () => 'A'), shared('b', async () => 'B')]);
    expect([a, b]).toEqual(['A', 'B']);
    await expect(shared('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await shared('a', async () => 'again')).toBe('again');
  });
});
