import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { draftEtag } from '../../domain/drafts/draft';
import { XLSX_TYPE } from '../../domain/workbook';
import { staffOf, type AppEnv } from '../../platform/http/access';
import { attachment, binaryBody } from '../../platform/http/binary-body';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { json, need, type LifecycleRouteDeps } from '../staff';
import { requireIfMatch, staleResponse } from './draft-routes';
import { draftParamsSchema, draftSchema, ifMatchHeadersSchema, staleDraftSchema } from './draft-schemas';
import { draftView, StaleDraft } from './drafts';
import { draftWorkbook, importWorkbook } from './workbook';

const tags = ['Drafts and publishing'];
const path = '/api/v1/rule-sets/{id}/drafts/{draftId}/workbook';
/** A workbook of a large rule set with thousands of test cases is well under this. */
const WORKBOOK_MAX_BYTES = 4 * 1024 * 1024;
const xlsx = { [XLSX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } } };

const getRoute = createRoute({
  method: 'get',
  path,
  tags,
  summary: 'The draft as an Excel workbook (.xlsx)',
  description:
    'A sheet per part, Chinese headers first: groups; indicators with their tiers and bands as rows and 分值 columns; scenarios with bars and ' +
    'places; test cases as input and expected rows. Ids are kept in every row. Grey columns (conditions, eligibility) are for reading.',
  request: { params: draftParamsSchema },
  responses: { 200: { description: 'The workbook, with the draft\'s ETag', content: xlsx }, ...errorResponses(401, 403, 404, 422) },
});

const putRoute = createRoute({
  method: 'put',
  path,
  tags,
  summary: 'Import an edited workbook into the draft',
  description:
    'Read onto the draft\'s document — what the sheets show replaces it, what they do not show (conditions, eligibility, tie-breakers, ledgers, ' +
    'facts) is kept — then saved exactly as `PUT` of the whole document (If-Match, validation, cases, `draft-edited`). A workbook that changes ' +
    'nothing writes nothing and answers the draft as it is. Unreadable cells answer 422 `validation_failed`, each naming sheet, row and ' +
    'column in Chinese and English; validation errors name the sheet and row.',
  middleware: [binaryBody({ type: XLSX_TYPE, maxBytes: WORKBOOK_MAX_BYTES })],
  request: { params: draftParamsSchema, headers: ifMatchHeadersSchema, body: { required: true, content: xlsx } },
  responses: {
    200: { ...json(draftSchema, 'The draft as saved'), headers: { ETag: { schema: { type: 'string' as const } } } },
    412: json(staleDraftSchema, 'Someone saved the draft since you read it; `current` is the draft as stored now'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422, 428),
  },
});

/**
 * A draft's workbook: download, and upload as a save.
 *
 * @example
 * app.route('/', draftWorkbookRoutes(deps));
 */
export function draftWorkbookRoutes(deps: LifecycleRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(getRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const { draft, bytes } = await draftWorkbook(need(deps), id, draftId);
    c.header('ETag', draftEtag(draft));
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', attachment(`${id}-draft-${draftId}.xlsx`, `${id}-草稿-${draftId}.xlsx`));
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
  });

  app.openapi(putRoute, async (c) => {
    const { id, draftId } = c.req.valid('param');
    const ifMatch = requireIfMatch(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    try {
      const draft = await importWorkbook(need(deps), staffOf(c).user, id, draftId, ifMatch, bytes);
      c.header('ETag', draftEtag(draft));
      return c.json(draftView(draft), 200);
    } catch (error) {
      if (error instanceof StaleDraft) return staleResponse(c, error);
      throw error;
    }
  });

  return app;
}
