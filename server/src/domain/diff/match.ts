/** Items of two id-keyed lists, paired by id (never by position). */
export interface Matched<T> {
  removed: { item: T; index: number }[];
  added: { item: T; index: number }[];
  kept: { before: T; after: T; beforeIndex: number; afterIndex: number }[];
  /** True when the items in both lists are not in the same relative order. */
  reordered: boolean;
}

/**
 * Pairs two lists by a key (`id` by default).
 *
 * @example
 * matchBy([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]); // removed a, kept b, added c
 */
export function matchBy<T>(before: readonly T[], after: readonly T[], key: (item: T) => string = (item) => (item as { id: string }).id): Matched<T> {
  const afterIndex = new Map(after.map((item, index) => [key(item), index]));
  const beforeKeys = new Set(before.map(key));
  const result: Matched<T> = { removed: [], added: [], kept: [], reordered: false };
  before.forEach((item, index) => {
    const at = afterIndex.get(key(item));
    if (at === undefined) result.removed.push({ item, index });
    else result.kept.push({ before: item, after: after[at]!, beforeIndex: index, afterIndex: at });
  });
  after.forEach((item, index) => {
    if (!beforeKeys.has(key(item))) result.added.push({ item, index });
  });
  result.reordered = result.kept.some((k, i) => i > 0 && k.afterIndex < result.kept[i - 1]!.afterIndex);
  return result;
}
