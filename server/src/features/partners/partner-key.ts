import type { Context, MiddlewareHandler } from 'hono';
import { JifenError } from '../../domain/errors';
import type { Partner, PartnerKey, PartnerRepository } from '../../domain/eligibility/partners';
import { parsePartnerKey, secretMatches } from './partner-keys';
import type { PrincipalResolver } from '../../platform/http/access';

/** The header a widget sends its partner key in. */
export const PARTNER_KEY_HEADER = 'X-Jifen-Key';

export type PartnerKeyEnv = { Variables: { partner: Partner; partnerKey: PartnerKey } };

/**
 * The partner and key a request's `X-Jifen-Key` stands for; undefined without the header. A key that is
 * malformed, unknown or revoked is refused with 401 and a message the widget shows as is.
 */
export async function authenticatePartnerKey(partners: PartnerRepository, c: Context): Promise<{ partner: Partner; key: PartnerKey } | undefined> {
  const text = c.req.header(PARTNER_KEY_HEADER);
  if (text === undefined) return undefined;
  const parsed = parsePartnerKey(text);
  const found = parsed && (await partners.getKey(parsed.id));
  if (!parsed || !found || !secretMatches(parsed.secret, found.secretHash)) {
    throw new JifenError('key_invalid', { en: 'Widget: this partner key is not known to Jifen; check the partner-key attribute', zh: '这个合作单位密钥无效，请检查 partner-key 属性' });
  }
  if (found.key.revokedAt) {
    throw new JifenError(
      'key_revoked',
      { en: `Widget: this partner key was revoked on ${found.key.revokedAt.slice(0, 10)}; ask the Jifen administrator for a new key`, zh: `这个合作单位密钥已于 ${found.key.revokedAt.slice(0, 10)} 停用，请联系积分系统管理员换发` },
    );
  }
  const partner = await partners.getPartner(found.key.partnerId);
  if (!partner) throw new JifenError('key_invalid', { en: 'Widget: this partner key is not known to Jifen; check the partner-key attribute', zh: '这个合作单位密钥无效，请检查 partner-key 属性' });
  return { partner, key: found.key };
}

/**
 * The access table's `partner` callers: a request with a valid partner key. Also leaves the partner and
 * key in `c.var` for the widget routes.
 *
 * @example
 * createApp({ …, principalResolvers: [partnerKeyResolver(partners)] });
 */
export function partnerKeyResolver(partners: PartnerRepository): PrincipalResolver {
  return async (c) => {
    const found = await authenticatePartnerKey(partners, c);
    if (!found) return undefined;
    c.set('partner', found.partner);
    c.set('partnerKey', found.key);
    return { kind: 'partner', id: found.partner.id, claims: { keyId: found.key.id, origins: found.partner.origins } };
  };
}

/**
 * Requires a partner key on the widget routes (when the access layer has not already checked it): the
 * partner and the key are then in `c.var`.
 *
 * @example
 * app.use('/api/v1/widget/scenarios/*', partnerKeyAuth(partners));
 */
export function partnerKeyAuth(partners: PartnerRepository): MiddlewareHandler<PartnerKeyEnv> {
  return async (c, next) => {
    if (!c.get('partner')) {
      const found = await authenticatePartnerKey(partners, c);
      if (!found) {
        throw new JifenError('key_invalid', { en: `Widget: no partner key; give the widget its partner-key attribute (sent as ${PARTNER_KEY_HEADER})`, zh: '缺少合作单位密钥，请设置组件的 partner-key 属性' });
      }
      c.set('partner', found.partner);
      c.set('partnerKey', found.key);
    }
    await next();
  };
}
