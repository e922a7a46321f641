import type { FieldError } from '../../errors';

/** Deepest nesting of arrays and objects a rule-set document may have. */
export const MAX_JSON_DEPTH = 32;
/** Most values (objects, arrays and scalars together) a rule-set document may have. */
export const MAX_JSON_NODES = 250_000;

/**
 * Walks a JSON value without recursion and reports the first place where it nests too deep, grows too
 * large or uses the key `__proto__` (which JSON.parse keeps as an own key but zod records skip silently).
 * It runs before the zod schema, whose recursion over conditions would otherwise let a hostile document
 * exhaust the stack.
 *
 * @example
 * checkJsonLimits(JSON.parse(body)); // undefined, or { path: 'indicators.0.conditions.all.0…', message }
 */
export function checkJsonLimits(
  value: unknown,
  limits: { maxDepth?: number; maxNodes?: number } = {},
): FieldError | undefined {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxNodes = limits.maxNodes ?? MAX_JSON_NODES;
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    nodes += 1;
    if (nodes > maxNodes) return { path: '', message: `has more than ${maxNodes} values` };
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth) {
      return { path: path.join('.'), message: `nests deeper than ${maxDepth} levels` };
    }
    const size = Array.isArray(current) ? current.length : Object.keys(current).length;
    if (nodes + stack.length + size > maxNodes) return { path: '', message: `has more than ${maxNodes} values` };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
    } else {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (key === '__proto__') return { path: [...path, key].join('.'), message: 'is not allowed as a key' };
        stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return undefined;
}
