import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveRuleSet } from '../../../server/src/domain/rule-set/resolve';
import type { RuleSet } from '../../../server/src/domain/rule-set/schema';
import { parseRuleSet } from '../../../server/src/domain/rule-set/validate';
import type { ResolvedRuleSet } from '../../../server/src/domain/scoring/types';

/** The repository's `rule-sets/` folder. */
export const RULE_SETS_DIR = fileURLToPath(new URL('../../../rule-sets/', import.meta.url));

/** A shipped rule-set file as read from disk, before validation. */
export interface RuleSetFile {
  /** e.g. `district-sample/1.json` */
  file: string;
  json: unknown;
}

/** Every `rule-sets/<id>/<version>.json`, in a stable order. */
export function readRuleSetFiles(dir = RULE_SETS_DIR): RuleSetFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => /^\d+\.json$/.test(f))
        .map((f) => `${d.name}/${f}`),
    )
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown }));
}

/**
 * Validates every shipped rule set, each with the others as its possible includes (included ones first),
 * and resolves it. Throws the first validation error.
 *
 * @example
 * const district = loadShippedRuleSets().get('district-sample@1')!;
 */
export function loadShippedRuleSets(dir = RULE_SETS_DIR): Map<string, ResolvedRuleSet> {
  const pending = readRuleSetFiles(dir);
  const parsed: RuleSet[] = [];
  while (pending.length > 0) {
    const ready = pending.findIndex(({ json }) => includesOf(json).every((key) => parsed.some((p) => `${p.id}@${p.version}` === key)));
    // With nothing ready, parse the first anyway so its missing include is reported.
    const [next] = pending.splice(Math.max(ready, 0), 1);
    parsed.push(parseRuleSet(next!.json, parsed));
  }
  return new Map(parsed.map((doc) => [`${doc.id}@${doc.version}`, resolveRuleSet(doc, parsed)]));
}

function includesOf(json: unknown): string[] {
  if (json === null || typeof json !== 'object' || !('includes' in json) || !Array.isArray(json.includes)) return [];
  return json.includes.map((inc: { ruleSetId?: unknown; version?: unknown }) => `${String(inc.ruleSetId)}@${String(inc.version)}`);
}
