import { beforeEach, describe, expect, it } from 'vitest';
import { postJson, testApp } from '../../../../test/support/apps/test-app';
import type { ErrorBody } from '../../platform/http/errors';

type App = Awaited<ReturnType<typeof testApp>>['app'];
const EVALUATE = '/api/v1/evaluate';
const BATCH = '/api/v1/evaluate/batch';
const good = { ruleSetId: 'tiny', asOf: '2026-06-30', facts: { residenceMonths: 59, birthDate: '1990-05-01' } };

async function fails(res: Response, status: number, code: string, paths: string[]) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/^\w+: /);
  expect((body.error.fields ?? []).map((f) => f.path).sort()).toEqual([...paths].sort());
  return body;
}

describe('POST /api/v1/evaluate', () => {
  let app: App;
  let errors: unknown[];
  beforeEach(async () => ({ app, errors } = await testApp()));

  it('scores the facts with the version in force, explaining every indicator', async () => {
    const res = await app.request(EVALUATE, postJson(good));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      ruleSetId: 'tiny',
      version: 1,
      asOf: '2026-06-30',
      total: 19.75,
      groups: [{ id: 'main', score: 19.75, cap: 100 }],
      indicators: [
        { id: 'residence', points: 14.75, explanation: expect.stringContaining('59') },
        { id: 'young', points: 5, explanation: expect.any(String) },
      ],
      scenarios: [{ id: 'housing', eligible: true }],
    });
  });

  it('uses the version in force on a later date, or the version asked for', async () => {
    const later = await (await app.request(EVALUATE, postJson({ ...good, asOf: '2027-06-30' }))).json();
    expect(later).toMatchObject({ version: 2, indicators: [{ id: 'residence', points: 29.5 }, { id: 'young', points: 5 }] });
    const pinned = await (await app.request(EVALUATE, postJson({ ...good, asOf: '2027-06-30', version: 1, engine: 'reference' }))).json();
    expect(pinned).toMatchObject({ version: 1, indicators: [{ id: 'residence', points: 14.75 }, { id: 'young', points: 5 }] });
  });

  it('evaluates a rule set with the rule set it includes', async () => {
    const res = await app.request(
      EVALUATE,
      postJson({ ruleSetId: 'tiny-district', asOf: '2026-06-30', facts: { residenceMonths: 10, volunteerHours: 35 } }),
    );
    expect(await res.json()).toMatchObject({ total: 5.5, groups: [{ id: 'main', score: 2.5 }, { id: 'district', score: 3 }] });
  });

  it('answers 400 invalid_json to a body that is not JSON', async () => {
    await fails(await app.request(EVALUATE, postJson('{"ruleSetId": "tiny",')), 400, 'invalid_json', []);
    await fails(await app.request(EVALUATE, postJson('')), 400, 'invalid_json', []);
  });

  it('names unknown fields, at the top and inside', async () => {
    await fails(await app.request(EVALUATE, postJson({ ...good, rulesetId: 'tiny', extra: 1 })), 422, 'validation_failed', [
      'rulesetId',
      'extra',
    ]);
    await fails(await app.request(EVALUATE, postJson({ ...good, facts: { ...good.facts, salary: 1 } })), 422, 'validation_failed', [
      'facts.salary',
    ]);
    const derived = await fails(await app.request(EVALUATE, postJson({ ...good, facts: { age: 30 } })), 422, 'validation_failed', [
      'facts.age',
    ]);
    expect(derived.error.fields?.[0]?.message).toMatch(/birthDate/);
    const proto = '{"ruleSetId":"tiny","asOf":"2026-06-30","facts":{"residenceMonths":1,"__proto__":{"x":1}}}';
    await fails(await app.request(EVALUATE, postJson(proto)), 422, 'validation_failed', ['facts.__proto__']);
  });

  it('names fields of the wrong type and missing fields', async () => {
    await fails(await app.request(EVALUATE, postJson({ ...good, asOf: 20260630, version: '1' })), 422, 'validation_failed', [
      'asOf',
      'version',
    ]);
    await fails(await app.request(EVALUATE, postJson({ ruleSetId: 'tiny' })), 422, 'validation_failed', ['asOf', 'facts']);
    await fails(await app.request(EVALUATE, postJson({ ...good, facts: { residenceMonths: 'many' } })), 422, 'validation_failed', [
      'facts.residenceMonths',
    ]);
    await fails(await app.request(EVALUATE, postJson({ ...good, engine: 'turbo' })), 422, 'validation_failed', ['engine']);
    await fails(await app.request(EVALUATE, postJson([good])), 422, 'validation_failed', ['body']);
  });

  it('refuses dates that do not exist, and dates with a time, with one message each', async () => {
    const noDay = await fails(await app.request(EVALUATE, postJson({ ...good, asOf: '2026-02-30' })), 422, 'validation_failed', ['asOf']);
    expect(noDay.error.fields?.[0]?.message).toBe('is not a calendar date');
    const withTime = await fails(await app.request(EVALUATE, postJson({ ...good, asOf: '2026-06-30T00:00' })), 422, 'validation_failed', ['asOf']);
    expect(withTime.error.fields?.[0]).toMatchObject({ message: 'must be a date YYYY-MM-DD', messageZh: '必须是日期（YYYY-MM-DD）' });
    await fails(await app.request(EVALUATE, postJson({ ...good, facts: { birthDate: '2026-02-30' } })), 422, 'validation_failed', [
      'facts.birthDate',
    ]);
  });

  it('refuses a birth date after asOf with 422 naming the field and the bound in Chinese and English', async () => {
    const body = await fails(await app.request(EVALUATE, postJson({ ...good, facts: { birthDate: '2030-01-01' } })), 422, 'validation_failed', ['facts.birthDate']);
    expect(body.error.fields?.[0]).toMatchObject({
      message: expect.stringContaining('must not be after the evaluation date 2026-06-30'),
      messageZh: expect.stringContaining('不得晚于评估日期 2026-06-30'),
      bound: { kind: 'notAfterAsOf', limit: '2026-06-30', reason: { zh: expect.stringContaining('年龄'), en: expect.stringContaining('Age') } },
    });
    // The same date is possible once asOf has reached it.
    expect((await app.request(EVALUATE, postJson({ ...good, asOf: '2030-01-01', facts: { birthDate: '2030-01-01' } }))).status).toBe(200);
  });

  it('answers 404 for an unknown rule set or version, 422 when no version is in force yet', async () => {
    await fails(await app.request(EVALUATE, postJson({ ...good, ruleSetId: 'nowhere' })), 404, 'not_found', ['ruleSetId']);
    await fails(await app.request(EVALUATE, postJson({ ...good, version: 7 })), 404, 'not_found', ['version']);
    const early = await fails(await app.request(EVALUATE, postJson({ ...good, asOf: '2025-06-30' })), 422, 'validation_failed', ['asOf']);
    expect(early.error.fields?.[0]?.message).toMatch(/2026-01-01/);
  });

  it('answers 413 to a body over 256 KB, declared or not', async () => {
    const huge = { ...good, facts: { residenceMonths: 1, birthDate: '1990-01-01', padding: 'x'.repeat(300 * 1024) } };
    await fails(await app.request(EVALUATE, postJson(huge)), 413, 'payload_too_large', []);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(huge)));
        controller.close();
      },
    });
    const chunked = await app.request(EVALUATE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await fails(chunked, 413, 'payload_too_large', []);
  });

  it('answers 415 when the body is not declared as JSON', async () => {
    await fails(await app.request(EVALUATE, postJson(good, { 'content-type': 'text/plain' })), 415, 'unsupported_media_type', []);
    await fails(await app.request(EVALUATE, { method: 'POST', body: JSON.stringify(good) }), 415, 'unsupported_media_type', []);
    const charset = await app.request(EVALUATE, postJson(good, { 'content-type': 'application/json; charset=utf-8' }));
    expect(charset.status).toBe(200);
  });

  it('never answers 500 to bad input, and logs nothing for it', async () => {
    const bad: unknown[] = [null, 1, 'x', true, {}, { facts: null }, { ...good, facts: [] }, { ...good, facts: { residenceMonths: null } }];
    for (const body of bad) {
      const res = await app.request(EVALUATE, postJson(JSON.stringify(body)));
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
    }
    expect(errors).toEqual([]);
  });
});

