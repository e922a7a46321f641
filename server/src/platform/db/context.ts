import { randomBytes } from 'node:crypto';
import type { Client } from '@libsql/client';
import type { RuleSetRepository } from '../../domain/rule-set/repository';

/**
 * What the lifecycle's use cases need: the one database client (write transactions on it are queued, see
 * platform/db/database.ts), the rule sets read through it, and the clock.
 */
export interface LifecycleContext {
  db: Client;
  ruleSets: RuleSetRepository;
  now: () => Date;
}

/** Who is acting: a staff username, `cli`, or `system`. */
export type Actor = string;

/**
 * A short random id for URLs: lower-case letters and digits, about 60 bits.
 *
 * @example
 * randomId(); // 'k3x9m2p7q4rt'
 */
export function randomId(length = 12): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(length);
  let out = '';
  // 256 is not a multiple of 33: reject the top bytes so every character is equally likely.
  for (let i = 0; out.length < length; i++) {
    const byte = i < bytes.length ? bytes[i]! : randomBytes(1)[0]!;
    if (byte < 231) out += alphabet[byte % alphabet.length];
  }
  return out;
}
