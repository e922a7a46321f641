import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Operation } from 'rfc6902';
import { JifenError } from '../../domain/errors';
import { draftEtag } from '../../domain/drafts/draft';
import { approveDraft, rejectDraft, submitDraft, withdrawDraft } from './decisions';
import {
  createDraft,
  draftView,
  evaluateDraft,
  getDraft,
  listDrafts,
  patchDraft,
  saveDraft,
  StaleDraft,
  validateDocument,
} from './drafts';
import { renameDraft } from './rename-draft';
import { staffOf, type AppEnv } from '../../platform/http/access';
import {
  approvedSchema,
  approveRequestSchema,
  createDraftRequestSchema,
  draftEvaluateRequestSchema,
  draftListSchema,
  draftParamsSchema,
  draftSchema,
  ifMatchHeadersSchema,
  jsonPatchSchema,
  rejectRequestSchema,
  renameDraftRequestSchema,
  ruleSetIdParamsSchema,
  saveDraftRequestSchema,
  staleDraftSchema,
  submitRequestSchema,
  validateRequestSchema,
  validationSchema,
} from './draft-schemas';
import { errorBody, errorResponses, validationHook } from '../../platform/http/errors';
import { evaluationSchema } from '../evaluate';
import { jsonBody } from '../../platform/http/json-body';
import { json, need, type LifecycleRouteDeps } from '../staff';

const tags = ['Drafts and publishing'];
/** A whole rule-set document with thousands of test cases fits. */
const DOCUMENT_MAX_BYTES = 4 * 1024 * 1024;
const SMALL_BODY = jsonBody({ maxBytes: 16 * 1024 });
const DOCUMENT_BODY = jsonBody({ maxBytes: DOCUMENT_MAX_BYTES });
const withEtag = { headers: { ETag: { schema: { type: 'string' as const }, description: 'The draft revision: `"<draftId>-<revision>"`' } } };
const stale = { 412: json(staleDraftSchema, 'Someone saved the draft since you read it; `current` is the draft as stored now') };

const path = '/api/v1/rule-sets/{id}/drafts';
const one = `${path}/{draftId}`;

const listRoute = createRoute({
  method: 'get',
  path,
  tags,
  summary: 'Drafts of a rule set, newest first',
  request: { params: ruleSetIdParamsSchema },
  responses: { 200: json(draftListSchema, 'The drafts'), ...errorResponses(401, 403, 404, 422) },
});

const getRoute = createRoute({
  method: 'get',
  path: one,
  tags,
  summary: 'One draft, with its ETag',
  request: { params: draftParamsSchema },
  responses: { 200: { ...json(draftSchema, 'The draft'), ...withEtag }, ...errorResponses(401, 403, 404, 422) },
});

const createDraftRoute = createRoute({
  method: 'post',
  path,
  tags,
  summary: 'Start a draft from a published version',
  description:
    'The document is that version\'s (the latest by default; an earlier one to roll back) numbered as the next version. Editors only, ' +
    'for their own department (the rule set\'s `owner`, or `*`). Recorded as `draft-created`.',
  middleware: [SMALL_BODY],
  request: { params: ruleSetIdParamsSchema, body: { required: true, content: { 'application/json': { schema: createDraftRequestSchema } } } },
  responses: { 201: { ...json(draftSchema, 'The new draft'), ...withEtag }, ...errorResponses(401, 403, 404, 413, 415, 422) },
});

const putRoute = createRoute({
  method: 'put',
  path: one,
  tags,
  summary: 'Replace the draft\'s document',
  description:
    'Needs `If-Match` with the ETag last read (428 without, 412 with a stale one). The document is validated exactly as loading ' +
    '(422 `invalid_rule_set`, field paths inside the document; nothing written) and its test cases are run and stored with the draft. ' +
    'Recorded as `draft-edited` with the content hashes before and after.',
  middleware: [DOCUMENT_BODY],
  request: {
    params: draftParamsSchema,
    headers: ifMatchHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: saveDraftRequestSchema } } },
  },
  responses: { 200: { ...json(draftSchema, 'The draft as saved'), ...withEtag }, ...stale, ...errorResponses(401, 403, 404, 409, 413, 415, 422, 428) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: one,
  tags,
  summary: 'Change the draft\'s document with a JSON Patch',
  description: 'RFC 6902 operations on the current document, then saved as `PUT` does. An operation that does not apply is named by its index.',
  middleware: [DOCUMENT_BODY],
  request: {
    params: draftParamsSchema,
    headers: ifMatchHeadersSchema,
    body: { required: true, content: { 'application/json-patch+json': { schema: jsonPatchSchema } } },
  },
  responses: { 200: { ...json(draftSchema, 'The draft as saved'), ...withEtag }, ...stale, ...errorResponses(401, 403, 404, 409, 413, 415, 422, 428) },
});

