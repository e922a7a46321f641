import { evaluateReference } from './reference-evaluator';
import type { Evaluation, Facts, ResolvedRuleSet } from './types';

export const ENGINES = ['reference'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * Scores a resident's facts against a resolved rule set as of a date.
 *
 * @example
 * const result = await evaluate(rs, parseFacts(rs, body.facts), '2026-06-30');
 * result.total; // 87.5
 */
export async function evaluate(
  rs: ResolvedRuleSet,
  facts: Facts,
  asOf: string,
  options: { engine?: EngineName } = {},
): Promise<Evaluation> {
  switch (options.engine ?? 'reference') {
    case 'reference':
      return evaluateReference(rs, facts, asOf);
  }
}
