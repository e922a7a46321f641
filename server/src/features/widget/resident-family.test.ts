import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Facts } from '../../domain/scoring/types';
import { applyFamilyFeed } from '../feeds';
import { addPartner, addResident, residentAppCredential, SCHOOL, widgetApp } from '../../../../test/support/apps/widget';

const SITE = 'https://school.example';
const base: Facts = { accompanyingChildren: 1, birthDate: '1990-05-01', education: 'bachelor', appRegistered: true, profileVerified: true, housing: 'owned' };
// She pays social insurance for 5 years and has lived here 12 years; he has 6 months of insurance.
const hers: Facts = { ...base, socialInsuranceMonths: 60, residenceMonths: 150, employmentStatus: 'contract', employmentMonths: 60, annualTaxYuan: 50_000 };
const his: Facts = { ...base, socialInsuranceMonths: 6, residenceMonths: 20 };

let env: Awaited<ReturnType<typeof widgetApp>>;
beforeEach(async () => {
  env = await widgetApp();
});
afterEach(() => env.cleanup());

const schoolOf = async (facts: Facts) => {
  const res = await env.app.request('/api/v1/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ruleSetId: 'district-sample', asOf: '2026-06-30', facts: { ...facts, residenceRegistrationDate: '2018-03-01' } }) });
  return (await res.json()).scenarios.find((s: { id: string }) => s.id === 'school-enrollment');
};

describe('the widget reads the family on record', () => {
  it("shows the higher eligible parent's outcome for a child-related scenario (就高原则)", async () => {
    const { key, partner } = await addPartner(env.client, { origins: [SITE] });
    const app = await residentAppCredential(env.client);
    const husband = await addResident(env.client, { name: '王强', permitNumber: '330106199001011234', residenceRegistrationDate: '2018-03-01', facts: his });
    await addResident(env.client, { name: '李梅', permitNumber: '330106199203034567', residenceRegistrationDate: '2018-03-01', facts: hers });
    const [herSchool, hisSchool] = [await schoolOf(hers), await schoolOf(his)];
    expect([herSchool.eligible, hisSchool.eligible]).toEqual([true, false]);

    const ask = async () => {
      const issued = await env.app.request('/api/v1/widget-tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app}` },
        body: JSON.stringify({ residentId: husband, ...SCHOOL, partnerId: partner.id, origin: SITE, consent: true }),
      });
      const { token } = await issued.json();
      const res = await env.app.request('/api/v1/widget/scenarios/school-enrollment/resident', { headers: { origin: SITE, 'x-jifen-key': key, 'x-jifen-resident-token': token } });
      expect(res.status).toBe(200);
      return res.json();
    };
    // No family on record yet: his own outcome.
    expect(await ask()).toMatchObject({ outcome: { eligible: false, score: hisSchool.score }, family: { children: 0, spouse: false, spouseCounted: false } });

    const records = [
      { key: 'mz-1', permitNumber: '330106199001011234', event: 'marriage', spouse: { permitNumber: '330106199203034567' }, on: '2026-05-20' },
      { key: 'hj-1', permitNumber: '330106199001011234', event: 'child', child: { idNumber: '330106202603150012', name: '王小宝', birthDate: '2026-03-15' } },
    ];
    const fed = await applyFamilyFeed(env.client, { source: 'civil-affairs', credentialId: 'sc-test', records, today: '2026-06-30', receivedAt: '2026-06-30T02:00:00.000Z' });
    expect(fed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await ask()).toMatchObject({ outcome: { eligible: true, score: herSchool.score }, family: { children: 1, spouse: true, spouseCounted: true } });
  });
});
