import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_TEXT_ZH, FIELD_TEXT_ZH_FALLBACK, fieldTextZh, withChinese } from './error-text-zh';
import { ERROR_STATUS, JifenError } from './errors';

const CJK = /[\u4e00-\u9fff]/;
const SERVER_SRC = new URL('..', import.meta.url).pathname;

/** Every non-test source file of the server. */
function sources(dir = SERVER_SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the Chinese side of every refusal', () => {
  it('has a Chinese text for every error code, in words and without internal ids', () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(CODE_TEXT_ZH[code as keyof typeof ERROR_STATUS], code).toMatch(CJK);
      expect(CODE_TEXT_ZH[code as keyof typeof ERROR_STATUS], code).not.toMatch(/_/);
    }
  });

  it('keeps the Chinese a refusal is thrown with, beside its English', () => {
    const error = new JifenError('forbidden', { en: 'Drafts: four eyes', zh: '双人审核' });
    expect(error.message).toBe('Drafts: four eyes');
    expect(error.messageZh).toBe('双人审核');
    expect(new JifenError('not_found', 'RuleSets: no rule set "x"').messageZh).toBeUndefined();
  });

  it("reads a field's Chinese off its English, keeps a given one, and falls back only for an unknown message", () => {
    expect(withChinese({ path: 'residentId', message: 'no such resident' }).messageZh).toBe('没有这位居民');
    expect(withChinese({ path: 'asOf', message: 'must be a date YYYY-MM-DD' }).messageZh).toBe('必须是日期（YYYY-MM-DD）');
    // The resident app's developer issuing a token for a page the partner did not register.
    expect(withChinese({ path: 'origin', message: "not one of the partner's sites" }).messageZh).toBe('不是这家合作单位登记的网站（须与登记的网址完全一致，含端口）');
    expect(withChinese({ path: 'x', message: 'is required', messageZh: '请填写' }).messageZh).toBe('请填写');
    expect(withChinese({ path: 'x', message: 'something nobody wrote yet' }).messageZh).toBe(FIELD_TEXT_ZH_FALLBACK);
  });

  // Structural: a field message written anywhere in the server has its Chinese, either beside it
  // (`messageZh`) or in the table. A new message without one fails here, not in front of a resident.
  it('knows the Chinese of every field message and zod refinement written in the server', () => {
    const missing: string[] = [];
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      for (const [i, line] of lines.entries()) {
        // Its Chinese beside it: on the same line or the next (an object literal written one key a line).
        if (line.includes('messageZh') || lines[i + 1]?.includes('messageZh')) continue;
        if (line.trimStart().startsWith('*') || line.trimStart().startsWith('//')) continue;
        const found = [
          ...[...line.matchAll(/\bmessage: '((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!),
          ...[...line.matchAll(/\bfail\('((?:[^'\\]|\\.)+)'\)/g)].map((m) => m[1]!),
          ...[...line.matchAll(/(?<!Math)\.(?:regex|refine|min|max|length)\([^;]*?,\s*'((?:[^'\\]|\\.)+)'\)/g)].map((m) => m[1]!),
        ];
        for (const message of found) {
          if (CJK.test(message) || message === '…') continue;
          if (!fieldTextZh(message.replace(/\\(.)/g, '$1'))) missing.push(`${file.slice(SERVER_SRC.length)}: ${message}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  // Structural: every refusal is thrown with its Chinese (`{ en, zh }`), except where no person reads it —
  // the server's own start-up configuration (read by an operator in the log) and states only a corrupt
  // database or an unvalidated rule set could reach, which answer their code's Chinese.
  it('throws every refusal a person reads with its Chinese', () => {
    const unread = new Set([
      'features/rule-sets/seed.ts',
      'features/audit/audit-key.ts',
      'features/widget/signing-keys.ts',
      'features/widget/widget-app.ts',
      'domain/compiled/leaf-predicate.ts',
      'features/rounds/rounds-rows.ts',
      'domain/errors.ts',
    ]);
    const english: string[] = [];
    for (const file of sources()) {
      const name = file.slice(SERVER_SRC.length);
      if (unread.has(name)) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new JifenError\(\s*[^,()]+(?:\([^)]*\))?,\s*/g)) {
        const rest = text.slice(m.index + m[0].length);
        const line = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index).trim();
        if (rest.startsWith('{') || /^\w+\.text\b/.test(rest) || line.startsWith('*')) continue;
        english.push(`${name}:${text.slice(0, m.index).split('\n').length}: ${rest.slice(0, 80)}`);
      }
    }
    expect(english).toEqual([]);
  });
});
