/**
 * The numbers in a test case's title that its new results no longer bear out: a title such as
 * "差1分未达入学积分线119分" keeps saying 119 after the total became 124. A number is stale when an
 * expectation that held it changes to another value.
 *
 * @example
 * staleNumbers('差1分未达入学积分线119分', [{ path: 'total', expected: 119, actual: 124 }]); // ['119']
 */
export function staleNumbers(title: string, changes: readonly { expected: unknown; actual: unknown }[]): string[] {
  const inTitle = new Set(title.match(/\d+(?:\.\d+)?/g) ?? []);
  const stale = new Set<string>();
  for (const c of changes) {
    if (typeof c.expected !== 'number' || c.actual === c.expected) continue;
    const text = String(c.expected);
    if (inTitle.has(text)) stale.add(text);
  }
  return [...stale];
}

/** True when an eligibility the case expected flips: a title about (not) qualifying may now be wrong. */
export function eligibilityFlips(changes: readonly { path: string; expected: unknown; actual: unknown }[]): boolean {
  return changes.some((c) => c.path.startsWith('scenarios.') && typeof c.expected === 'boolean' && c.actual !== c.expected);
}
