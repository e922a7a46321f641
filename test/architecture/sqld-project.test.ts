import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TESTS_WITHOUT_DATABASE } from '../support/databases/sqld-project';

/**
 * The `sqld` project runs the server's tests again with every test database on a libsql server, except the
 * files listed in test/support/databases/sqld-project.ts. Leaving one out is right only while it opens no test
 * database: this follows each listed file's relative imports (test support included) and requires that
 * none reaches test/support/databases/temp-database.ts, where both kinds of test database are made.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEMP_DATABASE = join(ROOT, 'test/support/databases/temp-database.ts');

function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), m[1]!);
    const target = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => p.endsWith('.ts') && existsSync(p));
    if (target) found.push(target);
  }
  return found;
}

/** The chain of imports from `file` to test/support/databases/temp-database.ts, or undefined when there is none. */
function pathToTempDatabase(file: string, seen = new Set<string>()): string[] | undefined {
  if (file === TEMP_DATABASE) return [file];
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const next of relativeImports(file)) {
    const rest = pathToTempDatabase(next, seen);
    if (rest) return [file, ...rest];
  }
  return undefined;
}

describe('the sqld project', () => {
  it('leaves out only test files that open no test database', () => {
    for (const file of TESTS_WITHOUT_DATABASE) {
      const path = join(ROOT, file);
      expect(existsSync(path), file).toBe(true);
      expect(pathToTempDatabase(path)?.map((p) => relative(ROOT, p)), file).toBeUndefined();
    }
  });

  it('finds a test database opened through test support', () => {
    // The CLI test opens one directly; the widget's routes test through test/support/apps/widget.ts.
    expect(pathToTempDatabase(join(ROOT, 'server/src/cli/cli.test.ts'))?.map((p) => relative(ROOT, p))).toEqual(['server/src/cli/cli.test.ts', 'test/support/databases/temp-database.ts']);
    expect(pathToTempDatabase(join(ROOT, 'server/src/features/widget/widget-routes.test.ts'))).toContain(join(ROOT, 'test/support/apps/widget.ts'));
  });
});
