import { z } from 'zod';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import { includeSchema, type RuleSet } from '../../domain/rule-set/schema';

const includesOnly = z.looseObject({ includes: z.array(includeSchema).optional() });

/**
 * The published rule sets a document includes, directly or through them, each once (included ones
 * first). Read leniently from a document that is not validated yet: an include that is not published is
 * left out, and validation then names it.
 *
 * @example
 * const includes = await includedDocuments(repo, json); // [provincial-common@1]
 * parseRuleSet(json, includes);
 */
export async function includedDocuments(repo: RuleSetRepository, json: unknown): Promise<RuleSet[]> {
  const out = new Map<string, RuleSet>();
  async function visit(refs: readonly { ruleSetId: string; version: number }[], depth: number): Promise<void> {
    if (depth > 10) return;
    for (const ref of refs) {
      const key = `${ref.ruleSetId}@${ref.version}`;
      if (out.has(key)) continue;
      const found = await repo.getVersion(ref.ruleSetId, ref.version);
      if (!found) continue;
      await visit(found.document.includes, depth + 1);
      out.set(key, found.document);
    }
  }
  await visit(includesOnly.safeParse(json).data?.includes ?? [], 0);
  return [...out.values()];
}
