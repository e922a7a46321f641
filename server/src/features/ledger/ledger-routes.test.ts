import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentApp } from '../../../../test/support/apps/resident-app';

let env: Awaited<ReturnType<typeof residentApp>>;
beforeEach(async () => {
  env = await residentApp('2025-12-31T02:00:00Z');
  await env.residents.createResident({ id: 'res-1', permitNumber: '330106199001011234', name: '张小三' }, '2025-01-01T00:00:00Z');
});
afterEach(() => env.cleanup());

describe('points ledger over HTTP', () => {
  it('records points at the office (the indicator\'s department only), and lapses them on 1 January', async () => {
    const youth = await env.staff('chen', ['reviewer'], ['共青团XX区委员会（区志愿者协会）']);
    const health = await env.staff('he', ['reviewer'], ['区卫生健康局']);
    const earn = { indicator: 'volunteerService', points: 7, earnedOn: '2023-03-05', ref: '志愿服务 70 小时' };
    expect((await health('POST', '/api/v1/residents/res-1/ledger', earn)).status).toBe(403);
    expect((await youth('POST', '/api/v1/residents/res-1/ledger', earn)).status).toBe(201);

    const on31 = await (await env.asResident('res-1', 'GET', '/api/v1/residents/res-1/ledger?asOf=2025-12-31')).json();
    const on1 = await (await env.asResident('res-1', 'GET', '/api/v1/residents/res-1/ledger?asOf=2026-01-01')).json();
    const balance = (s: { accounts: { indicator: string; balance: number }[] }) => s.accounts.find((a) => a.indicator === 'volunteerService')!.balance;
    expect([balance(on31), balance(on1)]).toEqual([7, 0]);
    expect(on31.accounts[0].lots[0].lastValidDay).toBe('2025-12-31');
  });

  it('lets only one of two simultaneous exchanges spend the same points', async () => {
    const youth = await env.staff('chen', ['reviewer'], ['共青团XX区委员会（区志愿者协会）']);
    await youth('POST', '/api/v1/residents/res-1/ledger', { indicator: 'volunteerService', points: 15, earnedOn: '2025-06-01' });
    const statement = await (await env.asResident('res-1', 'GET', '/api/v1/residents/res-1/ledger')).json();
    expect(statement.benefits.find((b: { id: string }) => b.id === 'park-annual-pass').affordable).toBe(true);

    const [a, b] = await Promise.all([
      env.asResident('res-1', 'POST', '/api/v1/residents/res-1/exchanges', { benefit: 'park-annual-pass' }),
      youth('POST', '/api/v1/residents/res-1/exchanges', { benefit: 'park-annual-pass' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const after = await (await env.asResident('res-1', 'GET', '/api/v1/residents/res-1/ledger')).json();
    expect(after.accounts.find((x: { indicator: string }) => x.indicator === 'volunteerService').balance).toBe(5);
    expect(after.entries.filter((e: { kind: string }) => e.kind === 'spend')).toHaveLength(1);
    const unknown = await env.asResident('res-1', 'POST', '/api/v1/residents/res-1/exchanges', { benefit: 'free-lunch' });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields[0].path).toBe('benefit');
  });
});
