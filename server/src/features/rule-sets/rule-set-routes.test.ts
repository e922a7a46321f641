import { beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/support/apps/test-app';
import { createApp } from '../../app';
import { contentHash } from '../../domain/rule-set/hash';
import { ENGINES } from '../../domain/scoring/evaluate';
import { createMemoryRuleSetRepository } from './memory-rule-set-repository';

type App = Awaited<ReturnType<typeof testApp>>['app'];

describe('rule-set routes', () => {
  let app: App;
  beforeEach(async () => ({ app } = await testApp()));

  it('lists rule sets with their latest version', async () => {
    const res = await app.request('/api/v1/rule-sets');
    expect(res.status).toBe(200);
    const { ruleSets } = await res.json();
    expect(ruleSets.map((s: { id: string; latest: { version: number } }) => [s.id, s.latest.version])).toEqual([
      ['tiny', 2],
      ['tiny-district', 1],
    ]);
    expect(ruleSets[0]).toMatchObject({ title: { zh: '测试规则', en: 'Tiny rules' }, latest: { effectiveFrom: '2027-01-01', note: 'double residence points' } });
  });

  it('reads one rule set and its versions', async () => {
    const one = await (await app.request('/api/v1/rule-sets/tiny')).json();
    expect(one).toMatchObject({ id: 'tiny', owner: 'Test', latest: { version: 2 } });
    expect(one.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const versions = await (await app.request('/api/v1/rule-sets/tiny/versions')).json();
    expect(versions).toEqual({ ruleSetId: 'tiny', versions: one.versions });
    expect(versions.versions[0]).toMatchObject({ effectiveFrom: '2026-01-01', publishedBy: 'test', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('reads one version: document, metadata and a hash that matches the document', async () => {
    const res = await app.request('/api/v1/rule-sets/tiny/versions/2');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ruleSetId: 'tiny', version: 2, effectiveFrom: '2027-01-01', note: 'double residence points' });
    expect(body.document).toMatchObject({ id: 'tiny', version: 2, indicators: [{ id: 'residence', points: 0.5 }, { id: 'young' }] });
    expect(contentHash(body.document)).toBe(body.hash);
  });

  it('answers 404 naming the unknown id or version, 422 naming a malformed one', async () => {
    for (const [path, status, field] of [
      ['/api/v1/rule-sets/nope', 404, 'id'],
      ['/api/v1/rule-sets/nope/versions', 404, 'id'],
      ['/api/v1/rule-sets/nope/versions/1', 404, 'id'],
      ['/api/v1/rule-sets/tiny/versions/3', 404, 'version'],
      ['/api/v1/rule-sets/tiny/versions/0', 422, 'version'],
      ['/api/v1/rule-sets/tiny/versions/two', 422, 'version'],
      ['/api/v1/rule-sets/Not_An-Id!/versions', 422, 'id'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(status);
      const body = await res.json();
      expect(body.error.fields.map((f: { path: string }) => f.path), path).toEqual([field]);
    }
  });

  it('serves the JSON Schema of the rule-set format', async () => {
    const res = await app.request('/api/v1/rule-sets/schema.json');
    expect(res.status).toBe(200);
    const schema = await res.json();
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'effectiveFrom', 'title']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['indicators', 'scenarios', 'includes']));
  });
});

describe('the rest of the API surface', () => {
  it('answers JSON 404 for unknown routes and methods', async () => {
    const { app } = await testApp();
    for (const [method, path] of [
      ['GET', '/api/v1/nothing'],
      ['DELETE', '/api/v1/rule-sets/tiny'],
      ['GET', '/api/v1/evaluate'],
    ] as const) {
      const res = await app.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });

  it('answers healthz', async () => {
    const { app } = await testApp();
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document built from the route schemas, and a reference page', async () => {
    const { app } = await testApp();
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/evaluate',
        '/api/v1/evaluate/batch',
        '/api/v1/rule-sets',
        '/api/v1/rule-sets/{id}',
        '/api/v1/rule-sets/{id}/versions',
        '/api/v1/rule-sets/{id}/versions/{version}',
        '/api/v1/rule-sets/schema.json',
        '/healthz',
      ]),
    );
    const request = doc.components.schemas.EvaluateRequest;
    expect(request.required).toEqual(expect.arrayContaining(['ruleSetId', 'asOf', 'facts']));
    expect(request.additionalProperties).toBe(false);
    expect(request.properties.engine.enum).toEqual([...ENGINES]);
    expect(ENGINES).toContain('reference');
    expect(Object.keys(doc.paths['/api/v1/evaluate'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '413', '415', '422']));

    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/api/v1/openapi.json');
  });

  it('answers 500 without details to an unexpected failure, and logs it', async () => {
    const repo = createMemoryRuleSetRepository();
    const errors: unknown[] = [];
    const broken = { ...repo, listRuleSets: () => Promise.reject(new Error('disk on fire')) };
    const app = createApp({ ruleSets: broken, log: (_m, e) => errors.push(e) });
    const res = await app.request('/api/v1/rule-sets');
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('disk on fire');
    expect(errors).toEqual([expect.objectContaining({ message: 'disk on fire' })]);
  });
});
