import type { Client } from '@libsql/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server first: its HTTP schemas extend zod, and must do so before the domain's schemas are built.
import { startServer, type RunningServer } from '../../server/src/server';
import { maskName } from '../../server/src/domain/residents/mask';
import type { RuleSet } from '../../server/src/domain/rule-set/schema';
import { validateRuleSet } from '../../server/src/domain/rule-set/validate';
import { createLibsqlRuleSetRepository } from '../../server/src/features/rule-sets/libsql-rule-set-repository';
import { createLibsqlResidentRepository } from '../../server/src/features/residents/residents-repository';
import { applyToRound, closeAndRank, openScenarioRound, publishRanking, reviewApplication } from '../../server/src/features/rounds/round-steps';
import type { RoundActor } from '../../server/src/features/rounds/round-workflow';
import { createRuleSetResolver } from '../../server/src/features/rule-sets/rule-set-resolver';
import { launchBrowser } from '../support/browser/browser';
import { HOSTILE_TEXT, hostileRuleSet, injectedMarkup, watchDialogs } from '../support/data/hostile-text';
import { districtFacts } from '../support/data/round-facts';
import { addResident } from '../support/data/round-residents';
import { RULE_SETS_DIR } from '../support/data/rule-sets';
import { tempDatabase } from '../support/databases/temp-database';
import { addPartner, ensureWidgetBuilt, partnerSite, residentAppCredential, SCHOOL } from '../support/apps/widget';

/**
 * Hostile text where residents and the public read it: a published rule-set version whose every title,
 * description and test-case name is hostile (markup with handlers, script break-outs, bidi overrides,
 * prototype keys, 200-character titles), residents named the same way, the widget on a partner's page
 * under its strict CSP in both modes and both languages, and the public notice of a ranked list. Nothing
 * may run (no dialog), nothing may be injected, and the text must read exactly as written.
 */

const NAMES = { svg: HOSTILE_TEXT.svg, rtl: HOSTILE_TEXT.rtl, proto: HOSTILE_TEXT.proto, long: HOSTILE_TEXT.long.slice(0, 100) };

const db = tempDatabase();
let server: RunningServer;
let client: Client;
let browser: Browser;
let site: Awaited<ReturnType<typeof partnerSite>>;
let key: string;
let hostile: RuleSet;
let roundId: number;
let widgetToken: string;

beforeAll(async () => {
  ensureWidgetBuilt();
  server = await startServer({ port: 0, hostname: '127.0.0.1', database: { url: db.url }, ruleSetsDirectory: RULE_SETS_DIR });
  client = db.open();
  const ruleSets = createLibsqlRuleSetRepository(client);
  const shipped = (await ruleSets.getVersion('district-sample', 2))!.document;
  const provincial = (await ruleSets.getVersion('provincial-common', 2))!.document;
  hostile = { ...hostileRuleSet(shipped), version: 3, effectiveFrom: '2025-08-01' };
  // The validator accepts all of it: hostile text is not refused at the door, it has to be shown safely.
  expect(validateRuleSet(hostile, [provincial])).toMatchObject({ ok: true });
  await ruleSets.insertVersion({ document: hostile, publishedAt: '2025-08-01T00:00:00Z', publishedBy: 'test', note: HOSTILE_TEXT.script });

  const residents = createLibsqlResidentRepository(client);
  for (const [i, name] of Object.values(NAMES).entries()) {
    await addResident(residents, `res-h${i}`, name, districtFacts({ volunteerHours: 100 + i * 20 }), `33010619900101${String(1000 + i)}`);
  }
  const deps = { client, resolver: createRuleSetResolver(ruleSets) };
  const at = (day: string, actor = 'zhao.reviewer'): RoundActor => ({ actor, departments: ['*'], now: new Date(`${day}T02:00:00Z`) });
  const round = await openScenarioRound(deps, { ruleSetId: 'district-sample', scenarioId: 'social-welfare', places: 2, opensOn: '2025-09-01', closesOn: '2025-09-19' }, at('2025-08-28'));
  for (const id of Object.keys(NAMES).map((_, i) => `res-h${i}`)) {
    const application = await applyToRound(deps, round.id, { residentId: id }, at('2025-09-02', id));
    await reviewApplication(deps, round.id, application.id, { outcome: 'accepted' }, at('2025-09-20'));
  }
  await closeAndRank(deps, round.id, at('2025-09-22'));
  await publishRanking(deps, round.id, at('2025-09-30'));
  roundId = round.id;

  site = await partnerSite(server.url, () => key);
  const added = await addPartner(client, { origins: [site.url], scenarios: [SCHOOL] });
  key = added.key;
  const res = await fetch(`${server.url}/api/v1/widget-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await residentAppCredential(client)}` },
    body: JSON.stringify({ residentId: 'res-h0', ruleSetId: SCHOOL.ruleSetId, scenarioId: SCHOOL.scenarioId, partnerId: added.partner.id, origin: site.url, consent: true }),
  });
  expect(res.status).toBe(201);
  widgetToken = ((await res.json()) as { token: string }).token;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
  db.cleanup();
});

