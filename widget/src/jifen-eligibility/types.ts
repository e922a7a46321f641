import type { Text } from '../../../server/src/domain/rule-set/schema';
import type { GapStep } from '../../../server/src/domain/eligibility/close-gap';
import type { ScenarioOutcome } from '../../../server/src/domain/eligibility/result';
import type { ScenarioInfo } from '../../../server/src/domain/eligibility/scenario-facts';

export type { Text, GapStep, ScenarioOutcome };
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
  position: { roundId: number; position: number | null; places: number; admitted: boolean; status: string } | null;
}

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
  /** Jifen's error code (`forbidden`, `unauthorized`, `validation_failed`…), or `origin_not_registered` / `network`. */
  code: string;
  /** The HTTP status, 0 when no answer could be read. */
  status: number;
  /** Jifen's own message, e.g. "Widget: this partner key was revoked on 2026-06-01; …". */
  message: string;
}
