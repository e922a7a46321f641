import type { Client } from '@libsql/client';
import type { Context } from 'hono';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { JifenError } from '../../domain/errors';
import type { SqlExecutor } from '../../platform/db/database';
import { credentialInForce } from './credential-status';
import { findCredential, isServiceToken, type ServiceCredential } from './service-credentials';
import type { AppEnv, PrincipalResolver } from '../../platform/http/access';
import { principalOf } from '../../platform/http/access';

/**
 * The two kinds of non-staff callers of the resident workflow, both as `Authorization: Bearer …`:
 * - `service`: a department system or the resident app, with a service credential (`jifen_sc_…`) that an
 *   admin issued for one source and purpose;
 * - `resident`: a resident, with a short-lived token (`jifen_rt_…`, HS256, 15 minutes) that the resident
 *   app obtains for them from `POST /api/v1/resident-tokens` with its own `resident-app` credential, after
 *   it has signed the resident in by its own means. Jifen keeps no resident passwords.
 * Staff at the service office act for residents with their own session instead.
 */

const RESIDENT_PREFIX = 'jifen_rt_';
const AUDIENCE = 'jifen-resident-api';
/** A resident token's lifetime. */
export const RESIDENT_TOKEN_SECONDS = 15 * 60;

const bearer = (c: Context) => /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];

/**
 * Resolves `Authorization: Bearer jifen_sc_…` to a `service` principal whose claims carry the credential's
 * `purpose` and `source`. A service token that is unknown or revoked answers 401.
 *
 * @example
 * createApp({ …, principalResolvers: [serviceResolver(client), residentResolver(secret, now)] });
 */
export function serviceResolver(client: Client): PrincipalResolver {
  return async (c) => {
    const token = bearer(c);
    if (!token || !isServiceToken(token)) return undefined;
    const credential = await findCredential(client, token);
    if (!credential) throw new JifenError('unauthorized', { en: 'Credentials: the service credential is unknown or revoked', zh: '服务凭证无效或已停用' });
    return { kind: 'service', id: credential.id, claims: { purpose: credential.purpose, source: credential.source } };
  };
}

/** The service credential of the caller, which must be for `purpose` (and `source`, when given); else 403. */
export function serviceOf(c: Context<AppEnv>, purpose: ServiceCredential['purpose'], source?: string): { id: string; source: string } {
  const principal = principalOf(c);
  if (principal?.kind !== 'service') throw new JifenError('unauthorized', { en: 'Credentials: send a service credential as a Bearer token', zh: '请提供服务凭证' });
  const claims = principal.claims ?? {};
  if (claims.purpose !== purpose) throw new JifenError('forbidden', { en: `Credentials: this credential is not for ${purpose}`, zh: '这个凭证不能用于这项操作' });
  if (source !== undefined && claims.source !== source) throw new JifenError('forbidden', { en: `Credentials: this credential is for source "${String(claims.source)}", not "${source}"`, zh: '这个凭证不属于这个数据来源' });
  return { id: principal.id, source: String(claims.source) };
}

/**
 * Resolves `Authorization: Bearer jifen_rt_…` to a `resident` principal (id = the resident's id). An
 * expired or forged token answers 401.
 */
export function residentResolver(secret: Uint8Array, now: () => Date, client?: SqlExecutor): PrincipalResolver {
  return async (c) => {
    const token = bearer(c);
    if (!token?.startsWith(RESIDENT_PREFIX)) return undefined;
    const at = now();
    const { residentId, issuedBy } = await verifyResidentToken(secret, token, at);
    // A token lives no longer than the resident-app credential that asked for it.
    if (client && issuedBy !== undefined && !(await credentialInForce(client, issuedBy, at))) {
      throw new JifenError('unauthorized', { en: 'Residents: the app that issued this token is no longer allowed to; sign in to the app again', zh: '签发这个令牌的应用已无权签发，请重新登录应用' });
    }
    return { kind: 'resident', id: residentId };
  };
}

/**
 * Signs a resident token for the resident app.
 *
 * @example
 * const { token, expiresAt } = await issueResidentToken(secret, 'res-000001', new Date());
 */
export async function issueResidentToken(secret: Uint8Array, residentId: string, now: Date, issuedBy?: string): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + RESIDENT_TOKEN_SECONDS;
  const jwt = await new SignJWT(issuedBy ? { azp: issuedBy } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(residentId)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(secret);
  return { token: RESIDENT_PREFIX + jwt, expiresAt: new Date(exp * 1000).toISOString() };
}

/** The resident a token stands for, and the credential that issued it; `unauthorized` when it is forged, expired or malformed. */
export async function verifyResidentToken(secret: Uint8Array, token: string, now: Date): Promise<{ residentId: string; issuedBy?: string }> {
  try {
    const { payload } = await jwtVerify(token.slice(RESIDENT_PREFIX.length), secret, {
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new JifenError('unauthorized', { en: 'Residents: the token names no resident', zh: '令牌中没有居民信息' });
    return { residentId: payload.sub, ...(typeof payload.azp === 'string' ? { issuedBy: payload.azp } : {}) };
  } catch (error) {
    if (error instanceof JifenError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new JifenError('unauthorized', { en: 'Residents: the resident token has expired; ask the app for a new one', zh: '居民令牌已过期，请在应用中重新获取' });
    throw new JifenError('unauthorized', { en: 'Residents: the resident token is not valid', zh: '居民令牌无效' });
  }
}
