import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import type { PublishedVersion, RuleSetRepository, VersionMeta } from '../../domain/rule-set/repository';

/**
 * The rule-set repository in memory, for tests and tools. Behaves like the libsql one: versions are
 * copied in and out, so nothing a caller does to a returned object changes what is stored.
 *
 * @example
 * const repo = createMemoryRuleSetRepository();
 * await repo.insertVersion({ document, publishedAt: '2026-01-01T00:00:00Z', publishedBy: 'seed', note: '' });
 */
export function createMemoryRuleSetRepository(): RuleSetRepository {
  const versions = new Map<string, PublishedVersion[]>();

  const metaOf = ({ document: _, ...meta }: PublishedVersion): VersionMeta => ({ ...meta });
  const find = (id: string, version: number) => versions.get(id)?.find((v) => v.version === version);
  const latest = (id: string) => versions.get(id)?.at(-1);
  const inForce = (id: string, asOf: string) => {
    let best: PublishedVersion | undefined;
    for (const v of versions.get(id) ?? []) {
      if (v.effectiveFrom > asOf) continue;
      if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
    }
    return best;
  };
  const summary = (v: PublishedVersion) => ({
    id: v.ruleSetId,
    title: structuredClone(v.document.title),
    owner: v.document.owner,
    latest: metaOf(v),
  });

  return {
    async listRuleSets() {
      return [...versions.keys()]
        .sort()
        .flatMap((id) => {
          const v = latest(id);
          return v ? [summary(v)] : [];
        });
    },
    async getRuleSet(ruleSetId) {
      const v = latest(ruleSetId);
      return v && summary(v);
    },
    async listVersions(ruleSetId) {
      return (versions.get(ruleSetId) ?? []).map(metaOf);
    },
    async getVersionMeta(ruleSetId, version) {
      const v = find(ruleSetId, version);
      return v && metaOf(v);
    },
    async getVersion(ruleSetId, version) {
      const v = find(ruleSetId, version);
      return v && structuredClone(v);
    },
    async findVersionInForce(ruleSetId, asOf) {
      const best = inForce(ruleSetId, asOf);
      return best && metaOf(best);
    },
    async findVersionNumberInForce(ruleSetId, asOf) {
      return inForce(ruleSetId, asOf)?.version;
    },
    async insertVersion({ document, publishedAt, publishedBy, note, approvedBy }) {
      if (find(document.id, document.version)) {
        throw new JifenError('conflict', { en: `RuleSets: ${document.id} version ${document.version} is already published`, zh: '这个版本已发布；已发布的版本不能修改' }, [
          { path: 'version', message: 'is already published; published versions are immutable' },
        ]);
      }
      const stored: PublishedVersion = {
        ruleSetId: document.id,
        version: document.version,
        hash: contentHash(document),
        effectiveFrom: document.effectiveFrom,
        publishedAt,
        publishedBy,
        note,
        ...(approvedBy ? { approvedBy } : {}),
        document: structuredClone(document),
      };
      const list = [...(versions.get(document.id) ?? []), stored].sort((a, b) => a.version - b.version);
      versions.set(document.id, list);
      return metaOf(stored);
    },
  };
}
