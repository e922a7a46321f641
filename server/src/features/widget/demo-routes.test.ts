import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addResident, widgetApp } from '../../../../test/support/apps/widget';
import { createLibsqlRuleSetRepository } from '../rule-sets/libsql-rule-set-repository';
import { createRuleSetResolver } from '../rule-sets/rule-set-resolver';
import { startWidgetDemo } from './widget-app';
import { widgetPin } from './widget-assets';
import { localDate } from '../../domain/local-date';

type Env = Awaited<ReturnType<typeof widgetApp>>;
const JIFEN = 'http://127.0.0.1:8787';

const attr = (html: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];

describe('/demo/school', () => {
  let env: Env;
  beforeEach(async () => (env = await widgetApp()));
  afterEach(() => env.cleanup());

  it('is a partner page with a strict CSP: no inline script or style, the widget and API from Jifen only', async () => {
    await startWidgetDemo(env.widget, createRuleSetResolver(createLibsqlRuleSetRepository(env.client)), [JIFEN]);
    const res = await env.app.request(`${JIFEN}/demo/school`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'self' ${JIFEN}`);
    expect(csp).toContain(`connect-src 'self' ${JIFEN}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await res.text();
    const { version, integrity } = widgetPin();
    // Pinned, as partners should: the versioned address with its SRI value.
    expect(html).toContain(`<script type="module" src="${JIFEN}/widget/v${version}/jifen-eligibility.js" integrity="${integrity}" crossorigin="anonymous"></script>`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(html).toContain('lang="zh-CN"');
    expect(await (await env.app.request(`${JIFEN}/demo/school?lang=en`)).text()).toContain('Check your points');
    for (const file of ['school.css', 'school.js']) expect((await env.app.request(`${JIFEN}/demo/${file}`)).status).toBe(200);
  });

  it('shows both modes with a key that works from the server origin, and a fresh key each start', async () => {
    await addResident(env.client, { name: '张小三', permitNumber: '330106199001011234', residenceRegistrationDate: '2024-01-01', facts: { socialInsuranceMonths: 30 } });
    await startWidgetDemo(env.widget, createRuleSetResolver(createLibsqlRuleSetRepository(env.client)), [JIFEN]);
    const html = await (await env.app.request(`${JIFEN}/demo/school`)).text();
    const key = attr(html, 'partner-key')!;
    const token = attr(html, 'resident-token')!;
    const call = (path: string, k = key) =>
      env.app.request(`${JIFEN}/api/v1/widget/scenarios/school-enrollment${path}`, { headers: { origin: JIFEN, 'x-jifen-key': k, 'x-jifen-resident-token': token } });
    expect((await call('')).status).toBe(200);
    const resident = await (await call('/resident')).json();
    expect(resident).toMatchObject({ mode: 'resident', resident: { name: '张*三' } });

    await startWidgetDemo(env.widget, createRuleSetResolver(createLibsqlRuleSetRepository(env.client)), [JIFEN]);
    expect((await call('')).status).toBe(401);
    const audit = await env.client.execute("SELECT actor, action FROM audit_log WHERE target LIKE 'partner:ptn-demo-school%' ORDER BY seq");
    expect(audit.rows.map((r) => `${r.actor} ${r.action}`)).toEqual(['system partner-created', 'system key-issued', 'system key-revoked', 'system key-issued']);
  });

  it("states the school scenario's bar of the version in force, and follows a new version", async () => {
    const ruleSets = createLibsqlRuleSetRepository(env.client);
    await startWidgetDemo(env.widget, createRuleSetResolver(ruleSets), [JIFEN]);
    const shipped = (await ruleSets.getVersion('district-sample', 2))!.document;
    const bar = shipped.scenarios.find((s) => s.id === 'school-enrollment')!.bar;
    expect(await (await env.app.request(`${JIFEN}/demo/school`)).text()).toContain(`总积分${bar}分以上`);

    const today = localDate(env.widget.now());
    const raised = structuredClone(shipped);
    Object.assign(raised, { version: 3, effectiveFrom: today });
    raised.scenarios.find((s) => s.id === 'school-enrollment')!.bar = bar + 5;
    await ruleSets.insertVersion({ document: raised, publishedAt: env.widget.now().toISOString(), publishedBy: 'zhang.editor', note: '分数线提高 5 分', approvedBy: 'li.approver' });
    const zh = await (await env.app.request(`${JIFEN}/demo/school`)).text();
    expect(zh).toContain(`总积分${bar + 5}分以上`);
    expect(zh).not.toContain(`总积分${bar}分以上`);
    expect(await (await env.app.request(`${JIFEN}/demo/school?lang=en`)).text()).toContain(`Families with ${bar + 5} points or more`);
  });

  it('answers 404 while the demo is not set up (JIFEN_DEMO=0)', async () => {
    expect((await env.app.request(`${JIFEN}/demo/school`)).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('describes the widget API with its partner-key security scheme', async () => {
    const env = await widgetApp();
    try {
      const doc = await (await env.app.request('/api/v1/openapi.json')).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/partners',
          '/api/v1/partners/{id}/keys',
          '/api/v1/widget/scenarios/{scenario}',
          '/api/v1/widget/scenarios/{scenario}/self-check',
          '/api/v1/widget/scenarios/{scenario}/resident',
          '/api/v1/widget-tokens',
          '/.well-known/jwks.json',
        ]),
      );
      expect(doc.components.securitySchemes.partnerKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Jifen-Key' });
    } finally {
      env.cleanup();
    }
  });
});
