import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import { includeSchema, type RuleSet } from '../../domain/rule-set/schema';
import { parseRuleSet } from '../../domain/rule-set/validate';
import { appendAudit } from '../../platform/db/audit-log';
import type { SqlExecutor } from '../../platform/db/database';

/** What a seeding run did, by `id@version`. */
export interface SeedReport {
  inserted: string[];
  unchanged: string[];
}

interface RuleSetFile {
  path: string;
  ruleSetId: string;
  version: number;
  json: unknown;
}

const VERSION_FILE = /^([1-9][0-9]{0,8})\.json$/;
const includesOnly = z.looseObject({ includes: z.array(includeSchema).optional() });

/**
 * Publishes the shipped rule sets (`<directory>/<id>/<n>.json`) that the database does not hold yet.
 * Idempotent: a version already stored with the same content hash is left alone. A stored version whose
 * hash differs from its file is refused with an error, never overwritten: published versions are
 * immutable, so a changed file must become a new version number.
 * Run it inside one transaction so that concurrent starts cannot both insert.
 *
 * @example
 * await inTransaction(client, (tx) => seedRuleSets(createLibsqlRuleSetRepository(tx), { directory: 'rule-sets', now: new Date(), audit: tx }));
 */
export async function seedRuleSets(
  repo: RuleSetRepository,
  options: {
    directory: string;
    now: Date;
    /**
     * The write transaction the versions are inserted in: each one then gets its `version-published`
     * entry by `seed`, so that an auditor finds who published the rules a district starts with.
     */
    audit?: SqlExecutor;
  },
): Promise<SeedReport> {
  const files = await readRuleSetFiles(options.directory);
  const byKey = new Map(files.map((f) => [`${f.ruleSetId}@${f.version}`, f]));
  const report: SeedReport = { inserted: [], unchanged: [] };
  // Each loaded version with every rule set it includes, directly or not (what validation and resolution need).
  const loaded = new Map<string, RuleSet[]>();

  async function load(ruleSetId: string, version: number, chain: readonly string[]): Promise<RuleSet[]> {
    const key = `${ruleSetId}@${version}`;
    const done = loaded.get(key);
    if (done) return done;
    if (chain.includes(key)) throw new JifenError('invalid_rule_set', `Seed: rule sets include each other (${[...chain, key].join(' → ')})`);
    const file = byKey.get(key);
    const stored = await repo.getVersion(ruleSetId, version);
    if (!file) {
      if (!stored) throw new JifenError('invalid_rule_set', `Seed: ${chain.at(-1) ?? key} includes ${key}, which is neither stored nor shipped`);
      const closure = [...(await includedClosure(stored.document.includes, [...chain, key])), stored.document];
      loaded.set(key, closure);
      return closure;
    }
    const refs = includesOnly.safeParse(file.json).data?.includes ?? [];
    const includes = await includedClosure(refs, [...chain, key]);
    const document = parseRuleSetFile(file, includes);
    const hash = contentHash(document);
    if (stored && stored.hash !== hash) {
      throw new JifenError(
        'conflict',
        `Seed: ${file.path} differs from the published ${key} (stored hash ${stored.hash.slice(0, 12)}…, file ${hash.slice(0, 12)}…). ` +
          'Published versions are immutable: restore the file, or ship the change as a new version number.',
      );
    }
    if (stored) report.unchanged.push(key);
    else {
      const note = `Shipped with Jifen (rule-sets/${ruleSetId}/${version}.json)`;
      await repo.insertVersion({ document, publishedAt: options.now.toISOString(), publishedBy: 'seed', note });
      if (options.audit) {
        await appendAudit(options.audit, {
          at: options.now,
          actor: 'seed',
          action: 'version-published',
          target: `rule-set:${ruleSetId}/version:${version}`,
          after: hash,
          details: { effectiveFrom: document.effectiveFrom, note },
        });
      }
      report.inserted.push(key);
    }
    const closure = [...includes, document];
    loaded.set(key, closure);
    return closure;
  }

  async function includedClosure(refs: readonly { ruleSetId: string; version: number }[], chain: readonly string[]) {
    const out = new Map<string, RuleSet>();
    for (const ref of refs) {
      for (const doc of await load(ref.ruleSetId, ref.version, chain)) out.set(`${doc.id}@${doc.version}`, doc);
    }
    return [...out.values()];
  }

  for (const file of files) await load(file.ruleSetId, file.version, []);
  return report;
}

function parseRuleSetFile(file: RuleSetFile, includes: readonly RuleSet[]): RuleSet {
  let document: RuleSet;
  try {
    document = parseRuleSet(file.json, includes);
  } catch (error) {
    if (error instanceof JifenError) {
      const fields = (error.fields ?? []).map((f) => `${f.path}: ${f.message}`).join('; ');
      throw new JifenError(error.code, `Seed: ${file.path} is not a valid rule set: ${error.message}${fields ? ` (${fields})` : ''}`, error.fields);
    }
    throw error;
  }
  if (document.id !== file.ruleSetId || document.version !== file.version) {
    throw new JifenError(
      'invalid_rule_set',
      `Seed: ${file.path} holds ${document.id} version ${document.version}; its place says ${file.ruleSetId} version ${file.version}`,
    );
  }
  return document;
}

/** Every `<id>/<n>.json` under the directory, ordered by id then version. */
async function readRuleSetFiles(directory: string): Promise<RuleSetFile[]> {
  const files: RuleSetFile[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of await readdir(join(directory, entry.name))) {
      const match = VERSION_FILE.exec(name);
      if (!match) continue;
      const path = join(directory, entry.name, name);
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        throw new JifenError('invalid_rule_set', `Seed: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      files.push({ path, ruleSetId: entry.name, version: Number(match[1]), json });
    }
  }
  return files.sort((a, b) => a.ruleSetId.localeCompare(b.ruleSetId) || a.version - b.version);
}
