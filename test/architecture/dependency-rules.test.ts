import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layering of server/src (README "Where each part lives"), checked with dependency-cruiser: the domain
 * imports nothing outside itself, the platform no feature, a feature another feature only through its
 * index.ts, and nothing imports in a circle. A checker that reads no file passes everything, so the test
 * also requires that it cruised every source file, and that it fails on a tree with forbidden imports.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOOL = join(ROOT, 'tools/dependency-rules');
const DEPCRUISE = join(TOOL, 'node_modules/.bin/depcruise');
const RULES = join(TOOL, 'rules.cjs');
const run = promisify(execFile);

interface Cruise {
  modules: { source: string; coreModule?: boolean }[];
  summary: { violations: { rule: { name: string }; from: string; to: string }[]; totalCruised: number };
}

async function cruise(cwd: string): Promise<Cruise> {
  // depcruise exits non-zero when it finds violations; the JSON on stdout is the answer either way.
  const out = await run(DEPCRUISE, ['server/src', '--config', RULES, '--output-type', 'json'], { cwd, maxBuffer: 64 << 20 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return JSON.parse(out.stdout) as Cruise;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('dependency rules of server/src', () => {
  it('is installed (npm test installs it; see tools/dependency-rules)', () => {
    expect(existsSync(DEPCRUISE), `${DEPCRUISE} is missing: run npm ci --prefix tools/dependency-rules`).toBe(true);
  });

  it('holds on the repository, having read every source file', { timeout: 120_000 }, async () => {
    const result = await cruise(ROOT);
    const expected = sourceFiles(join(ROOT, 'server/src')).map((f) => relative(ROOT, f)).sort();
    const cruised = result.modules.map((m) => m.source).filter((s) => s.startsWith('server/src/')).sort();
    expect(cruised).toEqual(expected);
    console.info(`dependency rules: ${cruised.length} modules of server/src checked`);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  describe('on a tree that breaks each rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jifen-deps-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const files: Record<string, string> = {
      'server/src/domain/score.ts': "import { route } from '../platform/http/route';\nexport const score = route;\n",
      'server/src/platform/http/route.ts': "import { feed } from '../../features/feeds/feed';\nexport const route = feed;\n",
      'server/src/features/feeds/feed.ts': "import { day } from '../calendar/day';\nexport const feed = day;\n",
      'server/src/features/calendar/day.ts': 'export const day = 1;\n',
      'server/src/features/calendar/index.ts': "export * from './day';\n",
      'server/src/features/ledger/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'server/src/features/ledger/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }

    it('reports every broken rule', { timeout: 120_000 }, async () => {
      const result = await cruise(dir);
      const broken = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
      expect(broken).toEqual(
        expect.arrayContaining([
          'domain-is-pure: server/src/domain/score.ts → server/src/platform/http/route.ts',
          'platform-serves-every-feature: server/src/platform/http/route.ts → server/src/features/feeds/feed.ts',
          'features-meet-through-index: server/src/features/feeds/feed.ts → server/src/features/calendar/day.ts',
          'no-circular: server/src/features/ledger/a.ts → server/src/features/ledger/b.ts',
        ]),
      );
    });
  });

  it('keeps every folder of server/src at 25 source files or fewer', () => {
    const counts = new Map<string, number>();
    for (const file of sourceFiles(join(ROOT, 'server/src'))) {
      const folder = relative(ROOT, dirname(file));
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
    expect([...counts].filter(([, n]) => n > 25)).toEqual([]);
  });
});
