import type { Client } from '@libsql/client';
import { inTransaction } from '../../platform/db/database';
import { randomId } from '../partners';
import { appendAudit } from '../../platform/db/audit-log';
import { widgetGrants, type WidgetGrant } from './widget-grants';
import type { Signer } from './signer';

/** A widget token lives 15 minutes unless asked otherwise (1 hour at most). */
export const RESIDENT_TOKEN_TTL_SECONDS = 15 * 60;

/**
 * Records the resident's consent for one scenario (a widget grant) and signs the token that stands for
 * it. The token names the grant, never the resident.
 *
 * @example
 * await issueResidentToken(client, signer, { residentId: 'res-000001', ruleSetId: 'district-sample', scenarioId: 'school-enrollment', issuedBy: 'sc-…', now, issuer });
 */
export async function issueResidentToken(
  client: Client,
  signer: Signer,
  input: {
    residentId: string;
    ruleSetId: string;
    scenarioId: string;
    partnerId: string;
    origin?: string;
    issuedBy: string;
    now: Date;
    issuer: string;
    consentAt?: Date;
    ttlSeconds?: number;
  },
): Promise<{ token: string; expiresAt: string; scenario: string }> {
  const expiresAt = new Date(input.now.getTime() + (input.ttlSeconds ?? RESIDENT_TOKEN_TTL_SECONDS) * 1000);
  const grant: WidgetGrant = {
    id: randomId('wgt', 12),
    residentId: input.residentId,
    ruleSetId: input.ruleSetId,
    scenarioId: input.scenarioId,
    partnerId: input.partnerId,
    ...(input.origin ? { origin: input.origin } : {}),
    consentAt: (input.consentAt ?? input.now).toISOString(),
    issuedAt: input.now.toISOString(),
    issuedBy: input.issuedBy,
    expiresAt: expiresAt.toISOString(),
  };
  const scenario = `${input.ruleSetId}/${input.scenarioId}`;
  await inTransaction(client, async (tx) => {
    await widgetGrants(tx).insert(grant);
    await appendAudit(tx, {
      at: input.now,
      actor: input.issuedBy,
      action: 'widget-consent-given',
      target: `resident:${input.residentId}/widget-consent:${grant.id}`,
      details: { partner: input.partnerId, origin: input.origin ?? null, scenario, expiresAt: grant.expiresAt },
    });
  });
  const token = await signer.residentToken({ grantId: grant.id, scenario }, { issuer: input.issuer, now: input.now, expiresAt });
  return { token, expiresAt: grant.expiresAt, scenario };
}
