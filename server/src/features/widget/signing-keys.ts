import type { Client } from '@libsql/client';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { JifenError } from '../../domain/errors';
import { inTransaction } from '../../platform/db/database';

/** The algorithm of Jifen's statements and widget tokens: ECDSA on P-256 with SHA-256. */
export const SIGNING_ALG = 'ES256';

/** The key that signs, with every public key a verifier may meet (older keys stay published). */
export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** Public keys by kid, the signing key's included. */
  publicKeys: Map<string, CryptoKey>;
  /** What `/.well-known/jwks.json` publishes. */
  jwks: { keys: JWK[] };
}

/**
 * Loads the signing key: the private JWK in `fromEnv` (`JIFEN_SIGNING_KEY`) when given, else the newest
 * key stored in the database, else a new ES256 key generated and stored. Several servers starting on one
 * database agree on one key: the insert runs in a write transaction that first looks for one.
 * The key id is the JWK thumbprint (RFC 7638).
 *
 * @example
 * const keys = await loadSigningKeys(client, process.env.JIFEN_SIGNING_KEY);
 */
export async function loadSigningKeys(client: Client, fromEnv?: string, now: () => Date = () => new Date()): Promise<SigningKeys> {
  const stored = await inTransaction(client, async (tx) => {
    const rows = (await tx.execute('SELECT kid, public_jwk, private_jwk FROM signing_keys ORDER BY created_at DESC, kid')).rows;
    if (rows.length > 0 || fromEnv) return rows;
    const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(privateJwk);
    const publicJwk = publicPart({ ...privateJwk, kid });
    await tx.execute({
      sql: 'INSERT INTO signing_keys (kid, alg, public_jwk, private_jwk, created_at) VALUES (?, ?, ?, ?, ?)',
      args: [kid, SIGNING_ALG, JSON.stringify(publicJwk), JSON.stringify({ ...privateJwk, kid }), now().toISOString()],
    });
    return (await tx.execute('SELECT kid, public_jwk, private_jwk FROM signing_keys')).rows;
  });

  const published: JWK[] = [];
  let signing: { kid: string; jwk: JWK } | undefined;
  if (fromEnv) {
    const jwk = parseEnvKey(fromEnv);
    const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk));
    signing = { kid, jwk: { ...jwk, kid } };
    published.push(publicPart({ ...jwk, kid }));
  }
  for (const row of stored) {
    const kid = String(row.kid);
    if (published.some((k) => k.kid === kid)) continue;
    published.push(JSON.parse(String(row.public_jwk)) as JWK);
    signing ??= { kid, jwk: JSON.parse(String(row.private_jwk)) as JWK };
  }
  if (!signing) throw new Error('Jifen: no signing key');

  const publicKeys = new Map<string, CryptoKey>();
  for (const jwk of published) publicKeys.set(String(jwk.kid), await asKey(jwk));
  return { kid: signing.kid, privateKey: await asKey(signing.jwk), publicKeys, jwks: { keys: published } };
}

function publicPart(jwk: JWK): JWK {
  const { kty, crv, x, y, kid } = jwk;
  return { kty, crv, x, y, kid, alg: SIGNING_ALG, use: 'sig' };
}

async function asKey(jwk: JWK): Promise<CryptoKey> {
  const key = await importJWK({ ...jwk, alg: SIGNING_ALG }, SIGNING_ALG);
  if (key instanceof Uint8Array) throw new Error('Jifen: the signing key must be an EC key');
  return key;
}

function parseEnvKey(text: string): JWK {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    jwk = undefined;
  }
  if (
    jwk === null ||
    typeof jwk !== 'object' ||
    !('kty' in jwk) ||
    jwk.kty !== 'EC' ||
    !('crv' in jwk) ||
    jwk.crv !== 'P-256' ||
    !('d' in jwk)
  ) {
    throw new JifenError('validation_failed', 'Jifen: JIFEN_SIGNING_KEY must be a private EC P-256 JWK (JSON with kty, crv, x, y and d)');
  }
  return jwk as JWK;
}
