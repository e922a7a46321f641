import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentApp } from '../../../../test/support/resident-app';

let env: Awaited<ReturnType<typeof residentApp>>;
beforeEach(async () => {
  env = await residentApp('2026-12-20T02:00:00Z');
});
afterEach(() => env.cleanup());

describe('working-day calendar overrides', () => {
  it('warns about years without data, and lets an admin fill them in so deadlines follow', async () => {
    const admin = await env.staff('boss', ['admin']);
    const reviewer = await env.staff('qian', ['reviewer']);
    const listed = await (await reviewer('GET', '/api/v1/calendar/overrides')).json();
    expect(listed.coverage.map((y: { year: number; known: boolean }) => [y.year, y.known])).toEqual([[2025, true], [2026, true], [2027, false], [2028, false]]);
    expect(listed.warnings[0]).toMatch(/^2027: no official holiday data/);

    // Thursday 4 Feb 2027: with Spring Festival entered, 5 and 8 Feb are off and Saturday 13 Feb is worked.
    const before = await (await reviewer('GET', '/api/v1/calendar/deadline?from=2027-02-04&days=5')).json();
    expect(before).toMatchObject({ deadline: '2027-02-11', known: false });
    expect((await reviewer('PUT', '/api/v1/calendar/overrides/2027-02-05', { kind: 'holiday', note: '春节' })).status).toBe(403);
    for (const [date, kind] of [['2027-02-05', 'holiday'], ['2027-02-08', 'holiday'], ['2027-02-13', 'workday']]) {
      expect((await admin('PUT', `/api/v1/calendar/overrides/${date}`, { kind, note: '春节' })).status).toBe(200);
    }
    const after = await (await reviewer('GET', '/api/v1/calendar/deadline?from=2027-02-04&days=5')).json();
    expect(after).toMatchObject({ deadline: '2027-02-13', known: true, warnings: [] });
    expect((await admin('DELETE', '/api/v1/calendar/overrides/2027-02-13')).status).toBe(204);
    expect((await admin('DELETE', '/api/v1/calendar/overrides/2027-02-13')).status).toBe(404);
    expect((await admin('PUT', '/api/v1/calendar/overrides/2027-02-30', { kind: 'holiday' })).status).toBe(422);
  });
});
