import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/databases/temp-database';
import { tinyDistrict, tinyRuleSet } from '../../../../test/support/data/rule-set-docs';
import { contentHash } from '../../domain/rule-set/hash';
import { parseRuleSet } from '../../domain/rule-set/validate';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import { inTransaction } from '../../platform/db/database';
import { createLibsqlRuleSetRepository } from './libsql-rule-set-repository';
import { migrate } from '../../platform/db/migrations/migrations';
import { seedRuleSets } from './seed';

const SHIPPED = fileURLToPath(new URL('../../../../rule-sets', import.meta.url));
const NOW = new Date('2026-03-01T09:00:00Z');

describe('seedRuleSets', () => {
  let db: ReturnType<typeof tempDatabase>;
  let dir: string;
  let repo: RuleSetRepository;
  const write = (id: string, version: number, doc: unknown) => {
    mkdirSync(join(dir, id), { recursive: true });
    writeFileSync(join(dir, id, `${version}.json`), JSON.stringify(doc, null, 2));
  };

  beforeEach(async () => {
    db = tempDatabase();
    dir = mkdtempSync(join(tmpdir(), 'jifen-rule-sets-'));
    const client = db.open();
    await migrate(client);
    repo = createLibsqlRuleSetRepository(client);
  });
  afterEach(() => {
    db.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every shipped version once, includes first, and leaves them alone afterwards', async () => {
    // The district file sorts first; its include must still be published before it.
    write('tiny-district', 1, tinyDistrict());
    write('tiny', 1, tinyRuleSet());
    writeFileSync(join(dir, 'README.md'), 'not a rule set');
    writeFileSync(join(dir, 'tiny', 'notes.json'), '{}');

    const first = await seedRuleSets(repo, { directory: dir, now: NOW });
    expect(first).toEqual({ inserted: ['tiny@1', 'tiny-district@1'], unchanged: [] });
    const meta = await repo.getVersionMeta('tiny', 1);
    expect(meta).toMatchObject({ publishedBy: 'seed', publishedAt: NOW.toISOString(), effectiveFrom: '2026-01-01' });
    expect(meta?.hash).toBe(contentHash(parseRuleSet(tinyRuleSet())));

    const second = await seedRuleSets(repo, { directory: dir, now: new Date('2026-04-01T00:00:00Z') });
    expect(second).toEqual({ inserted: [], unchanged: ['tiny@1', 'tiny-district@1'] });
    expect((await repo.getVersionMeta('tiny', 1))?.publishedAt).toBe(NOW.toISOString());

    write('tiny', 2, tinyRuleSet({ version: 2, effectiveFrom: '2027-01-01', points: 0.5 }));
    expect(await seedRuleSets(repo, { directory: dir, now: NOW })).toEqual({
      inserted: ['tiny@2'],
      unchanged: ['tiny@1', 'tiny-district@1'],
    });
  });

  it('refuses loudly when a shipped file no longer matches its published version', async () => {
    write('tiny', 1, tinyRuleSet());
    await seedRuleSets(repo, { directory: dir, now: NOW });
    const before = await repo.getVersionMeta('tiny', 1);

    write('tiny', 1, tinyRuleSet({ points: 0.5 }));
    const again = seedRuleSets(repo, { directory: dir, now: NOW });
    await expect(again).rejects.toMatchObject({ code: 'conflict' });
    await expect(again).rejects.toThrow(/tiny[\\/]1\.json differs from the published tiny@1.*new version/);
    expect(await repo.getVersionMeta('tiny', 1)).toEqual(before);
  });

  it('rejects an invalid file with the path of the problem, and a file in the wrong place', async () => {
    write('tiny', 1, { ...tinyRuleSet(), groups: [] });
    await expect(seedRuleSets(repo, { directory: dir, now: NOW })).rejects.toMatchObject({
      code: 'invalid_rule_set',
      fields: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^indicators\.0/) })]),
    });

    rmSync(join(dir, 'tiny'), { recursive: true });
    write('tiny', 3, tinyRuleSet({ version: 2 }));
    await expect(seedRuleSets(repo, { directory: dir, now: NOW })).rejects.toThrow(/holds tiny version 2; its place says tiny version 3/);
    expect(await repo.listRuleSets()).toEqual([]);
  });

  it('names an include that is neither shipped nor stored', async () => {
    write('tiny-district', 1, tinyDistrict({ includeVersion: 7 }));
    await expect(seedRuleSets(repo, { directory: dir, now: NOW })).rejects.toThrow(/includes tiny@7, which is neither stored nor shipped/);
  });

  it('rolls back a partly seeded run when it runs in a transaction', async () => {
    write('tiny', 1, tinyRuleSet());
    write('tiny-district', 1, { ...tinyDistrict(), owner: '' });
    const client = db.open();
    await expect(
      inTransaction(client, (tx) => seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: dir, now: NOW })),
    ).rejects.toMatchObject({ code: 'invalid_rule_set' });
    expect(await repo.listRuleSets()).toEqual([]);
  });

  it('seeds the rule sets shipped with Jifen', async () => {
    expect(existsSync(join(SHIPPED, 'provincial-common', '1.json'))).toBe(true);
    const report = await seedRuleSets(repo, { directory: SHIPPED, now: NOW });
    expect(report.inserted).toEqual(expect.arrayContaining(['provincial-common@1', 'district-sample@1']));
    expect(report.inserted.indexOf('provincial-common@1')).toBeLessThan(report.inserted.indexOf('district-sample@1'));
    expect(await seedRuleSets(repo, { directory: SHIPPED, now: NOW })).toEqual({ inserted: [], unchanged: report.inserted });
  });
});
