import { evaluateCompiled } from '../compiled/evaluate-compiled';
import { evaluateReference } from './reference-evaluator';
import type { Evaluation, Facts, ResolvedRuleSet } from './types';

/**
 * The evaluators a caller may choose: `compiled` (the default; the rule set compiled once into closures)
 * and `reference` (json-rules-engine, which defines the rule language). Both answer the same Evaluation.
 */
export const ENGINES = ['compiled', 'reference'] as const;
export type EngineName = (typeof ENGINES)[number];
export const DEFAULT_ENGINE: EngineName = 'compiled';

/**
 * Scores a resident's facts against a resolved rule set as of a date.
 *
 * @example
 * const result = await evaluate(rs, parseFacts(rs, body.facts), '2026-06-30');
 * result.total; // 87.5
 * await evaluate(rs, facts, '2026-06-30', { engine: 'reference' }); // the same, by json-rules-engine
 */
export async function evaluate(
  rs: ResolvedRuleSet,
  facts: Facts,
  asOf: string,
  options: { engine?: EngineName } = {},
): Promise<Evaluation> {
  switch (options.engine ?? DEFAULT_ENGINE) {
    case 'compiled':
      return evaluateCompiled(rs, facts, asOf);
    case 'reference':
      return evaluateReference(rs, facts, asOf);
  }
}
