import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../../test/support/browser/browser';
import { roundApp } from '../../../../test/support/apps/round-app';
import { districtFacts } from '../../../../test/support/data/round-facts';
import { addResident } from '../../../../test/support/data/round-residents';
import { serveApp } from '../../../../test/support/apps/serve-app';
import type { RuleSet } from '../../domain/rule-set/schema';
import { XLSX_TYPE, xlsxToSheets } from '../../domain/workbook';
import { applyToRound, closeAndRank, openScenarioRound, publishRanking, reviewApplication } from './round-steps';
import type { RoundActor, RoundDeps } from './round-workflow';

const HOSTILE_TITLE = '<img src=x onerror="document.title=\'pwned\'">社会福利';
let env: Awaited<ReturnType<typeof roundApp>>;
let roundId: number;
let openId: number;
let familyId: number;

beforeAll(async () => {
  env = await roundApp('2025-09-30T02:00:00Z');
  // A version whose scenario title is hostile: the page must show it as text.
  const shipped = (await env.ctx.ruleSets.getVersion('district-sample', 2))!.document;
  const document: RuleSet = {
    ...shipped,
    version: 3,
    effectiveFrom: '2025-08-01',
    scenarios: shipped.scenarios.map((s) => (s.id === 'social-welfare' ? { ...s, title: { zh: HOSTILE_TITLE, en: '<script>alert(1)</script>' } } : s)),
  };
  await env.ctx.ruleSets.insertVersion({ document, publishedAt: '2025-08-01T00:00:00Z', publishedBy: 'test', note: 'hostile title' });
  await addResident(env.residents, 'res-1', '张小三', districtFacts({ volunteerHours: 200 }), '330106199001011234');
  await addResident(env.residents, 'res-2', '<b>', districtFacts({ volunteerHours: 100 }), '330106199202025678');
  await addResident(env.residents, 'res-3', '"&<', districtFacts({ insuranceMonths: 30 }), '330106199303039012'); // 85: short of the bar

  const deps: RoundDeps = { client: env.client, resolver: (await import('../rule-sets/rule-set-resolver')).createRuleSetResolver(env.ctx.ruleSets) };
  const at = (day: string, actor = 'zhao.reviewer'): RoundActor => ({ actor, departments: ['*'], now: new Date(`${day}T02:00:00Z`) });
  const round = await openScenarioRound(deps, { ruleSetId: 'district-sample', scenarioId: 'social-welfare', places: 1, opensOn: '2025-09-01', closesOn: '2025-09-19' }, at('2025-08-28'));
  for (const id of ['res-1', 'res-2', 'res-3']) {
    const a = await applyToRound(deps, round.id, { residentId: id }, at('2025-09-02', id));
    await reviewApplication(deps, round.id, a.id, { outcome: 'accepted' }, at('2025-09-20'));
  }
  await closeAndRank(deps, round.id, at('2025-09-22'));
  await publishRanking(deps, round.id, at('2025-09-30'));
  roundId = round.id;

  // A child-related round: one family applies for two children, and a single parent for a hostile-named child.
  await addResident(env.residents, 'res-yao', '姚丽', districtFacts({ insuranceMonths: 30 }), '330106198801018058'); // 85
  await addResident(env.residents, 'res-chen', '陈大伟', districtFacts({ volunteerHours: 200 }), '330106198702023456'); // 120
  await addResident(env.residents, 'res-wu', '吴三', districtFacts({ volunteerHours: 150 }), '330106198503037777'); // 115: short of 120
  await env.residents.linkSpouses('res-yao', 'res-chen', '2025-08-01T00:00:00Z');
  const ming = await env.residents.addChild({ name: '姚小明', birthDate: '2019-03-01', parentIds: ['res-yao', 'res-chen'] });
  const hong = await env.residents.addChild({ name: '姚小红', birthDate: '2020-05-01', parentIds: ['res-yao', 'res-chen'] });
  const hostileChild = await env.residents.addChild({ name: '<b>吴', birthDate: '2019-07-01', parentIds: ['res-wu'] });
  const school = await openScenarioRound(deps, { ruleSetId: 'district-sample', scenarioId: 'school-enrollment', places: 2, opensOn: '2025-09-01', closesOn: '2025-09-19' }, at('2025-08-28'));
  for (const [residentId, childId] of [['res-yao', ming.id], ['res-yao', hong.id], ['res-wu', hostileChild.id]] as const) {
    const a = await applyToRound(deps, school.id, { residentId, childId }, at('2025-09-02', residentId));
    await reviewApplication(deps, school.id, a.id, { outcome: 'accepted' }, at('2025-09-20'));
  }
  await closeAndRank(deps, school.id, at('2025-09-22'));
  await publishRanking(deps, school.id, at('2025-09-30'));
  familyId = school.id;
  openId = (await openScenarioRound(deps, { ruleSetId: 'district-sample', scenarioId: 'healthcare', opensOn: '2025-10-01', closesOn: '2025-10-31' }, at('2025-09-30'))).id;
});
afterAll(() => env.cleanup());

