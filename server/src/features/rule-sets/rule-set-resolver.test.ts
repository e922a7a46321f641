import { beforeEach, describe, expect, it } from 'vitest';
import { tinyDistrict, tinyRuleSet } from '../../../../test/support/data/rule-set-docs';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import type { RuleSetInput } from '../../domain/rule-set/schema';
import { parseRuleSet } from '../../domain/rule-set/validate';
import { createMemoryRuleSetRepository } from './memory-rule-set-repository';
import { createRuleSetResolver } from './rule-set-resolver';

describe('createRuleSetResolver', () => {
  let repo: RuleSetRepository;
  const publish = async (input: RuleSetInput) => {
    const includes = await Promise.all(
      (input.includes ?? []).map(async (i) => (await repo.getVersion(i.ruleSetId, i.version))!.document),
    );
    return repo.insertVersion({ document: parseRuleSet(input, includes), publishedAt: '2026-01-01T00:00:00Z', publishedBy: 't', note: '' });
  };

  beforeEach(async () => {
    repo = createMemoryRuleSetRepository();
    await publish(tinyRuleSet({ version: 1, effectiveFrom: '2026-01-01' }));
    await publish(tinyRuleSet({ version: 2, effectiveFrom: '2027-01-01', points: 0.5 }));
    await publish(tinyDistrict({ includeVersion: 1 }));
  });

  it('picks the version asked for, or the one in force at asOf', async () => {
    const resolver = createRuleSetResolver(repo);
    expect((await resolver.pick({ ruleSetId: 'tiny', asOf: '2026-06-30' })).version).toBe(1);
    expect((await resolver.pick({ ruleSetId: 'tiny', asOf: '2027-06-30' })).version).toBe(2);
    expect((await resolver.pick({ ruleSetId: 'tiny', asOf: '2026-06-30', version: 2 })).version).toBe(2);
  });

  it('says which field is wrong when nothing matches', async () => {
    const resolver = createRuleSetResolver(repo);
    await expect(resolver.pick({ ruleSetId: 'nope', asOf: '2026-06-30' })).rejects.toMatchObject({
      code: 'not_found',
      fields: [{ path: 'ruleSetId' }],
    });
    await expect(resolver.pick({ ruleSetId: 'tiny', asOf: '2026-06-30', version: 9 })).rejects.toMatchObject({
      code: 'not_found',
      fields: [{ path: 'version', message: expect.stringContaining('published: 1, 2') }],
    });
    await expect(resolver.pick({ ruleSetId: 'tiny', asOf: '2025-12-31' })).rejects.toMatchObject({
      code: 'validation_failed',
      status: 422,
      fields: [{ path: 'asOf', message: expect.stringContaining('2026-01-01') }],
    });
  });

  it('resolves a version with its pinned include, once per content hash', async () => {
    let reads = 0;
    const counting: RuleSetRepository = { ...repo, getVersion: (id, v) => (reads++, repo.getVersion(id, v)) };
    const resolver = createRuleSetResolver(counting);
    const meta = await resolver.pick({ ruleSetId: 'tiny-district', asOf: '2027-06-30' });
    const [a, b] = await Promise.all([resolver.resolve(meta), resolver.resolve(meta)]);
    expect(a).toBe(b);
    expect(await resolver.resolve(meta)).toBe(a);
    expect(reads).toBe(2);
    expect(a.hash).toBe(meta.hash);
    // Pinned to tiny 1 even though tiny 2 is in force on that date.
    expect(a.includes).toEqual([expect.objectContaining({ ruleSetId: 'tiny', version: 1 })]);
    expect(a.indicators.map((i) => i.id)).toEqual(['residence', 'young', 'volunteering']);
    expect(a.indicators.find((i) => i.id === 'residence')).toMatchObject({ points: 0.25 });
  });

  it('sees a version published after its first lookup, while reading each version\'s metadata once', async () => {
    let metaReads = 0;
    let inForceReads = 0;
    const counting: RuleSetRepository = {
      ...repo,
      getVersionMeta: (id, v) => (metaReads++, repo.getVersionMeta(id, v)),
      findVersionNumberInForce: (id, asOf) => (inForceReads++, repo.findVersionNumberInForce(id, asOf)),
    };
    const resolver = createRuleSetResolver(counting);
    const request = { ruleSetId: 'tiny', asOf: '2027-06-30' };
    expect((await resolver.pick(request)).version).toBe(2);
    expect([inForceReads, metaReads]).toEqual([1, 1]);
    // Concurrent requests of one turn share the lookup of the version in force; its metadata is known.
    const together = await Promise.all([resolver.pick(request), resolver.pick(request), resolver.pick(request)]);
    expect(together.map((m) => m.version)).toEqual([2, 2, 2]);
    expect([inForceReads, metaReads]).toEqual([2, 1]);

    // Published by someone else (another server on the same database): the very next request uses it.
    const three = await publish(tinyRuleSet({ version: 3, effectiveFrom: '2027-03-01', points: 2 }));
    expect(await resolver.pick(request)).toEqual(three);
    expect((await resolver.pick({ ...request, version: 2 })).version).toBe(2);
    expect(metaReads).toBe(2);
    // What a caller does to the answer does not reach the cache.
    const picked = await resolver.pick(request);
    picked.hash = 'changed';
    expect((await resolver.pick(request)).hash).toBe(three.hash);
  });

  it('forgets the least recently used entries beyond its size', async () => {
    let reads = 0;
    const counting: RuleSetRepository = { ...repo, getVersion: (id, v) => (reads++, repo.getVersion(id, v)) };
    const resolver = createRuleSetResolver(counting, { maxEntries: 1 });
    const one = await resolver.pick({ ruleSetId: 'tiny', asOf: '2026-06-30' });
    const two = await resolver.pick({ ruleSetId: 'tiny', asOf: '2027-06-30' });
    await resolver.resolve(one);
    await resolver.resolve(two);
    await resolver.resolve(one);
    expect(reads).toBe(3);
  });
});
