import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Shares one read among the callers that ask for the same key (which names what is read) during the same
 * turn of the event loop. The read starts after all of them asked (at the end of the turn), so each caller
 * still sees every write committed before it asked: sharing saves database round trips, never freshness.
 * A caller that asks once the read has started waits for the next one.
 *
 * @example
 * const shared = sharedReads<number | undefined>();
 * const inForce = (id: string, asOf: string) => shared(`${id} ${asOf}`, () => repo.findVersionNumberInForce(id, asOf));
 * const [a, b] = await Promise.all([inForce('tiny', '2026-06-30'), inForce('tiny', '2026-06-30')]); // one query
 */
export function sharedReads<V>(): (key: string, read: () => Promise<V>) => Promise<V> {
  const waiting = new Map<string, Promise<V>>();
  return (key, read) => {
    const known = waiting.get(key);
    if (known) return known;
    const pending = nextTurn().then(() => {
      waiting.delete(key);
      return read();
    });
    waiting.set(key, pending);
    return pending;
  };
}
