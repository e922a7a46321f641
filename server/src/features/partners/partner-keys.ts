import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A partner key as shown once to the admin who issues it: `jfk_<id>_<secret>`. */
export interface IssuedKey {
  /** Public: names the key in lists and audit entries. */
  id: string;
  /** The whole key, to hand to the partner; never stored. */
  text: string;
  /** SHA-256 of the secret part: what is stored. */
  secretHash: string;
}

const KEY_FORMAT = /^jfk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * A new partner key: a 48-bit public id and a 256-bit secret from the system's secure random source.
 * The secret has full entropy, so a plain SHA-256 is enough to store it (no slow KDF is needed).
 *
 * @example
 * const { id, text, secretHash } = newPartnerKey(); // text: 'jfk_3f9a1c2b7d4e_…'
 */
export function newPartnerKey(): IssuedKey {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, text: `jfk_${id}_${secret}`, secretHash: hashSecret(secret) };
}

/** The id and secret of a key as sent by a widget, or undefined when it is not shaped like one. */
export function parsePartnerKey(text: string): { id: string; secret: string } | undefined {
  const match = KEY_FORMAT.exec(text.trim());
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

/** Whether the secret matches the stored hash, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new random id with a prefix, e.g. `ptn-3f9a1c2b`. */
export function randomId(prefix: string, bytes = 4): string {
  return `${prefix}-${randomBytes(bytes).toString('hex')}`;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
