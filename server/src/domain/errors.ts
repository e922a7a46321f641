/**
 * The one error model. Domain code throws `JifenError`s; the HTTP layer's single `onError` turns them into
 * `{error: {code, message, messageZh, fields?}}` with the status that belongs to the code.
 */

/** A text a person reads, in English and in Chinese. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** A problem with one field, named by its path in the input (e.g. `facts.birthDate`, `indicators.3.tiers`). */
export interface FieldError {
  path: string;
  message: string;
  /** The same in Chinese (the error body fills it in from the English where the thrower gave none). */
  messageZh?: string;
  /** For a fact out of its bounds: which bound, the limit it set for this request, why, and where it comes from. */
  bound?: { kind: string; limit: number | string; reason: { zh: string; en: string }; reference: { document: string; clause?: string } };
}

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 422,
  invalid_rule_set: 422,
  // The widget's refusals, one per cause so that a page can tell its visitor what to do (before the
  // generic codes: the generic code is the one a bare status maps back to).
  token_expired: 401,
  token_invalid: 401,
  token_revoked: 401,
  token_scenario: 403,
  token_partner: 403,
  key_invalid: 401,
  key_revoked: 401,
  origin_forbidden: 403,
  scenario_forbidden: 403,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A refusal. Give the text as `{en, zh}` wherever a person reads it; a bare English string gets the
 * Chinese text of its code (`errorTextZh`) in the error body.
 *
 * @example
 * throw new JifenError('not_found', { en: 'RuleSets: no rule set "x"', zh: '没有规则集“x”' });
 * throw new JifenError('validation_failed', 'Evaluate: invalid facts', [{ path: 'facts.age', message: 'unknown fact' }]);
 */
export class JifenError extends Error {
  override readonly name = 'JifenError';
  /** The Chinese text of `message`, when the thrower gave one. */
  readonly messageZh: string | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string | { en: string; zh?: string | undefined },
    readonly fields?: FieldError[],
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.messageZh = typeof message === 'string' ? undefined : message.zh;
  }

  /** The message in both languages as given (the Chinese may be missing). */
  get text(): { en: string; zh?: string } {
    return this.messageZh === undefined ? { en: this.message } : { en: this.message, zh: this.messageZh };
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

/** Joins path segments the way every field error names them: `indicators.3.tiers.0.points`. */
export function fieldPath(segments: readonly PropertyKey[]): string {
  return segments.map(String).join('.');
}