const WAIT = { timeout: 15_000 };
const school = () => hostile.scenarios.find((s) => s.id === 'school-enrollment')!;
const fact = (id: string) => hostile.facts.find((f) => f.id === id)!;

async function open(url: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const dialogs = watchDialogs(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, dialogs, errors };
}

describe('hostile text in the widget and on the public notice', () => {
  it('would be caught if it were ever treated as markup (control)', async () => {
    const page = await browser.newPage();
    const dialogs = watchDialogs(page);
    await page.setContent(`<main>${HOSTILE_TEXT.img}</main><div id="host"></div>`);
    await page.evaluate((svg) => {
      document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = svg;
    }, HOSTILE_TEXT.svg);
    await expect.poll(() => dialogs, WAIT).toContain('img');
    expect(await injectedMarkup(page)).toEqual(
      expect.arrayContaining(['<img> in the document', 'onerror= on <img> in the document', "<svg> in <div>'s shadow root", "onload= on <svg> in <div>'s shadow root"]),
    );
    await page.close();
  });

  it('stays text in the self-check: scenario title, questions, choices, the breakdown', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page, dialogs, errors } = await open(`${site.url}/school${lang === 'en' ? '?lang=en' : ''}`);
      const widget = page.locator('#self-check');
      await widget.getByRole('heading', { name: school().title[lang], exact: true }).waitFor(WAIT);
      // The questions are labelled with the hostile fact titles, verbatim.
      await widget.getByText(fact('accompanyingChildren').title[lang]).first().waitFor(WAIT);
      await widget.getByText(fact('residenceRegistrationDate').title[lang]).first().waitFor(WAIT);
      // Facts the bar depends on least are folded away: open them, as a visitor with more to tell would.
      for (const summary of await widget.locator('form details > summary').all()) await summary.click();
      await widget.locator('input[name=socialInsuranceMonths]').fill('40');
      await widget.locator('input[name=residenceRegistrationDate]').fill('2020-01-01');
      await widget.locator('input[name=accompanyingChildren]').fill('1');
      await widget.locator('input[name=birthDate]').fill('1990-05-01');
      await widget.locator('select[name=education]').selectOption('bachelor');
      // District points too, so that the breakdown lists district indicators (their titles are hostile).
      await widget.locator('input[name=appRegistered]').check();
      await widget.locator('select[name=employmentStatus]').selectOption('contract');
      await widget.locator('select[name=housing]').selectOption('owned');
      await widget.locator('[part=submit]').click();
      await widget.locator('[part=verdict]').waitFor(WAIT);
      await widget.locator('[part=breakdown] summary').click();
      const rows = await widget.locator('[part=breakdown] th').allInnerTexts();
      // The district’s indicators carry hostile titles (the provincial ones it includes do not): verbatim.
      const titles = new Set(hostile.indicators.map((i) => i.title[lang]));
      expect(rows.filter((row) => titles.has(row)).length).toBeGreaterThanOrEqual(2);
      // The rule set's title, shown where the result says what it rests on (a choice of a list may read the same).
      await widget.getByText(hostile.title[lang]).filter({ visible: true }).first().waitFor(WAIT);

      expect(await injectedMarkup(page)).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("stays text in resident mode, with the resident's hostile name masked", async () => {
    const { page, dialogs, errors } = await open(`${site.url}/school?token=${encodeURIComponent(widgetToken)}`);
    const widget = page.locator('#resident');
    await widget.getByRole('heading', { name: school().title.zh, exact: true }).waitFor(WAIT);
    const resident = widget.locator('[part=resident]');
    await resident.waitFor(WAIT);
    expect(await resident.innerText()).toContain(maskName(NAMES.svg));
    expect(await resident.innerText()).not.toContain(NAMES.svg);
    expect(await injectedMarkup(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays text on the public notice of a ranked list', async () => {
    const title = hostile.scenarios.find((s) => s.id === 'social-welfare')!.title;
    const { page, dialogs, errors } = await open(`${server.url}/public/rounds/${roundId}`);
    expect(await page.locator('h1').innerText()).toContain(title.zh);
    const cells = (await page.locator('tbody tr').allInnerTexts()).join('\n');
    for (const name of Object.values(NAMES)) expect(cells).toContain(maskName(name));
    expect(await injectedMarkup(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
