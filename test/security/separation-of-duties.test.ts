import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../server/src/features/staff/accounts';
import { applicationForm, EVIDENCE, residentApp } from '../support/apps/resident-app';
import { roundApp } from '../support/apps/round-app';
import { districtFacts } from '../support/data/round-facts';
import { addResident } from '../support/data/round-residents';
import { addStaff, lifecycleApp, signIn, type Browser } from '../support/callers/staff';

/**
 * One admin tries to publish alone, as the attack went: give itself editor rights, draft and submit a
 * change, create an approver account with a password it chose, sign in as it and approve. And a reviewer
 * who files a self-application on a resident's behalf tries to approve it. Each step that would let one
 * person act as two is refused.
 */

const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';

describe('one admin cannot publish alone', () => {
  let env: Awaited<ReturnType<typeof lifecycleApp>>;
  let root: Browser;
  let second: Browser;
  let rootId: string;
  beforeEach(async () => {
    env = await lifecycleApp();
    // The first admin, from the shell — in a small office also an editor; a second admin beside it.
    const made = await createUser(env.ctx, { username: 'root', displayName: 'root', password: 'root-admin-passphrase', roles: ['admin', 'editor'], departments: ['*'] }, 'cli');
    rootId = made.id;
    await createUser(env.ctx, { username: 'ops2', displayName: 'ops2', password: 'second-admin-passphrase', roles: ['admin'], departments: [] }, 'cli');
    root = await signIn(env.app, 'root', 'root-admin-passphrase');
    second = await signIn(env.app, 'ops2', 'second-admin-passphrase');
  });
  afterEach(() => env.cleanup());

  /** Root drafts and submits a change to the district rule set. */
  async function rootSubmits(): Promise<string> {
    const draft = await (await root.call('POST', DRAFTS, { body: { note: 'raise a weight' } })).json();
    expect((await root.call('POST', `${DRAFTS}/${draft.id}/submit`, { body: { note: 'no change' } })).status).toBe(200);
    return draft.id;
  }
  const approve = (who: Browser, draftId: string) => who.call('POST', `${DRAFTS}/${draftId}/approve`, { body: { effectiveFrom: '2026-07-01' } });

  it('refuses an admin changing its own roles', async () => {
    const res = await root.call('PATCH', `/api/v1/users/${rootId}`, { body: { roles: ['admin', 'editor', 'approver'] } });
    expect(res.status).toBe(403);
    expect((await (await root.call('GET', '/api/v1/auth/me')).json()).user.roles).toEqual(['admin', 'editor']);
  });

  it('makes an approver, or another admin, it creates wait for a second admin, who alone may confirm', async () => {
    const created = await (await root.call('POST', '/api/v1/users', { body: { username: 'puppet', displayName: 'p', password: 'chosen-by-root-1234', roles: ['approver'] } })).json();
    expect(created).toMatchObject({ roles: [], pendingRoles: { roles: ['approver'] } });
    const draftId = await rootSubmits();
    const puppet = await signIn(env.app, 'puppet', 'chosen-by-root-1234');
    expect((await approve(puppet, draftId)).status).toBe(403);
    expect((await root.call('POST', `/api/v1/role-requests/${created.pendingRoles.request}/confirm`)).status).toBe(403);

    // Nor can it make a second admin of its own to confirm for it.
    const admin2 = await (await root.call('POST', '/api/v1/users', { body: { username: 'puppet.admin', displayName: 'pa', password: 'chosen-by-root-5678', roles: ['admin'] } })).json();
    expect(admin2).toMatchObject({ roles: [], pendingRoles: { roles: ['admin'] } });
    const puppetAdmin = await signIn(env.app, 'puppet.admin', 'chosen-by-root-5678');
    expect((await puppetAdmin.call('POST', `/api/v1/role-requests/${created.pendingRoles.request}/confirm`)).status).toBe(403);

    const pending = await (await second.call('GET', '/api/v1/role-requests')).json();
    expect(pending.requests.map((r: { username: string; roles: string[]; requestedBy: string }) => [r.username, r.roles, r.requestedBy])).toEqual([
      ['puppet', ['approver'], 'root'],
      ['puppet.admin', ['admin'], 'root'],
    ]);
    const audit = await env.client.execute("SELECT actor, action FROM audit_log WHERE action LIKE 'role-change-%' ORDER BY seq");
    expect(audit.rows.map((r) => `${r.actor} ${r.action}`)).toEqual(['root role-change-requested', 'root role-change-requested']);
  });

  it('refuses an approver the draft author created, even confirmed by a second admin and with its own password', async () => {
    const created = await (await root.call('POST', '/api/v1/users', { body: { username: 'li', displayName: 'li', password: 'chosen-by-root-1234', roles: ['approver'] } })).json();
    expect((await second.call('POST', `/api/v1/role-requests/${created.pendingRoles.request}/confirm`)).status).toBe(200);
    const draftId = await rootSubmits();

    const li = await signIn(env.app, 'li', 'chosen-by-root-1234');
    const withAdminsPassword = await approve(li, draftId);
    expect(withAdminsPassword.status).toBe(403);
    expect((await li.call('POST', '/api/v1/auth/password', { body: { currentPassword: 'chosen-by-root-1234', newPassword: 'only-li-knows-this-one' } })).status).toBe(204);
    const lisOwn = await signIn(env.app, 'li', 'only-li-knows-this-one');
    const refused = await approve(lisOwn, draftId);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain('created or last changed by root');
  });

  it('lets an approver other admins took on approve, once its owner has chosen the password', async () => {
    await createUser(env.ctx, { username: 'ops3', displayName: 'ops3', password: 'third-admin-passphrase', roles: ['admin'], departments: [] }, 'cli');
    const third = await signIn(env.app, 'ops3', 'third-admin-passphrase');
    const created = await (await second.call('POST', '/api/v1/users', { body: { username: 'wu', displayName: 'wu', password: 'chosen-by-ops2-1234', roles: ['approver'] } })).json();
    expect((await third.call('POST', `/api/v1/role-requests/${created.pendingRoles.request}/confirm`)).status).toBe(200);
    const draftId = await rootSubmits();
    const wu = await signIn(env.app, 'wu', 'chosen-by-ops2-1234');
    const first = await approve(wu, draftId);
    expect(first.status).toBe(403);
    expect((await first.json()).error.fields).toEqual([{ path: 'password', message: 'was set by an admin; change it first', messageZh: '密码由管理员设置，请先修改' }]);
    expect((await wu.call('POST', '/api/v1/auth/password', { body: { currentPassword: 'wrong-guess-of-it', newPassword: 'only-wu-knows-this-one' } })).status).toBe(403);
    expect((await wu.call('POST', '/api/v1/auth/password', { body: { currentPassword: 'chosen-by-ops2-1234', newPassword: 'only-wu-knows-this-one' } })).status).toBe(204);
    const own = await signIn(env.app, 'wu', 'only-wu-knows-this-one');
    expect((await approve(own, draftId)).status).toBe(201);
  });
});

