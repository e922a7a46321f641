import type { Text } from '../../../server/src/domain/rule-set/schema';
import type { GapStep } from '../../../server/src/domain/eligibility/close-gap';
import type { RankedPosition, ScenarioOutcome } from '../../../server/src/domain/eligibility/result';
import type { ScenarioInfo } from '../../../server/src/domain/eligibility/scenario-facts';

export type { Text, GapStep, ScenarioOutcome };
/** A fact the self-check asks; `ask: 'optional'` ones are folded away (the bar depends on them least). */
export type FactQuestion = ScenarioInfo['facts'][number];

/** `GET /api/v1/widget/scenarios/{scenario}`. */
export type WidgetScenario = ScenarioInfo & { asOf: string };

interface ResultBase {
  scenario: { id: string; title: Text };
  ruleSet: ScenarioInfo['ruleSet'];
  asOf: string;
  outcome: ScenarioOutcome;
  /** The result as a signed statement (compact JWS) a partner's backend can verify. */
  statement: string;
}

/** `POST …/self-check`. */
export interface SelfCheckResult extends ResultBase {
  mode: 'self-check';
}

/** `GET …/resident`. */
export interface ResidentResult extends ResultBase {
  mode: 'resident';
  resident: { name: string; permitNumber: string };
  closeGap: GapStep[];
  /** The first day time alone makes the resident eligible (ageing, lapsing points included), if within reach. */
  eligibleFrom: string | null;
  position: ListPosition | null;
}

/** Where the resident stands on the scenario's published list, and what that list was ranked on. */
export type ListPosition = RankedPosition;

export type WidgetResult = SelfCheckResult | ResidentResult;

/** The detail of `jifen-result`: the figures a page may act on, and the signed statement to send to its backend. */
export interface JifenResultDetail {
  mode: WidgetResult['mode'];
  /** `ruleSetId/scenarioId`. */
  scenario: string;
  eligible: boolean;
  score: number;
  bar: number;
  shortBy: number;
  ruleSetId: string;
  version: number;
  asOf: string;
  statement: string;
}

/** The detail of `jifen-error`. */
export interface JifenErrorDetail {
  /**
   * One code per cause: the resident's token (`token_expired`, `token_invalid`, `token_revoked`,
   * `token_scenario`, `token_partner`), the partner's key (`key_invalid`, `key_revoked`), this site
   * (`origin_forbidden`, `origin_not_registered`), the scenario (`scenario_forbidden`, `not_found`), the
   * visitor's input (`validation_failed`), or the connection (`network`, `timeout`).
   */
  code: string;
  /** The HTTP status, 0 when no answer could be read. */
  status: number;
  /** Jifen's own message for the developer, e.g. "Widget: this partner key was revoked on 2026-06-01; …" (never shown to visitors). */
  message: string;
  /** For `validation_failed`: each offending field with Jifen's message. */
  fields?: { path: string; message: string }[];
}