describe('POST /api/v1/evaluate/batch', () => {
  let app: App;
  beforeEach(async () => ({ app } = await testApp()));

  it('answers each resident by id; a bad resident does not fail the others', async () => {
    const res = await app.request(
      BATCH,
      postJson({
        ruleSetId: 'tiny',
        asOf: '2026-06-30',
        residents: [
          { id: 'r1', facts: { residenceMonths: 59 } },
          { id: 'r2', facts: { residenceMonths: -3, shoeSize: 42 } },
          { id: 'r3', facts: { residenceMonths: 200, birthDate: '2000-01-01' } },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ruleSetId: 'tiny', version: 1, evaluated: 2, failed: 1 });
    expect(body.results.map((r: { id: string }) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(body.results[0].summary).toMatchObject({ total: 14.75, indicators: { residence: 14.75, young: 0 } });
    expect(body.results[1].error.code).toBe('validation_failed');
    expect(body.results[1].error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'residents.1.facts.residenceMonths',
      'residents.1.facts.shoeSize',
    ]);
    expect(body.results[2].summary).toMatchObject({ total: 35, scenarios: { housing: { eligible: true } } });
  });

  it('refuses a resident with an impossible fact on its own, naming the field by its place in the batch', async () => {
    const res = await app.request(
      BATCH,
      postJson({ ruleSetId: 'tiny', asOf: '2026-06-30', residents: [{ id: 'born-later', facts: { birthDate: '2026-07-01' } }, { id: 'ok', facts: { birthDate: '2026-06-30' } }] }),
    );
    const body = await res.json();
    expect(body).toMatchObject({ evaluated: 1, failed: 1 });
    expect(body.results[0].error.fields).toEqual([expect.objectContaining({ path: 'residents.0.facts.birthDate', messageZh: expect.stringContaining('不得晚于评估日期') })]);
  });

  it('gives full evaluations on request', async () => {
    const res = await app.request(
      BATCH,
      postJson({ ruleSetId: 'tiny', asOf: '2026-06-30', detail: 'full', residents: [{ id: 'a', facts: { residenceMonths: 4 } }] }),
    );
    const body = await res.json();
    expect(body.results[0].evaluation).toMatchObject({
      total: 1,
      indicators: [{ id: 'residence', explanation: expect.stringContaining('4') }, { id: 'young', points: 0 }],
    });
  });

  it('refuses repeated ids, too many residents and unknown fields by path', async () => {
    const resident = { id: 'same', facts: {} };
    const repeated = await fails(
      await app.request(BATCH, postJson({ ruleSetId: 'tiny', asOf: '2026-06-30', residents: [resident, { ...resident, x: 1 }, resident] })),
      422,
      'validation_failed',
      ['residents.1.x', 'residents.1.id', 'residents.2.id'],
    );
    // Each repeat names the resident that had the id first, so that a caller finds both.
    expect(repeated.error.fields?.find((f) => f.path === 'residents.2.id')).toMatchObject({
      message: 'is repeated (residents.0.id is the same); every resident needs its own id',
      messageZh: '编号重复（与 residents.0.id 相同）；每位居民须有自己的编号',
    });
    const many = Array.from({ length: 10_001 }, (_, i) => ({ id: `r${i}`, facts: {} }));
    await fails(await app.request(BATCH, postJson({ ruleSetId: 'tiny', asOf: '2026-06-30', residents: many })), 422, 'validation_failed', [
      'residents',
    ]);
    await fails(await app.request(BATCH, postJson({ ruleSetId: 'nope', asOf: '2026-06-30', residents: [resident] })), 404, 'not_found', [
      'ruleSetId',
    ]);
  });

  it('accepts bodies far larger than a single evaluation, up to its own limit', async () => {
    const residents = Array.from({ length: 2_000 }, (_, i) => ({ id: `resident-${i}-${'0'.repeat(80)}`, facts: { residenceMonths: i % 130, birthDate: '1985-03-01' } }));
    const body = JSON.stringify({ ruleSetId: 'tiny', asOf: '2026-06-30', residents });
    expect(body.length).toBeGreaterThan(256 * 1024);
    const res = await app.request(BATCH, postJson(body));
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.evaluated).toBe(2_000);
    expect(answer.results[129].summary.indicators.residence).toBe(30);
    const tooBig = JSON.stringify({ ruleSetId: 'tiny', asOf: '2026-06-30', residents: [{ id: 'x', facts: { p: 'x'.repeat(17 * 1024 * 1024) } }] });
    await fails(await app.request(BATCH, postJson(tooBig)), 413, 'payload_too_large', []);
  });
});
