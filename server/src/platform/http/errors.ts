import type { z } from '@hono/zod-openapi';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, fieldPath, JifenError, type ErrorCode, type FieldError } from '../../domain/errors';
import { zodFieldErrors } from '../../domain/rule-set/validate/zod-issues';
import { errorBody, errorSchema, type ErrorBody } from './error-body';
import { renderErrorPage, wantsErrorPage } from './error-page';

export { errorBody, errorDetail, errorSchema, fieldErrorSchema, type ErrorBody } from './error-body';

/** OpenAPI response entries for error statuses, e.g. `...errorResponses(404, 422)`. */
export function errorResponses<S extends number>(...statuses: S[]) {
  const describe: Record<number, string> = {
    400: 'The body is not valid JSON',
    401: 'Not signed in (or the session has ended)',
    403: 'Not allowed: the access table, four eyes, a department, or a missing CSRF token',
    404: 'No such rule set or version',
    409: 'The resource is not in a state that allows this',
    412: 'The If-Match ETag is not the current one',
    428: 'Send If-Match with the ETag you read',
    429: 'Too many attempts; wait as Retry-After says',
    413: 'The body is too large',
    415: 'The body is not application/json',
    422: 'The request names a field that is invalid; `fields` says which and why',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: describe[s] ?? 'Error', content: { 'application/json': { schema: errorSchema } } }]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof errorSchema } } }>;
}

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(ERROR_STATUS)
    .filter(([code]) => code !== 'invalid_json' && code !== 'invalid_rule_set')
    .map(([code, status]) => [status, code as ErrorCode]),
);

/**
 * An error response: the JSON error shape, or the same error as a page when a browser navigates to a
 * path outside `/api/` (`wantsErrorPage`). For handlers that answer an error without throwing.
 *
 * @example
 * return errorResponse(c, errorBody('not_found', 'Static: no file /editor/x.js'), 404);
 */
export function errorResponse(c: Context, body: ErrorBody, status: ContentfulStatusCode) {
  return wantsErrorPage(c) ? c.html(renderErrorPage(status, body), status) : c.json(body, status);
}

/**
 * The single place where errors become responses: a `JifenError` answers its own status and shape; a
 * framework 4xx keeps its status; anything else is a bug, logged and answered 500 without details.
 * Browsers navigating to a page get the same status as a small bilingual page instead of JSON.
 */
export function errorHandler(log: (message: string, error: unknown) => void): ErrorHandler {
  return (error, c) => {
    if (error instanceof JifenError) return errorResponse(c, errorBody(error.code, error.text, error.fields), error.status);
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status as ContentfulStatusCode;
      return errorResponse(c, errorBody(CODE_BY_STATUS.get(status) ?? 'bad_request', `Request: ${error.message || 'bad request'}`), status);
    }
    log(`Jifen: unexpected error on ${c.req.method} ${c.req.path}`, error);
    return errorResponse(c, errorBody('internal_error', 'Server: unexpected error; it has been logged'), 500);
  };
}

export const notFoundHandler: NotFoundHandler = (c) =>
  errorResponse(c, errorBody('not_found', { en: `Request: no route ${c.req.method} ${c.req.path}`, zh: '没有这个网址' }), 404);

/** What was wrong, by where the invalid input was: the body, the query string or the path. */
const INVALID_ZH: Record<string, string> = {
  body: '提交的内容有误，请按每一项的提示修改',
  query: '查询条件有误，请按每一项的提示修改',
  param: '网址中的参数有误',
  header: '请求头有误',
};

type HookResult = { success: true } | { success: false; error: z.ZodError; target: string };

/**
 * The validation hook of every route: zod issues become `validation_failed` with one field error per
 * problem, paths relative to the body (`facts.birthDate`, `asOf`) or named after the parameter.
 * An unknown field is named itself (`facts.foo`), not its parent.
 */
export function validationHook(result: HookResult, _c: Context): void {
  if (result.success) return;
  throw validationError(result);
}

/**
 * The refusal `validationHook` throws, for a route's own hook that adds what else it can check.
 *
 * @example
 * const refusal = validationError(result); throw new JifenError(refusal.code, refusal.text, [...refusal.fields ?? [], ...more]);
 */
export function validationError(result: { error: z.ZodError; target: string }): JifenError {
  const where = result.target === 'json' ? 'body' : result.target;
  const fields: FieldError[] = [];
  const rest: z.core.$ZodIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = fieldPath([...issue.path, key]);
        fields.push(path === '' ? { path: where, message: 'has a field with an empty name' } : { path, message: 'is not a known field' });
      }
    } else rest.push(issue);
  }
  fields.push(...zodFieldErrors(rest).map((f) => (f.path === '' ? { ...f, path: where } : f)));
  return new JifenError('validation_failed', { en: `Request: invalid ${where}`, zh: INVALID_ZH[where] ?? INVALID_ZH.body! }, fields);
}
