import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CSV_TYPE, sheetsToXlsx, toCsv, XLSX_TYPE } from '../../domain/workbook';
import { attachment } from '../../platform/http/binary-body';
import { publicRoundSheet } from './public-round-export';
import { publicHeader, publicRound } from './round-queries';
import type { RoundDeps } from './round-workflow';
import { createLibsqlRoundRepository } from './rounds-repository';
import type { AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { json } from '../staff';
import { NOTICE_CSS, renderNotice } from './public-round-page';
import { publicRoundListSchema, publicRoundSchema, roundParamsSchema } from './round-schemas';

const tags = ['Public notice'];

const listRoute = createRoute({
  method: 'get', path: '/api/v1/public/rounds', tags, summary: 'Rounds with a published or final ranked list',
  responses: { 200: json(publicRoundListSchema, 'The rounds, newest first') },
});
const jsonRoute = createRoute({
  method: 'get', path: '/api/v1/public/rounds/{id}', tags, summary: 'The public notice of a ranked list (公示), as JSON',
  description: 'Anonymous. Names and residence-permit numbers are masked; no resident id appears. A round not yet published answers 404.',
  request: { params: roundParamsSchema },
  responses: { 200: json(publicRoundSchema, 'The ranked list'), ...errorResponses(404, 422) },
});
const pageRoute = createRoute({
  method: 'get', path: '/public/rounds/{id}', tags, summary: 'The public notice of a ranked list, as a page',
  description: 'The same as the JSON, server-rendered in Chinese and English.',
  request: { params: roundParamsSchema },
  responses: { 200: { description: 'An HTML page', content: { 'text/html': { schema: z.string() } } }, ...errorResponses(404, 422) },
});
const exportRoute = createRoute({
  method: 'get', path: '/api/v1/public/rounds/{id}/export', tags, summary: 'The public ranked list as an Excel workbook or CSV, for the record',
  description: 'Exactly what the public page shows, masked the same way: `format=xlsx` (default) or `format=csv` (UTF-8 with a byte order mark).',
  request: { params: roundParamsSchema, query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
  responses: {
    200: { description: 'The file', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: z.string() } } },
    ...errorResponses(404, 422),
  },
});
const cssRoute = createRoute({
  method: 'get', path: '/public/assets/notice.css', tags, summary: 'The stylesheet of public pages',
  responses: { 200: { description: 'CSS', content: { 'text/css': { schema: z.string() } } } },
});

/**
 * The anonymous public notice of ranked lists: JSON for systems, a page for people.
 *
 * @example
 * app.route('/', publicRoundRoutes({ client, resolver }));
 */
export function publicRoundRoutes(deps: RoundDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, async (c) => {
    const repo = createLibsqlRoundRepository(deps.client);
    const rounds = [...(await repo.listRounds({ status: 'published' })), ...(await repo.listRounds({ status: 'final' }))].sort((a, b) => b.id - a.id);
    return c.json({ rounds: rounds.map(publicHeader) }, 200);
  });
  app.openapi(jsonRoute, async (c) => c.json(await publicRound(deps, c.req.valid('param').id), 200));
  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const sheet = publicRoundSheet(await publicRound(deps, id));
    const name = `round-${id}-ranked-list`;
    if (c.req.valid('query').format === 'csv') {
      c.header('Content-Disposition', attachment(`${name}.csv`, `第${id}轮积分排名公示.csv`));
      return c.body(toCsv(sheet.rows), 200, { 'Content-Type': CSV_TYPE });
    }
    c.header('Content-Disposition', attachment(`${name}.xlsx`, `第${id}轮积分排名公示.xlsx`));
    return c.body((await sheetsToXlsx([sheet])) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': XLSX_TYPE });
  });
  // A round without a public list throws `not_found`: errors.ts answers a browser with its error page.
  app.openapi(pageRoute, async (c) => {
    const notice = await publicRound(deps, c.req.valid('param').id);
    c.header('Cache-Control', 'no-cache');
    return c.html(await renderNotice(notice), 200);
  });
  return app;
}

/**
 * The stylesheet of public pages and error pages; served with or without a database, since every
 * error page a browser sees links it.
 *
 * @example
 * app.route('/', publicAssetRoutes());
 */
export function publicAssetRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(cssRoute, (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(NOTICE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  return app;
}
