import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { diffRuleSets } from '../diff/diff';
import { JifenError } from '../errors';
import { contentHash } from '../rule-set/hash';
import type { RuleSet } from '../rule-set/schema';
import { ruleSetToSheets, sheetsToRuleSet, sheetsToXlsx, xlsxToSheets } from './index';

const shipped = loadShippedRuleSets();
const district = shipped.get('district-sample@1')!.root;
const provincial = shipped.get('provincial-common@1')!.root;
const includedBy = (doc: RuleSet) => (doc.id === 'district-sample' ? [provincial] : []);

const download = (doc: RuleSet) => sheetsToXlsx(ruleSetToSheets(doc, includedBy(doc)));
const upload = async (bytes: Uint8Array, base: RuleSet) => sheetsToRuleSet(await xlsxToSheets(bytes), base, includedBy(base)).document;

/** Opens real xlsx bytes with exceljs, lets a test change cells as a person would in Excel, saves. */
async function editInExcel(bytes: Uint8Array, change: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  change(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The row whose cells in the given columns say the given values (1-based, as Excel numbers rows). */
function findRow(ws: ExcelJS.Worksheet, match: Record<number, string>): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (Object.entries(match).every(([c, v]) => String(row.getCell(Number(c)).value) === v)) found ??= row;
  });
  if (!found) throw new Error(`no row ${JSON.stringify(match)}`);
  return found;
}

const column = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);

async function refusal(promise: Promise<unknown>): Promise<JifenError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(JifenError);
  return error as JifenError;
}

describe('rule-set workbook', () => {
  it.each([district, provincial])('an unchanged workbook of $id changes nothing', async (doc) => {
    const back = await upload(await download(doc), doc);
    expect(contentHash(back)).toBe(contentHash(doc));
    expect(diffRuleSets(doc, back).changes).toEqual([]);
  });

  it('has a sheet per part with Chinese headers first and English second', async () => {
    const sheets = await xlsxToSheets(await download(district));
    expect(sheets.map((s) => s.name)).toEqual(['说明 About', '分组 Groups', '指标 Indicators', '场景 Scenarios', '测试用例 Test cases']);
    const indicators = sheets[2]!;
    expect(indicators.rows[0]).toContain('分值');
    expect(indicators.rows[1]).toContain('Points');
    const tier = indicators.rows.find((r) => r[0] === '档次' && r[1] === 'employment');
    expect(tier).toBeDefined();
    const cases = sheets[4]!.rows;
    expect(cases.some((r) => r[1] === '输入')).toBe(true);
    expect(cases.some((r) => r[1] === '预期' && r[2] === 'total')).toBe(true);
  });

  it('one cell edited in Excel is exactly one change in the diff', async () => {
    const bytes = await editInExcel(await download(district), (book) => {
      const ws = book.getWorksheet('指标 Indicators')!;
      findRow(ws, { 1: '指标', 2: 'goodSamaritan' }).getCell(column(ws, '分值')).value = 12;
    });
    const back = await upload(bytes, district);
    const { changes, patch } = diffRuleSets(district, back);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'points-changed', target: { id: 'goodSamaritan' }, before: 10, after: 12 });
    expect(patch).toEqual([{ op: 'replace', path: `/indicators/${district.indicators.findIndex((i) => i.id === 'goodSamaritan')}/points`, value: 12 }]);
  });

  it('keeps what the sheets do not show, and deletes a tier whose row was deleted', async () => {
    const bytes = await editInExcel(await download(district), (book) => {
      const ws = book.getWorksheet('指标 Indicators')!;
      ws.spliceRows(findRow(ws, { 1: '档次', 2: 'employment' }).number, 1);
      findRow(ws, { 1: '指标', 2: 'volunteerService' }).getCell(column(ws, '封顶')).value = 25;
    });
    const back = await upload(bytes, district);
    const before = district.indicators.find((i) => i.id === 'employment');
    const after = back.indicators.find((i) => i.id === 'employment');
    expect(before?.kind === 'tiers' && after?.kind === 'tiers' && after.tiers.length).toBe(before?.kind === 'tiers' && before.tiers.length - 1);
    const volunteer = back.indicators.find((i) => i.id === 'volunteerService');
    expect(volunteer).toMatchObject({ cap: 25, ledger: district.indicators.find((i) => i.id === 'volunteerService')!.ledger });
    back.scenarios.forEach((s, i) => expect(s).toBe(district.scenarios[i]));
  });

  it('names sheet, row and column of every unreadable cell, in Chinese and English', async () => {
    let row = 0;
    const bytes = await editInExcel(await download(district), (book) => {
      const ws = book.getWorksheet('指标 Indicators')!;
      const r = findRow(ws, { 1: '指标', 2: 'goodSamaritan' });
      row = r.number;
      r.getCell(column(ws, '分值')).value = '十分';
      findRow(ws, { 1: '指标', 2: 'seriousMisconduct' }).getCell(column(ws, '条件（只读）')).value = '随便';
      findRow(ws, { 1: '指标', 2: 'registration' }).getCell(column(ws, '分值')).value = 12;
      const sc = book.getWorksheet('场景 Scenarios')!;
      findRow(sc, { 1: 'school-enrollment' }).getCell(column(sc, '分数线')).value = null;
    });
    const error = await refusal(upload(bytes, district));
    expect(error.code).toBe('validation_failed');
    const messages = error.fields!.map((f) => f.message);
    expect(messages).toHaveLength(4);
    const all = messages.join('\n');
    expect(all).toContain(`工作表「指标 Indicators」第 ${row} 行「分值」列：「十分」不是数字`);
    expect(all).toContain(`Sheet "指标 Indicators", row ${row}, column "Points": "十分" is not a number`);
    expect(all).toContain('「条件（只读）」列：此列只读');
    expect(all).toContain('「分值」列：此行（指标，分档）不使用此列，请清空');
    expect(all).toContain('「分数线」列：必须填写数字');
  });

  it('refuses a workbook of another rule set, new rows it cannot build, and bytes that are not a workbook', async () => {
    const other = await refusal(upload(await download(provincial), district));
    expect(other.fields!.map((f) => f.message).join('\n')).toContain('此工作簿属于规则集「provincial-common」，不是「district-sample」');
    const added = await editInExcel(await download(district), (book) => {
      const ws = book.getWorksheet('场景 Scenarios')!;
      ws.addRow(['new-scenario', '新场景', 'New', '某局', 10, 5]);
    });
    expect((await refusal(upload(added, district))).fields![0]!.message).toContain('没有编号为「new-scenario」的场景');
    const junk = await refusal(upload(new TextEncoder().encode('not a zip'), district));
    expect(junk.fields![0]!.message).toContain('文件不是 .xlsx 工作簿');
  });
});

