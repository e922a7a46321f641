import type { Client } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import type { WidgetGrant } from './widget-grants';

/**
 * Whether a resident's consent lets this partner, on this site, show this scenario now: refuses with the
 * cause — ended (`token_expired`), withdrawn (`token_revoked`), given to another partner or site
 * (`token_partner`, never naming the other), or for another scenario (`token_scenario`).
 *
 * @example
 * checkGrant(grant, { partnerId: 'ptn-1', origin: 'https://school.example', scenario: 'district-sample/school-enrollment', now });
 */
export function checkGrant(
  grant: WidgetGrant | undefined,
  request: { partnerId: string; origin: string | undefined; scenario: string; tokenScenario: string; now: Date },
): WidgetGrant {
  if (!grant || grant.expiresAt <= request.now.toISOString()) {
    throw new JifenError('token_expired', { en: 'Widget: the consent behind this resident token has ended; open the widget again from your Jifen app', zh: '居民的授权已结束，请在积分应用中重新打开' });
  }
  if (grant.revokedAt) throw new JifenError('token_revoked', { en: 'Widget: the resident withdrew this consent in their Jifen app', zh: '居民已在积分应用中撤回授权' });
  // Like the partner key's own origins: a request without Origin (same-origin, or the partner's server) is
  // held to the partner alone; a browser on another site must be on the site the resident chose.
  const elsewhere = grant.origin !== undefined && request.origin !== undefined && grant.origin !== request.origin;
  if (grant.partnerId !== request.partnerId || elsewhere) {
    throw new JifenError('token_partner', { en: 'Widget: the resident gave this token to another partner or site, not to this partner key on this site', zh: '居民的授权是给其他合作单位或网站的' });
  }
  if (request.tokenScenario !== request.scenario || `${grant.ruleSetId}/${grant.scenarioId}` !== request.scenario) {
    throw new JifenError('token_scenario', { en: `Widget: the resident token is for another scenario (${request.tokenScenario}), not ${request.scenario}`, zh: '居民的授权不适用于这个场景' });
  }
  return grant;
}

/**
 * Records in the audit trail that a partner was shown a resident's result: which partner, on which site,
 * which resident, which scenario, when.
 *
 * @example
 * await recordView(client, grant, { partnerId: 'ptn-1', origin: 'https://school.example', at: new Date() });
 */
export async function recordView(client: Client, grant: WidgetGrant, view: { partnerId: string; origin: string | undefined; at: Date }): Promise<void> {
  await inTransaction(client, (tx) =>
    appendAudit(tx, {
      at: view.at,
      actor: `partner:${view.partnerId}`,
      action: 'widget-result-viewed',
      target: `resident:${grant.residentId}/widget-consent:${grant.id}`,
      details: { partner: view.partnerId, origin: view.origin ?? null, scenario: `${grant.ruleSetId}/${grant.scenarioId}` },
    }),
  );
}