const renameRoute = createRoute({
  method: 'put',
  path: `${one}/name`,
  tags,
  summary: 'Name or rename the draft',
  description:
    'Needs `If-Match` with the ETag last read (428 without, 412 with a stale one, answering the draft as it is now). The name is trimmed; ' +
    'blank, longer than 60 characters or holding control characters answers 422 naming `name` (in Chinese and English). Only while ' +
    'the draft can be edited (409 when submitted: withdraw it first; a published draft keeps its name). The document does not change; ' +
    'the revision does. Recorded as `draft-renamed` with the old and new name.',
  middleware: [SMALL_BODY],
  request: {
    params: draftParamsSchema,
    headers: ifMatchHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: renameDraftRequestSchema } } },
  },
  responses: { 200: { ...json(draftSchema, 'The renamed draft'), ...withEtag }, ...stale, ...errorResponses(401, 403, 404, 409, 413, 415, 422, 428) },
});

const evaluateRoute = createRoute({
  method: 'post',
  path: `${one}/evaluate`,
  tags,
  summary: 'Score facts on the draft (preview)',
  middleware: [jsonBody({ maxBytes: 256 * 1024 })],
  request: { params: draftParamsSchema, body: { required: true, content: { 'application/json': { schema: draftEvaluateRequestSchema } } } },
  responses: { 200: json(evaluationSchema, 'The evaluation, as `/evaluate` answers it'), ...errorResponses(401, 403, 404, 413, 415, 422) },
});

