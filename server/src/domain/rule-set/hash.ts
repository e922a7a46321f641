import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * SHA-256 (hex) of a JSON value's canonical form (RFC 8785): key order and number spelling never change
 * the hash, so the same rule set always has the same content hash wherever it is stored.
 *
 * @example
 * contentHash({ b: 1, a: 2 }) === contentHash({ a: 2, b: 1 }); // true
 */
export function contentHash(value: unknown): string {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new TypeError('Hash: value has no JSON form');
  return createHash('sha256').update(canonical).digest('hex');
}
