import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { JifenError } from '../../domain/errors';
import type { RuleSetRepository } from '../../domain/rule-set/repository';
import { ruleSetToSheets, sheetsToXlsx, XLSX_TYPE } from '../../domain/workbook';
import { attachment } from '../../platform/http/binary-body';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { includedDocuments } from './included-documents';
import { versionParamsSchema } from './rule-set-schemas';

const workbookRoute = createRoute({
  method: 'get',
  path: '/api/v1/rule-sets/{id}/versions/{version}/workbook',
  tags: ['Rule sets'],
  summary: 'One published version as an Excel workbook (.xlsx)',
  description:
    'The same workbook as a draft\'s: groups, indicators with tiers and bands as rows, scenarios, test cases. Upload an edited copy into a draft ' +
    'with `PUT /api/v1/rule-sets/{id}/drafts/{draftId}/workbook`.',
  request: { params: versionParamsSchema },
  responses: {
    200: { description: 'The workbook', content: { [XLSX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } } } },
    ...errorResponses(404, 422),
  },
});

/**
 * A published version's workbook, open to everyone as the version itself is.
 *
 * @example
 * app.route('/', versionWorkbookRoutes({ ruleSets: repo }));
 */
export function versionWorkbookRoutes(deps: { ruleSets: RuleSetRepository }) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.openapi(workbookRoute, async (c) => {
    const { id, version } = c.req.valid('param');
    const found = await deps.ruleSets.getVersion(id, Number(version));
    if (!found) throw new JifenError('not_found', { en: `RuleSets: ${id} has no version ${version}`, zh: `这个规则集没有第 ${version} 版` }, [{ path: 'version', message: 'no such version' }]);
    const bytes = await sheetsToXlsx(ruleSetToSheets(found.document, await includedDocuments(deps.ruleSets, found.document)));
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', attachment(`${id}-v${version}.xlsx`, `${id}-第${version}版.xlsx`));
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
  });
  return app;
}