const submitRoute = createRoute({
  method: 'post',
  path: `${one}/submit`,
  tags,
  summary: 'Submit the draft for approval with a change note',
  description: 'Refused (422, one field per failing case) while any of the draft’s test cases fails: such a draft could never be approved.',
  middleware: [SMALL_BODY],
  request: { params: draftParamsSchema, body: { required: true, content: { 'application/json': { schema: submitRequestSchema } } } },
  responses: { 200: { ...json(draftSchema, 'The submitted draft'), ...withEtag }, ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const approveRoute = createRoute({
  method: 'post',
  path: `${one}/approve`,
  tags,
  summary: 'Approve and publish (four eyes)',
  description:
    'Publishes the submitted draft as an immutable version taking effect on `effectiveFrom` (today or later, China time, and not before ' +
    'the latest version\'s date). 403 when the approver wrote the draft; 409 when it is not submitted or another version was published ' +
    'after it was started; 422 when its test cases fail. The version and its audit entries are written in one transaction.',
  middleware: [SMALL_BODY],
  request: { params: draftParamsSchema, body: { required: true, content: { 'application/json': { schema: approveRequestSchema } } } },
  responses: { 201: json(approvedSchema, 'The published version and the draft'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const rejectRoute = createRoute({
  method: 'post',
  path: `${one}/reject`,
  tags,
  summary: 'Reject with a reason (four eyes)',
  middleware: [SMALL_BODY],
  request: { params: draftParamsSchema, body: { required: true, content: { 'application/json': { schema: rejectRequestSchema } } } },
  responses: { 200: { ...json(draftSchema, 'The rejected draft'), ...withEtag }, ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const withdrawRoute = createRoute({
  method: 'post',
  path: `${one}/withdraw`,
  tags,
  summary: 'Withdraw a submission (its author)',
  description: 'The submitted draft goes back to editing. Only someone who wrote it may (403 otherwise); 409 when it is not submitted.',
  request: { params: draftParamsSchema },
  responses: { 200: { ...json(draftSchema, 'The draft, editable again'), ...withEtag }, ...errorResponses(401, 403, 404, 409) },
});

const validateRoute = createRoute({
  method: 'post',
  path: '/api/v1/rule-sets/validate',
  tags,
  summary: 'Validate a document and run its cases, writing nothing',
  middleware: [DOCUMENT_BODY],
  request: { body: { required: true, content: { 'application/json': { schema: validateRequestSchema } } } },
  responses: { 200: json(validationSchema, 'Problems by field path, and the cases when the document is valid'), ...errorResponses(401, 403, 413, 415, 422) },
});

/**
 * Drafts, four-eyes publishing and live validation.
 *
 * @example
 * app.route('/', draftRoutes(deps));
 */
export function draftRoutes(deps: LifecycleRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(validateRoute, async (c) => c.json(await validateDocument(need(deps), c.req.valid('json').document), 200));

  app.openapi(listRoute, async (c) => {
    const drafts = await listDrafts(need(deps), c.req.valid('param').id);
    return c.json({ drafts: drafts.map(draftView) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const draft = await getDraft(need(deps), id, draftId);
    c.header('ETag', draftEtag(draft));
    return c.json(draftView(draft), 200);
  });

  app.openapi(createDraftRoute, async (c) => {
    const draft = await createDraft(need(deps), staffOf(c).user, c.req.valid('param').id, c.req.valid('json'));
    c.header('ETag', draftEtag(draft));
    return c.json(draftView(draft), 201);
  });

  app.openapi(putRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const ifMatch = requireIfMatch(c);
    try {
      const draft = await saveDraft(need(deps), staffOf(c).user, id, draftId, ifMatch, c.req.valid('json').document);
      c.header('ETag', draftEtag(draft));
      return c.json(draftView(draft), 200);
    } catch (error) {
      if (error instanceof StaleDraft) return staleResponse(c, error);
      throw error;
    }
  });

  app.openapi(patchRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const ifMatch = requireIfMatch(c);
    try {
      const draft = await patchDraft(need(deps), staffOf(c).user, id, draftId, ifMatch, toOperations(c.req.valid('json')));
      c.header('ETag', draftEtag(draft));
      return c.json(draftView(draft), 200);
    } catch (error) {
      if (error instanceof StaleDraft) return staleResponse(c, error);
      throw error;
    }
  });

  app.openapi(renameRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const ifMatch = requireIfMatch(c);
    try {
      const draft = await renameDraft(need(deps), staffOf(c).user, id, draftId, ifMatch, c.req.valid('json').name);
      c.header('ETag', draftEtag(draft));
      return c.json(draftView(draft), 200);
    } catch (error) {
      if (error instanceof StaleDraft) return staleResponse(c, error);
      throw error;
    }
  });

  app.openapi(evaluateRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    return c.json(await evaluateDraft(need(deps), id, draftId, c.req.valid('json')), 200);
  });

  app.openapi(submitRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const draft = await submitDraft(need(deps), staffOf(c).user, id, draftId, c.req.valid('json').note);
    c.header('ETag', draftEtag(draft));
    return c.json(draftView(draft), 200);
  });

  app.openapi(approveRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const { draft, version } = await approveDraft(need(deps), staffOf(c).user, id, draftId, c.req.valid('json'));
    return c.json({ draft: draftView(draft), version }, 201);
  });

  app.openapi(rejectRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const draft = await rejectDraft(need(deps), staffOf(c).user, id, draftId, c.req.valid('json').reason);
    c.header('ETag', draftEtag(draft));
    return c.json(draftView(draft), 200);
  });

  app.openapi(withdrawRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const draft = await withdrawDraft(need(deps), staffOf(c).user, id, draftId);
    c.header('ETag', draftEtag(draft));
    return c.json(draftView(draft), 200);
  });

  return app;
}

export function requireIfMatch(c: Context): string {
  const header = c.req.header('if-match')?.trim();
  if (header) return header;
  throw new JifenError('precondition_required', {
    en: 'Drafts: send If-Match with the ETag you last read, so that no save overwrites another unseen',
    zh: '保存时须注明您打开的是哪一版草稿，以免覆盖别人的修改',
  });
}

export function staleResponse(c: Context, error: StaleDraft) {
  c.header('ETag', draftEtag(error.current));
  return c.json({ ...errorBody(error.code, error.text), current: draftView(error.current) }, 412);
}

function toOperations(ops: z.infer<typeof jsonPatchSchema>): Operation[] {
  return ops.map((op): Operation => {
    switch (op.op) {
      case 'add':
      case 'replace':
      case 'test':
        return { op: op.op, path: op.path, value: op.value };
      case 'remove':
        return { op: op.op, path: op.path };
      case 'move':
      case 'copy':
        return { op: op.op, from: op.from, path: op.path };
    }
  });
}