describe('a reviewer who files for a resident', () => {
  it('cannot decide the self-application it filed; another reviewer of the department can', async () => {
    const env = await residentApp('2025-09-30T02:00:00Z');
    try {
      await env.residents.createResident({ id: 'res-1', permitNumber: '330106199001011234', name: '张小三', residenceRegistrationDate: '2020-03-01' }, '2025-01-01T00:00:00Z');
      const qian = await env.staff('qian', ['reviewer'], ['区科学技术局']);
      const sun = await env.staff('sun', ['reviewer'], ['区科学技术局']);
      const form = applicationForm({ residentId: 'res-1', indicator: 'inventionPatents', claim: JSON.stringify({ facts: { inventionPatents: 2 } }), note: '窗口代办' }, [{ name: '专利证书.pdf', bytes: EVIDENCE.pdf }]);
      const filed = await qian('POST', '/api/v1/self-applications', form);
      expect(filed.status).toBe(201);
      const app = await filed.json();
      expect(app.submittedBy).toBe('qian');
      const own = await qian('POST', `/api/v1/self-applications/${app.id}/approve`);
      expect(own.status).toBe(403);
      const refusal = (await own.json()).error;
      expect(refusal.message).toContain("on the resident's behalf");
      expect(refusal.messageZh).toBe('这份材料是您代居民提交的，须由另一位审核人处理');
      expect((await sun('POST', `/api/v1/self-applications/${app.id}/approve`)).status).toBe(200);
    } finally {
      env.cleanup();
    }
  });

  it('cannot answer the objection it filed; another reviewer of the department can', async () => {
    const env = await roundApp('2025-08-28T02:00:00Z');
    try {
      const zhao = await addStaff(env.ctx, 'zhao.reviewer', ['reviewer'], ['区民政局']);
      const zhou = await addStaff(env.ctx, 'zhou.reviewer', ['reviewer'], ['区民政局']);
      const as = async (d: string) => {
        env.clock.set(`${d}T02:00:00Z`);
        return [await signIn(env.app, zhao.username, zhao.password), await signIn(env.app, zhou.username, zhou.password)] as const;
      };
      await addResident(env.residents, 'res-li', '李四', districtFacts({ taxYuan: 20_000 }));
      let [filer, other] = await as('2025-08-28');
      const round = await (await filer.call('POST', '/api/v1/rounds', { body: { ruleSetId: 'district-sample', scenarioId: 'social-welfare', places: 1, opensOn: '2025-09-01', closesOn: '2025-09-19' } })).json();
      [filer, other] = await as('2025-09-03');
      const application = await (await env.asResident('res-li', 'POST', `/api/v1/rounds/${round.id}/applications`, {})).json();
      expect((await filer.call('POST', `/api/v1/rounds/${round.id}/applications/${application.id}/accept`, { body: {} })).status).toBe(200);
      [filer, other] = await as('2025-09-22');
      expect((await filer.call('POST', `/api/v1/rounds/${round.id}/close`)).status).toBe(200);
      [filer, other] = await as('2025-09-26');
      expect((await filer.call('POST', `/api/v1/rounds/${round.id}/publish`)).status).toBe(200);

      // At the service office, zhao files an objection for the resident, then tries to answer it.
      const filed = await filer.call('POST', `/api/v1/rounds/${round.id}/objections`, { body: { residentId: 'res-li', reason: '代居民提出：社保月数漏计' } });
      expect(filed.status).toBe(201);
      const objection = await filed.json();
      const own = await filer.call('POST', `/api/v1/rounds/${round.id}/objections/${objection.id}/dismiss`, { body: { answer: '核实无误' } });
      expect(own.status).toBe(403);
      expect((await own.json()).error.messageZh).toBe('这份材料是您代居民提交的，须由另一位审核人处理');
      expect((await other.call('POST', `/api/v1/rounds/${round.id}/objections/${objection.id}/dismiss`, { body: { answer: '核实无误' } })).status).toBe(200);
    } finally {
      env.cleanup();
    }
  });
});
