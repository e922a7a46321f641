import { JifenError } from '../../domain/errors';
import type { RuleSetRepository, VersionMeta } from '../../domain/rule-set/repository';
import { resolveRuleSet } from '../../domain/rule-set/resolve';
import type { RuleSet } from '../../domain/rule-set/schema';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { sharedReads } from '../../platform/db/shared-reads';

/** Which version to evaluate with: the one given, or else the one in force at `asOf`. */
export interface VersionRequest {
  ruleSetId: string;
  asOf: string;
  version?: number;
}

export interface RuleSetResolver {
  /**
   * The version a request asks for. Throws `not_found` for an unknown rule set or version, and
   * `validation_failed` on `asOf` when no version is in force yet.
   */
  pick(request: VersionRequest): Promise<VersionMeta>;
  /** The version merged with its pinned includes, ready to evaluate; cached by content hash. */
  resolve(meta: VersionMeta): Promise<ResolvedRuleSet>;
}

/**
 * Finds and resolves rule-set versions for evaluation. Published versions never change, so a resolved
 * version is cached under its content hash, and a version's metadata under its number, for as long as they
 * are used (least recently used first out). Which version is in force is looked up every time, by number
 * alone (one indexed read): another server may have published one since.
 *
 * @example
 * const resolver = createRuleSetResolver(repo);
 * const rs = await resolver.resolve(await resolver.pick({ ruleSetId: 'provincial-common', asOf: '2026-06-30' }));
 */
export function createRuleSetResolver(repo: RuleSetRepository, options: { maxEntries?: number } = {}): RuleSetResolver {
  const maxEntries = options.maxEntries ?? 64;
  const cache = new Map<string, Promise<ResolvedRuleSet>>();
  const metas = new Map<string, VersionMeta>();
  // Concurrent evaluations of the same rule set and date share the lookup (`sharedReads` says why that stays fresh).
  const shared = sharedReads<number | undefined>();
  const numberInForce = (ruleSetId: string, asOf: string) =>
    shared(JSON.stringify([ruleSetId, asOf]), () => repo.findVersionNumberInForce(ruleSetId, asOf));

  /** A published version's metadata; only versions found are remembered, so a later publish is seen. */
  async function metaOf(ruleSetId: string, version: number): Promise<VersionMeta | undefined> {
    const key = `${ruleSetId}@${version}`;
    const known = metas.get(key);
    if (known) {
      metas.delete(key);
      metas.set(key, known);
      return { ...known };
    }
    const found = await repo.getVersionMeta(ruleSetId, version);
    if (!found) return undefined;
    metas.set(key, { ...found });
    evictOldest(metas, maxEntries * 4);
    return found;
  }

  async function load(ruleSetId: string, version: number, out: Map<string, RuleSet>): Promise<RuleSet> {
    const found = await repo.getVersion(ruleSetId, version);
    if (!found) {
      throw new JifenError('not_found', { en: `RuleSets: ${ruleSetId} version ${version} is not published`, zh: `这个规则集没有发布第 ${version} 版` }, [
        { path: 'version', message: `${ruleSetId} has no version ${version}` },
      ]);
    }
    for (const inc of found.document.includes) {
      if (!out.has(`${inc.ruleSetId}@${inc.version}`)) await load(inc.ruleSetId, inc.version, out);
    }
    out.set(`${ruleSetId}@${version}`, found.document);
    return found.document;
  }

  return {
    async pick({ ruleSetId, asOf, version }) {
      const number = version ?? (await numberInForce(ruleSetId, asOf));
      const meta = number === undefined ? undefined : await metaOf(ruleSetId, number);
      if (meta) return meta;
      const versions = await repo.listVersions(ruleSetId);
      if (versions.length === 0) {
        throw new JifenError('not_found', { en: `RuleSets: no rule set "${ruleSetId}"`, zh: '没有这个规则集' }, [
          { path: 'ruleSetId', message: 'no such rule set' },
        ]);
      }
      if (version !== undefined) {
        throw new JifenError('not_found', { en: `RuleSets: ${ruleSetId} has no version ${version}`, zh: `这个规则集没有第 ${version} 版` }, [
          { path: 'version', message: `no such version; published: ${versions.map((v) => v.version).join(', ')}` },
        ]);
      }
      const first = versions.reduce((a, b) => (b.effectiveFrom < a.effectiveFrom ? b : a));
      throw new JifenError('validation_failed', { en: `RuleSets: no version of ${ruleSetId} is in force on ${asOf}`, zh: `${asOf} 还没有生效的版本` }, [
        { path: 'asOf', message: `no version is in force yet; the first takes effect on ${first.effectiveFrom}` },
      ]);
    },

    resolve(meta) {
      const hit = cache.get(meta.hash);
      if (hit) {
        cache.delete(meta.hash);
        cache.set(meta.hash, hit);
        return hit;
      }
      const pending = (async () => {
        const documents = new Map<string, RuleSet>();
        const root = await load(meta.ruleSetId, meta.version, documents);
        documents.delete(`${meta.ruleSetId}@${meta.version}`);
        return resolveRuleSet(root, [...documents.values()]);
      })();
      cache.set(meta.hash, pending);
      pending.catch(() => cache.delete(meta.hash));
      evictOldest(cache, maxEntries);
      return pending;
    },
  };
}

function evictOldest(map: Map<string, unknown>, maxEntries: number): void {
  while (map.size > maxEntries) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}
