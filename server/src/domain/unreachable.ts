/**
 * Closes a switch over a union, so that the compiler names every switch a new member (a new indicator
 * kind, say) has not been handled in; at run time it reports the value that slipped through.
 *
 * @example
 * switch (ind.kind) { case 'fixed': …; case 'veto': …; default: return unreachable(ind); }
 */
export function unreachable(value: never, owner = 'Jifen'): never {
  throw new Error(`${owner}: unhandled ${JSON.stringify(value)?.slice(0, 200)}`);
}
