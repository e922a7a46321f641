import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycleApp } from '../../../../test/support/callers/staff';
import { ACCESS } from '../../platform/http/access';

describe('OpenAPI document of the lifecycle routes', () => {
  let env: Awaited<ReturnType<typeof lifecycleApp>>;
  beforeAll(async () => {
    env = await lifecycleApp();
  });
  afterAll(() => env.cleanup());

  it('describes every account, draft, diff and audit route from the same schemas the routes validate with', async () => {
    const res = await env.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    const lifecycle = Object.keys(ACCESS).filter((key) => /\/api\/v1\/(auth|users|audit|rule-sets\/(validate|\{id\}\/(drafts|diff)))/.test(key));
    expect(lifecycle.length).toBeGreaterThanOrEqual(19);
    for (const key of lifecycle) {
      const [method, path] = key.split(' ') as [string, string];
      expect(doc.paths[path]?.[method.toLowerCase()], key).toBeDefined();
    }
    const patch = doc.paths['/api/v1/rule-sets/{id}/drafts/{draftId}'].patch;
    expect(Object.keys(patch.requestBody.content)).toEqual(['application/json-patch+json']);
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '412', '428']));
    expect(doc.components.schemas).toHaveProperty('Draft');
    expect(doc.components.schemas).toHaveProperty('AuditEntry');
    expect(doc.components.schemas.VersionMeta.properties).toHaveProperty('approvedBy');
  });
});
