import { contentHash } from '../rule-set/hash';
import type { Facts } from '../scoring/types';
import type { ScenarioOutcome } from './result';

/**
 * A signed statement of a widget result (JWS, compact JWT form): what a partner's backend verifies against
 * Jifen's published keys before relying on a result its page showed. Besides these claims it carries
 * `iss` (the Jifen server), `aud` (the partner id), `iat`, `exp` and `jti`.
 */
export interface StatementClaims {
  /** `ruleSetId/scenarioId`, also the JWT `sub`. */
  scenario: string;
  ruleSetId: string;
  version: number;
  /** Content hash of the rule-set version used. */
  hash: string;
  /** The evaluation date, `YYYY-MM-DD`. */
  asOf: string;
  /** `self-check`: from facts the visitor typed; `resident`: from the resident's record. */
  mode: 'self-check' | 'resident';
  /**
   * Self-check only, always true: an estimate from facts the visitor typed, which nobody checked. It is
   * not evidence of eligibility; only a resident-mode statement comes from the resident's record.
   */
  estimate?: true;
  /**
   * Self-check only: SHA-256 (hex) of the facts evaluated, in canonical JSON (RFC 8785). A partner that
   * asks the visitor for the same facts can recompute it and see that the statement is about them.
   */
  factsHash?: string;
  result: { eligible: boolean; score: number; bar: number; shortBy: number; vetoed: boolean };
  /** Resident mode only, masked as every partner-facing response is. */
  resident?: { name: string; permitNumber: string };
  /** Resident mode only, when a ranked list of the scenario is published. */
  position?: number;
}

/** The `typ` header of statements, so one can never pass for a widget token or the reverse. */
export const STATEMENT_TYPE = 'jifen-statement+jwt';
/** The `typ` header of residents' widget tokens. */
export const RESIDENT_TOKEN_TYPE = 'jifen-resident+jwt';

/**
 * The claims of a statement for a scenario outcome.
 *
 * @example
 * statementClaims({ ruleSetId: 'district-sample', version: 1, hash, asOf: '2026-06-30', scenarioId: 'school-enrollment', mode: 'self-check' }, outcome);
 */
export function statementClaims(
  about: { ruleSetId: string; version: number; hash: string; asOf: string; scenarioId: string; mode: StatementClaims['mode']; facts?: Facts },
  outcome: ScenarioOutcome,
  extra: Pick<StatementClaims, 'resident' | 'position'> = {},
): StatementClaims {
  return {
    scenario: `${about.ruleSetId}/${about.scenarioId}`,
    ruleSetId: about.ruleSetId,
    version: about.version,
    hash: about.hash,
    asOf: about.asOf,
    mode: about.mode,
    ...(about.mode === 'self-check' ? { estimate: true as const, factsHash: factsHash(about.facts ?? {}) } : {}),
    result: { eligible: outcome.eligible, score: outcome.score, bar: outcome.bar, shortBy: outcome.shortBy, vetoed: outcome.vetoed },
    ...(extra.resident ? { resident: extra.resident } : {}),
    ...(extra.position !== undefined ? { position: extra.position } : {}),
  };
}

/**
 * The hash a self-check statement carries of the facts it evaluated: SHA-256 of their canonical JSON.
 *
 * @example
 * factsHash({ socialInsuranceMonths: 40, birthDate: '1990-05-01' }) === factsHash({ birthDate: '1990-05-01', socialInsuranceMonths: 40 }); // true
 */
export function factsHash(facts: Facts): string {
  return contentHash(facts);
}
