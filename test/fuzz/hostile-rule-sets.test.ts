import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The app first: it extends zod with `.openapi()` before the domain's schemas are built.
import { addStaff, lifecycleApp, signIn, type Browser } from '../support/callers/staff';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../server/src/platform/http/access';
import { resolveRuleSet } from '../../server/src/domain/rule-set/resolve';
import { parseRuleSet } from '../../server/src/domain/rule-set/validate';
import { ENGINES, evaluate } from '../../server/src/domain/scoring/evaluate';
import { parseFacts } from '../../server/src/domain/scoring/facts';
import { factsFor, HOSTILE } from './hostile-rule-set-docs';

describe('hostile rule sets', () => {
  let env: Awaited<ReturnType<typeof lifecycleApp>>;
  let editor: Browser;
  let app: OpenAPIHono<AppEnv>;
  beforeAll(async () => {
    env = await lifecycleApp();
    app = env.app;
    const user = await addStaff(env.ctx, 'fuzz.editor', ['editor']);
    editor = await signIn(app, user.username, user.password);
  });
  afterAll(() => env?.cleanup());

  // Refusing or scoring them must not hang: the test's time limit catches that. How long each takes, and the
  // heap it needs, are figures for `npm run bench` (a busy machine makes any fixed bound here fail at random).
  it.each(HOSTILE)('%s: refused at the field, or accepted and scored safely', async (_name, doc, refusedAt) => {
    const request = typeof doc === 'string' ? `{"document":${doc}}` : { document: doc };
    const res = await editor.call('POST', '/api/v1/rule-sets/validate', { body: request });
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { ok?: boolean; errors?: { path: string; message: string }[]; error?: { code: string; fields?: { path: string }[] } };

    const errors = body.errors ?? body.error?.fields ?? [];
    if (refusedAt) {
      expect(body.ok ?? false).toBe(false);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.some((e) => refusedAt.test(e.path)), JSON.stringify(errors.slice(0, 5))).toBe(true);
      return;
    }
    expect(body.ok, JSON.stringify(errors.slice(0, 5))).toBe(true);

    // Accepted: both evaluators score it finitely, and without touching Object.prototype.
    if (typeof doc === 'string') throw new Error('a document given as text is expected to be refused');
    const rs = resolveRuleSet(parseRuleSet(doc), []);
    const facts = parseFacts(rs, factsFor(rs));
    for (const engine of ENGINES) {
      const result = await evaluate(rs, facts, '2026-06-30', { engine });
      expect(Number.isFinite(result.total), `${engine} total ${result.total}`).toBe(true);
      expect(JSON.parse(JSON.stringify(result)).total).toBe(result.total);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});
