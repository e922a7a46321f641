import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets, readRuleSetFiles } from '../../../../test/support/data/rule-sets';
import { evaluate } from '../scoring/evaluate';
import { runCases } from './run-cases';

/** Every shipped rule set runs the test cases it carries, one test per case. */
const files = readRuleSetFiles();
const ruleSets = loadShippedRuleSets();

describe('shipped rule sets', () => {
  it('are all present and valid', () => {
    expect([...ruleSets.keys()].sort()).toEqual(['district-sample@1', 'district-sample@2', 'provincial-common@1', 'provincial-common@2']);
    expect(files.map((f) => f.file)).toEqual(['district-sample/1.json', 'district-sample/2.json', 'provincial-common/1.json', 'provincial-common/2.json']);
  });

  for (const { file, json } of files) {
    it(`${file} names the editors' JSON Schema and matches its path`, () => {
      expect(json).toMatchObject({ $schema: '../rule-set.schema.json' });
      const [id, version] = file.replace(/\.json$/, '').split('/');
      expect(json).toMatchObject({ id, version: Number(version) });
    });
  }
});

for (const [key, rs] of ruleSets) {
  describe(`${key} test cases`, () => {
    it('carries at least 20 cases', () => {
      expect(rs.root.cases.length).toBeGreaterThanOrEqual(20);
    });
    for (const testCase of rs.root.cases) {
      it(`${rs.id} ${testCase.id}`, async () => {
        const [result] = await runCases(rs, evaluate, [testCase]);
        expect(result?.error).toBeUndefined();
        expect(result?.differences).toEqual([]);
        expect(result?.passed).toBe(true);
      });
    }
  });
}
