import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationForm, EVIDENCE, residentApp } from '../../../../test/support/apps/resident-app';

let env: Awaited<ReturnType<typeof residentApp>>;
beforeEach(async () => {
  // Thursday 24 December 2026, 10:00 in China. The holiday library has no data for 2027.
  env = await residentApp('2026-12-24T02:00:00Z');
  await env.residents.createResident({ id: 'res-1', permitNumber: '330106199001011234', name: '张小三', residenceRegistrationDate: '2020-03-01' }, '2025-01-01T00:00:00Z');
});
afterEach(() => env.cleanup());

const apply = () =>
  env.asResident(
    'res-1',
    'POST',
    '/api/v1/self-applications',
    applicationForm({ indicator: 'inventionPatents', claim: JSON.stringify({ facts: { inventionPatents: 1 } }), note: '发明专利' }, [{ name: '专利证书.pdf', bytes: EVIDENCE.pdf }]),
  );

const states = (listed: { coverage: { year: number; state: string }[] }) => listed.coverage.map((y) => [y.year, y.state]);

describe('working days in a year the holiday library does not know', () => {
  it('counts the statutory holidays of the law and marks the deadline provisional, naming the year', async () => {
    const reviewer = await env.staff('qian', ['reviewer']);
    const body = await (await reviewer('GET', '/api/v1/calendar/deadline?from=2026-12-24&days=10')).json();
    // 25, 28, 29, 30, 31 December; 1 January 2027 is 元旦 by law; 4, 5, 6, 7, 8 January.
    expect(body).toEqual({ from: '2026-12-24', days: 10, deadline: '2027-01-08', known: false, warnings: [expect.stringContaining('2027 年尚无已确认的国务院节假日安排通知')] });
    expect(body.warnings[0]).toContain('deadlines in 2027 are provisional');
    // Without parameters: today and the 10 working days of a review.
    expect(await (await reviewer('GET', '/api/v1/calendar/deadline')).json()).toEqual(body);
    // Within 2026 the library's official data decides: known, no warning.
    expect(await (await reviewer('GET', '/api/v1/calendar/deadline?from=2026-12-01&days=5')).json()).toEqual({ from: '2026-12-01', days: 5, deadline: '2026-12-08', known: true, warnings: [] });

    const app = await (await apply()).json();
    expect(app).toMatchObject({ submittedOn: '2026-12-24', dueOn: '2027-01-08' });
  });

  it('keeps a year "statutory only" when an admin overrides single days', async () => {
    const admin = await env.staff('boss', ['admin']);
    const reviewer = await env.staff('qian', ['reviewer']);
    expect(states(await (await reviewer('GET', '/api/v1/calendar/overrides')).json())).toEqual([[2025, 'official'], [2026, 'official'], [2027, 'statutory'], [2028, 'statutory']]);
    expect((await reviewer('PUT', '/api/v1/calendar/overrides/2027-02-09', { kind: 'holiday', note: '春节' })).status).toBe(403);
    expect((await admin('PUT', '/api/v1/calendar/overrides/2027-02-09', { kind: 'holiday', note: '春节补假' })).status).toBe(200);
    const listed = await (await reviewer('GET', '/api/v1/calendar/overrides')).json();
    expect(listed.coverage[2]).toMatchObject({ year: 2027, state: 'statutory', overrides: 1, known: false });
    expect(listed.warnings).toHaveLength(2);
    // Wednesday 3 Feb 2027: 4; 5–8 Spring Festival by law; 9 overridden; 10, 11, 12, 15.
    expect(await (await reviewer('GET', '/api/v1/calendar/deadline?from=2027-02-03&days=5')).json()).toMatchObject({ deadline: '2027-02-15', known: false });
    expect((await admin('DELETE', '/api/v1/calendar/overrides/2027-02-09')).status).toBe(204);
    expect((await admin('DELETE', '/api/v1/calendar/overrides/2027-02-09')).status).toBe(404);
    expect((await admin('PUT', '/api/v1/calendar/overrides/2027-02-30', { kind: 'holiday' })).status).toBe(422);
  });
});
