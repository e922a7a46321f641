import type { Client } from '@libsql/client';
import type { Facts } from '../../../server/src/domain/scoring/types';
import type { PartnerScenario } from '../../../server/src/domain/eligibility/partners';
import { inTransaction } from '../../../server/src/platform/db/database';
import { partnerAdmin } from '../../../server/src/features/partners/partners-service';
import { createLibsqlResidentRepository } from '../../../server/src/features/residents/residents-repository';
import { issueCredential } from '../../../server/src/features/credentials/service-credentials';
import { Hono } from 'hono';
import { createApp } from '../../../server/src/app';
import { demoPageCsp, demoSchoolPage } from '../../../server/src/features/widget/demo-page';
import { createWidgetServices } from '../../../server/src/features/widget/widget-app';
import { widgetPin } from '../../../server/src/features/widget/widget-assets';
import type { LifecycleContext } from '../../../server/src/platform/db/context';
import { loadResidentTokenSecret } from '../../../server/src/features/credentials/resident-token-secret';
import { ensureBuilt } from './builds';
import type { CallerFactory } from '../callers/callers';
import { serveApp } from './serve-app';
import { seededDatabase } from '../databases/seeded-database';

/**
 * Builds `<jifen-eligibility>` (as `npm run build:widget` does, without the elements manifest) when
 * `widget/dist` is missing or older than its sources, under the lock every browser test's build takes.
 */
export function ensureWidgetBuilt(): void {
  ensureBuilt({ folder: 'widget', output: 'dist/jifen-eligibility.js', sources: ['widget/src', 'widget/vite.config.ts', 'server/src/domain'] });
}

/** The scenario the widget tests embed. */
export const SCHOOL: PartnerScenario = { ruleSetId: 'district-sample', scenarioId: 'school-enrollment' };

/**
 * Registers a partner and issues it a key, as an admin would.
 *
 * @example
 * const { partner, key } = await addPartner(client, { origins: ['http://127.0.0.1:5000'] });
 */
export async function addPartner(
  client: Client,
  options: { name?: string; origins?: string[]; scenarios?: PartnerScenario[]; now?: Date } = {},
) {
  const admin = partnerAdmin(client);
  const now = options.now ?? new Date();
  const partner = await admin.create(
    { name: options.name ?? '实验小学', origins: options.origins ?? ['https://school.example'], scenarios: options.scenarios ?? [SCHOOL] },
    'test.admin',
    now,
  );
  const { key, stored } = await admin.issueKey(partner.id, 'test.admin', now);
  return { partner, key, keyId: stored.id, admin };
}

/**
 * A resident on record with facts from a feed, e.g. the facts of a self-check, so both can be compared.
 *
 * @example
 * const id = await addResident(client, { name: '张小三', permitNumber: '330106199001011234', facts });
 */
export async function addResident(
  client: Client,
  input: { name: string; permitNumber: string; residenceRegistrationDate?: string; facts: Facts; at?: string },
): Promise<string> {
  const at = input.at ?? '2026-01-02T00:00:00.000Z';
  return inTransaction(client, async (tx) => {
    const repo = createLibsqlResidentRepository(tx);
    const resident = await repo.createResident(
      { name: input.name, permitNumber: input.permitNumber, ...(input.residenceRegistrationDate ? { residenceRegistrationDate: input.residenceRegistrationDate } : {}) },
      at,
    );
    const changes = Object.entries(input.facts).map(([fact, value]) => ({ fact, value }));
    if (changes.length > 0) await repo.appendFacts(resident.id, changes, { kind: 'feed', source: 'test', at });
    return resident.id;
  });
}

/** A service credential of the resident's own app (it asks for widget tokens). */
export async function residentAppCredential(client: Client): Promise<string> {
  const { token } = await inTransaction(client, (tx) =>
    issueCredential(tx, { purpose: 'resident-app', source: 'new-citizen-app', label: '新市民App', createdBy: 'test.admin', at: new Date().toISOString() }),
  );
  return token;
}

/** The access matrix's partner-site caller: a registered partner's key. */
export const partnerCaller: CallerFactory = async (env) => {
  const { key } = await addPartner(env.client, { name: 'matrix partner' });
  return { name: 'partner key', audience: 'partner', headers: { 'x-jifen-key': key } };
};

/** The access matrix's resident-app caller: a `resident-app` service credential. */
export const residentAppCaller: CallerFactory = async (env) => ({
  name: 'resident app',
  audience: 'service',
  headers: { authorization: `Bearer ${await residentAppCredential(env.client)}` },
});

/**
 * The app as `npm start` builds it — access control, staff accounts, the widget — over a real libsql file
 * in a temporary folder with the shipped rule sets, and a clock the test moves (2026-06-30 10:00 in China).
 *
 * @example
 * const env = await widgetApp(); await env.app.request('/.well-known/jwks.json'); env.cleanup();
 */
export async function widgetApp(options: { now?: string } = {}) {
  const { db, client, clock, ruleSets } = await seededDatabase(options.now ?? '2026-06-30T02:00:00Z');
  const widget = await createWidgetServices(client, { now: clock.now });
  const errors: unknown[] = [];
  const residents = { residentTokenSecret: await loadResidentTokenSecret(client, undefined, clock.now()) };
  const app = createApp({ ruleSets, database: client, now: clock.now, widget, residents, log: (_m, error) => errors.push(error) });
  const ctx: LifecycleContext = { db: client, ruleSets, now: clock.now };
  return { app, client, ctx, clock, widget, errors, url: db.url, cleanup: db.cleanup };
}

/**
 * A partner's own site on another origin of this machine: serves the demo school page at `/school`
 * (`?lang=en`, `?key=…` to use another key, `?token=` for resident mode) with the page's strict CSP,
 * loading the widget from the Jifen server at `jifen`.
 *
 * @example
 * const site = await partnerSite(jifenUrl, () => key); await page.goto(`${site.url}/school`); await site.close();
 */
export async function partnerSite(jifen: string, keyFor: () => string) {
  const app = new Hono();
  app.get('/school', (c) => {
    const lang = c.req.query('lang') === 'en' ? 'en' : 'zh-CN';
    const token = c.req.query('token');
    c.header('Content-Security-Policy', demoPageCsp(new URL(jifen).origin));
    return c.html(demoSchoolPage({ jifen, assets: jifen, partnerKey: c.req.query('key') ?? keyFor(), lang, pin: widgetPin(), ...(token ? { residentToken: token } : {}) }));
  });
  return serveApp(app);
}
