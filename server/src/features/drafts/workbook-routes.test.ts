import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../domain/drafts/draft';
import { XLSX_TYPE } from '../../domain/workbook';
import { addStaff, lifecycleApp, signIn, type Browser } from '../../../../test/support/callers/staff';

type Env = Awaited<ReturnType<typeof lifecycleApp>>;
const DRAFTS = '/api/v1/rule-sets/district-sample/drafts';

/** Opens the bytes with exceljs, changes cells as a person would in Excel, and saves. */
async function editInExcel(bytes: Uint8Array, change: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  change(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function cellOf(ws: ExcelJS.Worksheet, first: string, second: string | undefined, header: string): ExcelJS.Cell {
  const col = (ws.getRow(1).values as unknown[]).indexOf(header);
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) => {
    if (String(row.getCell(1).value) === first && (second === undefined || String(row.getCell(2).value) === second)) found ??= row.getCell(col);
  });
  if (!found) throw new Error(`no row ${first} ${second}`);
  return found;
}

describe('draft workbooks', () => {
  let env: Env;
  let zhang: Browser;
  let li: Browser;
  let draft: Draft;
  let etag: string;

  beforeEach(async () => {
    env = await lifecycleApp();
    zhang = await signIn(env.app, 'zhang', (await addStaff(env.ctx, 'zhang', ['editor'], ['XX区'])).password);
    li = await signIn(env.app, 'li', (await addStaff(env.ctx, 'li', ['approver'])).password);
    const res = await zhang.call('POST', DRAFTS, { body: {} });
    draft = await res.json();
    etag = res.headers.get('etag')!;
  });
  afterEach(() => env.cleanup());

  const download = async () => {
    const res = await zhang.call('GET', `${DRAFTS}/${draft.id}/workbook`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('etag')).toBe(etag);
    return new Uint8Array(await res.arrayBuffer());
  };
  const upload = (bytes: Uint8Array, options: { ifMatch?: string; who?: Browser; type?: string } = {}) =>
    (options.who ?? zhang).call('PUT', `${DRAFTS}/${draft.id}/workbook`, {
      body: bytes,
      contentType: options.type ?? XLSX_TYPE,
      headers: options.ifMatch === '' ? {} : { 'if-match': options.ifMatch ?? etag },
    });

  it('one cell changed in Excel and uploaded is exactly that change in the diff, saved like any edit', async () => {
    const bytes = await editInExcel(await download(), (book) => {
      cellOf(book.getWorksheet('指标 Indicators')!, '指标', 'goodSamaritan', '分值').value = 12;
    });
    const res = await upload(bytes);
    expect(res.status).toBe(200);
    const saved: Draft = await res.json();
    expect(saved.revision).toBe(draft.revision + 1);
    expect(res.headers.get('etag')).toBe(`"${draft.id}-${saved.revision}"`);
    expect(saved.cases.passed + saved.cases.failed).toBe(draft.cases.passed + draft.cases.failed);
    const diff = await (await zhang.call('GET', `/api/v1/rule-sets/district-sample/diff?from=2&to=draft:${draft.id}`)).json();
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'points-changed', target: 'indicator:goodSamaritan', before: 10, after: 12 });
  });

  it('an unchanged workbook changes nothing: same revision, same ETag, no audit entry', async () => {
    const audit = async () => (await env.ctx.db.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'draft-edited'")).rows[0]!.n;
    const before = await audit();
    const res = await upload(await download());
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(etag);
    expect((await res.json()).revision).toBe(draft.revision);
    expect(await audit()).toBe(before);
  });

  it('names sheet, row and column of unreadable cells and the row of invalid values; writes nothing', async () => {
    const bad = await editInExcel(await download(), (book) => {
      cellOf(book.getWorksheet('场景 Scenarios')!, 'school-enrollment', undefined, '名额').value = '很多';
    });
    const res = await upload(bad);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.fields[0].message).toMatch(/工作表「场景 Scenarios」第 \d+ 行「名额」列：「很多」不是数字/);
    expect(body.error.fields[0].message).toMatch(/Sheet "场景 Scenarios", row \d+, column "Places"/);
    const invalid = await editInExcel(await download(), (book) => {
      const ws = book.getWorksheet('分组 Groups')!;
      ws.getRow(3).getCell((ws.getRow(1).values as unknown[]).indexOf('上限')).value = -5;
    });
    const refused = await upload(invalid);
    expect(refused.status).toBe(422);
    const messages = ((await refused.json()).error.fields as { message: string }[]).map((f) => f.message);
    expect(messages.join('\n')).toContain('工作表「分组 Groups」第 3 行「上限」列 (sheet "分组 Groups", row 3, column "Cap")：');
    const now = await (await zhang.call('GET', `${DRAFTS}/${draft.id}`)).json();
    expect(now.revision).toBe(draft.revision);
  });

  it('asks for If-Match, refuses a stale one, other file types and approvers; a version downloads for anyone', async () => {
    const bytes = await download();
    expect((await upload(bytes, { ifMatch: '' })).status).toBe(428);
    expect((await upload(bytes, { ifMatch: `"${draft.id}-99"` })).status).toBe(412);
    expect((await upload(bytes, { type: 'application/json' })).status).toBe(415);
    expect((await upload(bytes, { who: li })).status).toBe(403);
    const junk = await upload(new TextEncoder().encode('not a workbook'));
    expect(junk.status).toBe(422);
    expect((await junk.json()).error.fields[0].message).toContain('文件不是 .xlsx 工作簿');
    const published = await env.app.request('/api/v1/rule-sets/district-sample/versions/1/workbook');
    expect(published.status).toBe(200);
    expect(published.headers.get('content-disposition')).toContain("filename*=UTF-8''district-sample-");
    expect((await env.app.request('/api/v1/rule-sets/district-sample/versions/9/workbook')).status).toBe(404);
  });
});