describe('a scoped test case in the workbook', () => {
  const typical = district.cases.find((c) => c.id === 'typical-at-school-bar')!;
  const scoped: RuleSet = {
    ...district,
    cases: [
      ...district.cases,
      { ...typical, id: 'about-tax', title: '纳税得分 / tax points', scope: { about: 'indicator', indicator: 'tax' }, expect: { indicators: { tax: 3 } } },
      { ...typical, id: 'about-schooling', title: '入学与住房资格', scope: { about: 'eligibility', scenarios: ['school-enrollment', 'housing-support'] }, expect: { scenarios: { 'school-enrollment': true, 'housing-support': true }, shortBy: { 'school-enrollment': 0 } } },
    ],
  };

  it('shows its scope as 核对范围 rows a person can read, and comes back unchanged', async () => {
    const sheets = await xlsxToSheets(await download(scoped));
    const scopeRows = sheets[4]!.rows.filter((r) => r[1] === '核对范围').map((r) => [r[0], r[2], r[3]]);
    expect(scopeRows).toEqual([
      ['about-tax', 'indicator:tax', '纳税得分'],
      ['about-schooling', 'scenario:school-enrollment', '随迁子女教育 资格'],
      ['about-schooling', 'scenario:housing-support', '住房保障 资格'],
    ]);
    const back = await upload(await download(scoped), scoped);
    expect(contentHash(back)).toBe(contentHash(scoped));
    expect(back.cases.at(-1)).toEqual(scoped.cases.at(-1));
    expect(sheets[4]!.rows.find((r) => r[0] === 'about-schooling' && r[2] === 'shortBy:school-enrollment')?.slice(3)).toEqual(['随迁子女教育 差分', 0]);
  });

  it('an edited scope row changes the scope, and two kinds in one case are refused at the row', async () => {
    const narrowed = await editInExcel(await download(scoped), (book) => {
      const ws = book.getWorksheet('测试用例 Test cases')!;
      ws.spliceRows(findRow(ws, { 1: 'about-schooling', 2: '核对范围', 3: 'scenario:housing-support' }).number, 1);
      ws.spliceRows(findRow(ws, { 1: 'about-schooling', 2: '预期', 3: 'scenario:housing-support' }).number, 1);
    });
    const back = await upload(narrowed, scoped);
    expect(back.cases.at(-1)).toMatchObject({ scope: { about: 'eligibility', scenarios: ['school-enrollment'] }, expect: { scenarios: { 'school-enrollment': true }, shortBy: { 'school-enrollment': 0 } } });
    expect(diffRuleSets(scoped, back).patch.map((p) => p.path)).toEqual([
      `/cases/${scoped.cases.length - 1}/expect/scenarios/housing-support`,
      `/cases/${scoped.cases.length - 1}/scope/scenarios/1`,
    ]);
    let row = 0;
    const mixed = await editInExcel(await download(scoped), (book) => {
      const ws = book.getWorksheet('测试用例 Test cases')!;
      const r = findRow(ws, { 1: 'about-tax', 2: '核对范围' });
      row = r.number + 1;
      ws.insertRow(row, ['about-tax', '核对范围', 'total']);
    });
    const error = await refusal(upload(mixed, scoped));
    expect(error.fields!.map((f) => f.message).join('\n')).toContain(`工作表「测试用例 Test cases」第 ${row} 行「项目」列：一个用例只能核对一项`);
  });
});
