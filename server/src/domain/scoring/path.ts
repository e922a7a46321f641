/**
 * Resolves the restricted JSONPath a condition may carry (`$.a.b[0]`), for both evaluators; json-rules-engine
 * is given it as its `pathResolver` so the two agree.
 */
export function resolvePath(value: unknown, path: string): unknown {
  let current: unknown = value;
  const steps = path.slice(1).match(/\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\]/g) ?? [];
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
