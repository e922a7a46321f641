import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CREDENTIAL_STATUS_TTL_MS } from '../../server/src/features/credentials/credential-status';
import { addStaff, signIn, type Browser } from '../support/callers/staff';
import { addPartner, addResident, residentAppCredential, SCHOOL, widgetApp } from '../support/apps/widget';

/**
 * A resident-app credential leaks and an admin revokes it. Every token it asked for — residents' API tokens
 * and widget tokens already handed to partner pages — must stop working with it: at once on the server that
 * revoked it, and on another server sharing the database (here: the revocation written straight into the
 * database) once the brief cache of its state has run out by the server's clock.
 */

const SITE = 'https://school.example';
type Env = Awaited<ReturnType<typeof widgetApp>>;

describe('tokens issued through a revoked resident-app credential', () => {
  let env: Env;
  let admin: Browser;
  let partnerKey: string;
  let partnerId: string;
  let residentId: string;
  beforeEach(async () => {
    env = await widgetApp();
    const ops = await addStaff(env.ctx, 'ops.admin', ['admin']);
    admin = await signIn(env.app, ops.username, ops.password);
    ({ key: partnerKey, partner: { id: partnerId } } = await addPartner(env.client, { origins: [SITE] }));
    residentId = await addResident(env.client, { name: '欧阳小明', permitNumber: '330106199001011234', facts: { socialInsuranceMonths: 40 } });
  });
  afterEach(() => env.cleanup());

  const post = (credential: string, path: string, body: unknown) =>
    env.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` }, body: JSON.stringify(body) });

  /** The app's two kinds of tokens for one resident, and how a partner page and the resident use them. */
  async function tokensOf(credential: string) {
    const api = await post(credential, '/api/v1/resident-tokens', { residentId });
    const widget = await post(credential, '/api/v1/widget-tokens', { residentId, ...SCHOOL, partnerId, origin: SITE, consent: true });
    expect([api.status, widget.status]).toEqual([201, 201]);
    const residentToken = ((await api.json()) as { token: string }).token;
    const widgetToken = ((await widget.json()) as { token: string }).token;
    return {
      asResident: async () => (await env.app.request(`/api/v1/residents/${residentId}`, { headers: { authorization: `Bearer ${residentToken}` } })).status,
      onPartnerPage: async () =>
        (
          await env.app.request('/api/v1/widget/scenarios/school-enrollment/resident', {
            headers: { origin: SITE, 'x-jifen-key': partnerKey, 'x-jifen-resident-token': widgetToken },
          })
        ).status,
    };
  }
  const idOf = (credential: string) => /^jifen_sc_([^.]+)\./.exec(credential)![1]!;

  it('ends them the moment an admin revokes the credential here', async () => {
    const credential = await residentAppCredential(env.client);
    const tokens = await tokensOf(credential);
    expect([await tokens.asResident(), await tokens.onPartnerPage()]).toEqual([200, 200]);

    expect((await admin.call('POST', `/api/v1/service-credentials/${idOf(credential)}/revoke`)).status).toBe(200);
    expect([await tokens.asResident(), await tokens.onPartnerPage()]).toEqual([401, 401]);
    expect((await post(credential, '/api/v1/resident-tokens', { residentId })).status).toBe(401);
  });

  it('ends them on every server once the cached state runs out, when another server revoked it', async () => {
    const credential = await residentAppCredential(env.client);
    const tokens = await tokensOf(credential);
    expect([await tokens.asResident(), await tokens.onPartnerPage()]).toEqual([200, 200]);

    await env.client.execute({ sql: 'UPDATE service_credentials SET revoked_at = ?, revoked_by = ? WHERE id = ?', args: [env.clock.now().toISOString(), 'other.admin', idOf(credential)] });
    env.clock.advance(CREDENTIAL_STATUS_TTL_MS);
    expect([await tokens.asResident(), await tokens.onPartnerPage()]).toEqual([401, 401]);
  });

  it('leaves the tokens of another resident-app credential working', async () => {
    const revoked = await residentAppCredential(env.client);
    const kept = await residentAppCredential(env.client);
    const tokens = await tokensOf(kept);
    expect((await admin.call('POST', `/api/v1/service-credentials/${idOf(revoked)}/revoke`)).status).toBe(200);
    expect([await tokens.asResident(), await tokens.onPartnerPage()]).toEqual([200, 200]);
  });
});
