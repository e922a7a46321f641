/**
 * Types of `<jifen-eligibility>`, the Jifen points-eligibility element a partner page loads with one
 * module script. Import this package (or reference this file) to type the element, its attributes and
 * its events in the page's own TypeScript.
 */

/** A text in Chinese and English. */
export interface JifenText {
  zh: string;
  en: string;
}

/** The detail of `jifen-result`: the figures a page may act on, and the signed statement for its backend. */
export interface JifenResultDetail {
  mode: 'self-check' | 'resident';
  /** `ruleSetId/scenarioId`. */
  scenario: string;
  eligible: boolean;
  score: number;
  bar: number;
  shortBy: number;
  ruleSetId: string;
  version: number;
  asOf: string;
  /** Compact JWS (ES256, `typ: jifen-statement+jwt`): verify it against `/.well-known/jwks.json` before relying on it. */
  statement: string;
}

/** The causes `jifen-error` names; other codes may come from the server. */
export type JifenErrorCode =
  | 'token_expired'
  | 'token_invalid'
  | 'token_revoked'
  | 'token_scenario'
  | 'token_partner'
  | 'key_invalid'
  | 'key_revoked'
  | 'origin_forbidden'
  | 'origin_not_registered'
  | 'scenario_forbidden'
  | 'scenario_missing'
  | 'not_found'
  | 'validation_failed'
  | 'too_many_requests'
  | 'network'
  | 'timeout';

/** The detail of `jifen-error`. The visitor sees plain words; this is for the page's developer. */
export interface JifenErrorDetail {
  code: JifenErrorCode | (string & {});
  /** The HTTP status, 0 when no answer could be read (network, timeout, unregistered site). */
  status: number;
  /** Jifen's message for the developer. */
  message: string;
  /** For `validation_failed`: each offending field. */
  fields?: { path: string; message: string; messageZh?: string }[];
}

/** The result the element shows (its `result` property), with the signed statement. */
export interface JifenWidgetResult {
  mode: 'self-check' | 'resident';
  scenario: { id: string; title: JifenText };
  ruleSet: { id: string; version: number; hash: string; title: JifenText; effectiveFrom: string };
  asOf: string;
  outcome: { eligible: boolean; score: number; bar: number; shortBy: number; vetoed: boolean };
  statement: string;
}

/** `<jifen-eligibility>`. */
export declare class JifenEligibility extends HTMLElement {
  /** Attribute `scenario`: the scenario id, or `ruleSetId/scenarioId`. */
  scenario: string;
  /** Attribute `partner-key`: the partner's API key, bound to its origins and scenarios. */
  partnerKey: string;
  /** Attribute `lang`: `zh-CN` or `en`; without it, the page's `<html lang>`. */
  lang: string;
  /** Attribute `resident-token`: a resident's widget token from their app (resident mode). */
  residentToken: string;
  /** Attribute `api-base`: the Jifen server; by default the one the script came from. */
  apiBase: string;
  /** Attribute `heading-level`: the level of the widget's title, 1–6 (default 2). */
  headingLevel: number;
  /** Attribute `timeout`: seconds to wait for Jifen before `timeout` (default 10). */
  timeout: number;
  /** The result shown, undefined before the first. */
  readonly result: JifenWidgetResult | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'jifen-eligibility': JifenEligibility;
  }
  interface GlobalEventHandlersEventMap {
    'jifen-result': CustomEvent<JifenResultDetail>;
    'jifen-error': CustomEvent<JifenErrorDetail>;
  }
}