describe('the public notice of a ranked list', () => {
  it('answers JSON anonymously with masked names and permit numbers and no resident ids', async () => {
    const res = await env.app.request(`/api/v1/public/rounds/${roundId}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.entries.map((e: { maskedName: string; maskedPermit: string; position?: number }) => [e.position, e.maskedName, e.maskedPermit])).toEqual([
      [1, '张*三', '3301**********1234'],
      [2, '<*>', '3301**********5678'],
      [undefined, '"*<', '3301**********9012'],
    ]);
    const text = JSON.stringify(body);
    for (const secret of ['res-1', 'res-2', '张小三', '330106199001011234', 'applicationId', 'residentId']) expect(text).not.toContain(secret);
    expect((await env.app.request(`/api/v1/public/rounds/${openId}`)).status).toBe(404);
    const list = await (await env.app.request('/api/v1/public/rounds')).json();
    expect(list.rounds.map((r: { id: number }) => r.id)).toEqual([familyId, roundId]);
  });

  it('renders a page in Chinese first with security headers, escaping every value', async () => {
    const res = await env.app.request(`/public/rounds/${roundId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const page = await res.text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;社会福利积分排名公示');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<td>&lt;*&gt;</td>');
    expect(page).toContain('<td>&quot;*&lt;</td>');
    expect(page).not.toMatch(/<img|<script|<b>/);
    expect(page).toContain('张*三');
    expect(page).not.toContain('张小三');
    // A round without a public list: the same 404, as a page for a browser and as JSON for a program.
    const unpublished = await env.app.request(`/public/rounds/${openId}`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(unpublished.status).toBe(404);
    expect(unpublished.headers.get('content-type')).toMatch(/^text\/html/);
    const missingPage = await unpublished.text();
    expect(missingPage).toContain('页面不存在 <span class="en">Page not found</span>');
    expect(missingPage).toContain(`Rounds: round ${openId} has no published list`);
    expect(missingPage).toContain('<li><code>id</code> 这一轮还没有公布名单 <span class="en">no published round</span></li>');
    const unpublishedJson = await env.app.request(`/public/rounds/${openId}`);
    expect(unpublishedJson.status).toBe(404);
    expect((await unpublishedJson.json()).error.code).toBe('not_found');
    const css = await env.app.request('/public/assets/notice.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('names the child (masked) on each line of a child-related list, so that one family\'s two lines differ', async () => {
    const body = await (await env.app.request(`/api/v1/public/rounds/${familyId}`)).json();
    expect(body.round.childRelated).toBe(true);
    type Entry = { position?: number; tied: boolean; maskedName: string; maskedChildName?: string; maskedPermit: string; score: number; spouseCounted: boolean };
    expect(body.entries.map((e: Entry) => [e.position, e.tied, e.maskedName, e.maskedChildName, e.maskedPermit, e.score, e.spouseCounted])).toEqual([
      [1, true, '姚*', '姚*明', '3301**********8058', 120, true],
      [1, true, '姚*', '姚*红', '3301**********8058', 120, true],
      [undefined, false, '吴*', '<**吴', '3301**********7777', 115, false],
    ]);
    const text = JSON.stringify(body);
    for (const secret of ['姚小明', '姚小红', '<b>吴', 'res-yao', 'childId']) expect(text).not.toContain(secret);
    // A round that is not for children has no child field.
    const plain = await (await env.app.request(`/api/v1/public/rounds/${roundId}`)).json();
    expect(plain.entries.some((e: Entry) => 'maskedChildName' in e)).toBe(false);

    const page = await (await env.app.request(`/public/rounds/${familyId}`)).text();
    expect(page).toContain('<th>子女 <span class="en">Child</span></th>');
    expect(page).toContain('<td>姚*</td><td>姚*明</td><td>3301**********8058</td><td class="num">120.00*</td>');
    expect(page).toContain('<td>姚*</td><td>姚*红</td><td>3301**********8058</td><td class="num">120.00*</td>');
    expect(page).toContain('<td>吴*</td><td>&lt;**吴</td>');
    expect(page).not.toMatch(/姚小明|姚小红|<b>/);
    expect(page).toContain('积分后的 * 表示计入的是另一方父母（配偶）的积分');
    expect(await (await env.app.request(`/public/rounds/${roundId}`)).text()).not.toContain('子女');
  });

  it('exports the same masked list as Excel and CSV, for the record', async () => {
    const notice = await (await env.app.request(`/api/v1/public/rounds/${familyId}`)).json();
    const csv = await env.app.request(`/api/v1/public/rounds/${familyId}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('名次 Rank,姓名 Name,子女 Child,居住证号 Permit,积分 Points,就高原则 Spouse counted,结果 Result,原名次 Was');
    for (const e of notice.entries) expect(text).toContain(`${e.maskedName},${e.maskedChildName},${e.maskedPermit},${e.score}`);
    for (const plain of ['姚丽', '陈大伟', '姚小明', '330106198801018058']) expect(text).not.toContain(plain);
    const xlsx = await env.app.request(`/api/v1/public/rounds/${roundId}/export`);
    expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
    const [sheet] = await xlsxToSheets(new Uint8Array(await xlsx.arrayBuffer()));
    const plainRound = await (await env.app.request(`/api/v1/public/rounds/${roundId}`)).json();
    expect(sheet!.rows.slice(1).map((r) => r[1])).toEqual([...plainRound.entries.filter((e: { eligible: boolean }) => e.eligible), ...plainRound.entries.filter((e: { eligible: boolean }) => !e.eligible)].map((e: { maskedName: string }) => e.maskedName));
    expect((await env.app.request(`/api/v1/public/rounds/${openId}/export`)).status).toBe(404);
  });

  it('stays inert in a real browser: the hostile title and names are text, nothing runs', async () => {
    const served = await serveApp(env.app);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${served.url}/public/rounds/${roundId}`);
      expect(await page.title()).toBe(`${HOSTILE_TITLE}积分排名公示 · <script>alert(1)</script>`);
      expect(await page.locator('h1').innerText()).toContain(HOSTILE_TITLE);
      expect(await page.locator('img, script, b').count()).toBe(0);
      expect(await page.locator('tbody tr').allInnerTexts()).toEqual([
        expect.stringMatching(/^1\t张\*三\t3301\*{10}1234\t120\.00\t拟录取 Admitted/),
        expect.stringMatching(/^2\t<\*>\t3301\*{10}5678\t110\.00\t未录取 Not admitted/),
        expect.stringMatching(/^—\t"\*<\t3301\*{10}9012\t85\.00\t未达条件 Not eligible/),
      ]);
      // The stylesheet loaded under the page's CSP (no inline style needed).
      expect(await page.locator('main').evaluate((el) => getComputedStyle(el).maxWidth)).toBe('960px');
      await page.goto(`${served.url}/public/rounds/${familyId}`);
      expect(await page.locator('thead th').allInnerTexts()).toEqual(['名次 Rank', '姓名 Name', '子女 Child', '居住证号 Permit', '积分 Points', '结果 Result', '变动 Change']);
      expect(await page.locator('tbody tr').allInnerTexts()).toEqual([
        expect.stringMatching(/^1=\t姚\*\t姚\*明\t3301\*{10}8058\t120\.00\*\t拟录取 Admitted/),
        expect.stringMatching(/^1=\t姚\*\t姚\*红\t3301\*{10}8058\t120\.00\*\t拟录取 Admitted/),
        expect.stringMatching(/^—\t吴\*\t<\*\*吴\t3301\*{10}7777\t115\.00\t未达条件 Not eligible/),
      ]);
      expect(await page.locator('b, img, script').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
    }
  });
});
