import { createApp } from '../../../server/src/app';
import type { RuleSetRepository } from '../../../server/src/domain/rule-set/repository';
import type { RuleSetInput } from '../../../server/src/domain/rule-set/schema';
import { parseRuleSet } from '../../../server/src/domain/rule-set/validate';
import { createMemoryRuleSetRepository } from '../../../server/src/features/rule-sets/memory-rule-set-repository';
import { tinyDistrict, tinyRuleSet } from '../data/rule-set-docs';

/** Publishes a document (validated against its pinned includes, which must be stored already). */
export async function publishInput(repo: RuleSetRepository, input: RuleSetInput, note = ''): Promise<void> {
  const includes = [];
  for (const inc of input.includes ?? []) {
    const found = await repo.getVersion(inc.ruleSetId, inc.version);
    if (found) includes.push(found.document);
  }
  await repo.insertVersion({ document: parseRuleSet(input, includes), publishedAt: '2026-01-01T00:00:00.000Z', publishedBy: 'test', note });
}

/**
 * The app over an in-memory repository holding `tiny` 1 (from 2026-01-01), `tiny` 2 (from 2027-01-01,
 * 0.5 per month) and `tiny-district` 1 (includes tiny 1). `errors` collects what the app logs.
 *
 * @example
 * const { app } = await testApp(); await app.request('/healthz');
 */
export async function testApp() {
  const repo = createMemoryRuleSetRepository();
  await publishInput(repo, tinyRuleSet({ version: 1, effectiveFrom: '2026-01-01' }), 'first');
  await publishInput(repo, tinyRuleSet({ version: 2, effectiveFrom: '2027-01-01', points: 0.5 }), 'double residence points');
  await publishInput(repo, tinyDistrict({ includeVersion: 1 }));
  const errors: unknown[] = [];
  const app = createApp({ ruleSets: repo, log: (_message, error) => errors.push(error) });
  return { app, repo, errors };
}

/** A JSON POST request for `app.request`. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
