import type { Client } from '@libsql/client';
import { contentHash } from '../../domain/rule-set/hash';
import { JifenError } from '../../domain/errors';
import { checkRegistration, type Partner, type PartnerKey, type PartnerScenario } from '../../domain/eligibility/partners';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { newPartnerKey, randomId } from './partner-keys';
import { createLibsqlPartnerRepository } from './partners-repository';

/** What an admin registers about a partner. */
export interface PartnerInput {
  name: string;
  origins: string[];
  scenarios: PartnerScenario[];
}

const target = (id: string) => `partner:${id}`;
const fingerprint = (p: Partner) => contentHash({ name: p.name, origins: p.origins, scenarios: p.scenarios });
// The key's identity, never its secret or the secret's hash: auditors read the trail.
const keyFingerprint = (k: PartnerKey) => contentHash({ id: k.id, partnerId: k.partnerId, createdAt: k.createdAt });

/**
 * Partner administration: every change is one write transaction with its audit entry, so a key that
 * exists was audited and an audited key exists.
 *
 * @example
 * const admin = partnerAdmin(client);
 * const partner = await admin.create({ name: '实验小学', origins: ['https://school.example'], scenarios }, 'admin', new Date());
 * const { key } = await admin.issueKey(partner.id, 'admin', new Date()); // shown once
 */
export function partnerAdmin(client: Client) {
  const notFound = (id: string) =>
    new JifenError('not_found', { en: `Partners: no partner "${id}"`, zh: '没有这家合作单位' }, [{ path: 'id', message: 'no such partner' }]);

  return {
    create(input: PartnerInput, actor: string, now: Date): Promise<Partner> {
      const origins = checkRegistration(input);
      return inTransaction(client, async (tx) => {
        const at = now.toISOString();
        const partner: Partner = { id: randomId('ptn'), name: input.name, origins, scenarios: input.scenarios, createdAt: at, createdBy: actor, updatedAt: at };
        await createLibsqlPartnerRepository(tx).insertPartner(partner);
        await appendAudit(tx, {
          at,
          actor,
          action: 'partner-created',
          target: target(partner.id),
          after: fingerprint(partner),
          details: { name: partner.name, origins, scenarios: partner.scenarios },
        });
        return partner;
      });
    },

    update(id: string, input: PartnerInput, actor: string, now: Date): Promise<Partner> {
      const origins = checkRegistration(input);
      return inTransaction(client, async (tx) => {
        const repo = createLibsqlPartnerRepository(tx);
        const before = await repo.getPartner(id);
        if (!before) throw notFound(id);
        const after: Partner = { ...before, name: input.name, origins, scenarios: input.scenarios, updatedAt: now.toISOString() };
        await repo.updatePartner(after);
        await appendAudit(tx, {
          at: now,
          actor,
          action: 'partner-changed',
          target: target(id),
          before: fingerprint(before),
          after: fingerprint(after),
          details: { name: after.name, origins, scenarios: after.scenarios },
        });
        return after;
      });
    },

    /** Issues a key: the answer's `key` is the only time the key is ever shown. */
    issueKey(partnerId: string, actor: string, now: Date): Promise<{ key: string; stored: PartnerKey }> {
      return inTransaction(client, async (tx) => {
        const repo = createLibsqlPartnerRepository(tx);
        if (!(await repo.getPartner(partnerId))) throw notFound(partnerId);
        const issued = newPartnerKey();
        const stored: PartnerKey = { id: issued.id, partnerId, createdAt: now.toISOString(), createdBy: actor };
        await repo.insertKey(stored, issued.secretHash);
        await appendAudit(tx, { at: now, actor, action: 'key-issued', target: `${target(partnerId)}/key:${issued.id}`, after: keyFingerprint(stored) });
        return { key: issued.text, stored };
      });
    },

    revokeKey(partnerId: string, keyId: string, actor: string, now: Date): Promise<PartnerKey> {
      return inTransaction(client, async (tx) => {
        const repo = createLibsqlPartnerRepository(tx);
        const found = await repo.getKey(keyId);
        if (!found || found.key.partnerId !== partnerId) {
          throw new JifenError('not_found', { en: `Partners: ${partnerId} has no key "${keyId}"`, zh: '没有这个密钥' }, [{ path: 'keyId', message: 'no such key' }]);
        }
        const at = now.toISOString();
        if (!(await repo.revokeKey(keyId, at, actor))) throw new JifenError('conflict', { en: `Partners: key ${keyId} is already revoked`, zh: '这个密钥已经停用' });
        await appendAudit(tx, { at, actor, action: 'key-revoked', target: `${target(partnerId)}/key:${keyId}`, before: keyFingerprint(found.key) });
        return { ...found.key, revokedAt: at, revokedBy: actor };
      });
    },
  };
}
export type PartnerAdmin = ReturnType<typeof partnerAdmin>;

/** The demo school partner's id. */
export const DEMO_PARTNER_ID = 'ptn-demo-school';

/**
 * The demo school partner of `/demo/school`: registered once for the demo scenario, its origins kept to
 * this server's own, and a fresh key at every start (the key is kept only in memory, so the previous
 * start's demo keys are revoked). Every change is audited as done by `system`.
 *
 * @example
 * const { key } = await ensureDemoPartner(client, { origins: ['http://localhost:8787'], scenario, now: new Date() });
 */
export function ensureDemoPartner(
  client: Client,
  input: { origins: string[]; scenario: PartnerScenario; now: Date },
): Promise<{ partner: Partner; key: string }> {
  const actor = 'system';
  const origins = checkRegistration({ origins: input.origins, scenarios: [input.scenario] });
  return inTransaction(client, async (tx) => {
    const repo = createLibsqlPartnerRepository(tx);
    const at = input.now.toISOString();
    let partner = await repo.getPartner(DEMO_PARTNER_ID);
    if (!partner) {
      partner = { id: DEMO_PARTNER_ID, name: '演示学校 Demo school', origins, scenarios: [input.scenario], createdAt: at, createdBy: actor, updatedAt: at };
      await repo.insertPartner(partner);
      await appendAudit(tx, { at, actor, action: 'partner-created', target: target(partner.id), after: fingerprint(partner), details: { origins, demo: true } });
    } else if (fingerprint(partner) !== fingerprint({ ...partner, origins, scenarios: [input.scenario] })) {
      const before = partner;
      partner = { ...partner, origins, scenarios: [input.scenario], updatedAt: at };
      await repo.updatePartner(partner);
      await appendAudit(tx, { at, actor, action: 'partner-changed', target: target(partner.id), before: fingerprint(before), after: fingerprint(partner), details: { origins, demo: true } });
    }
    for (const old of await repo.listKeys(partner.id)) {
      if (old.revokedAt || !(await repo.revokeKey(old.id, at, actor))) continue;
      await appendAudit(tx, { at, actor, action: 'key-revoked', target: `${target(partner.id)}/key:${old.id}`, before: keyFingerprint(old), details: { demo: true } });
    }
    const issued = newPartnerKey();
    const stored: PartnerKey = { id: issued.id, partnerId: partner.id, createdAt: at, createdBy: actor };
    await repo.insertKey(stored, issued.secretHash);
    await appendAudit(tx, { at, actor, action: 'key-issued', target: `${target(partner.id)}/key:${issued.id}`, after: keyFingerprint(stored), details: { demo: true } });
    return { partner, key: issued.text };
  });
}
