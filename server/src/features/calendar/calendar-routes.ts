import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { coverageOfYears } from '../../domain/calendar/coverage';
import { addWorkingDays } from '../../domain/calendar/working-days';
import { localDate } from '../../domain/local-date';
import { REVIEW_WORKING_DAYS } from '../../domain/residents/self-application';
import { dateSchema } from '../../domain/rule-set/schema';
import { removeCalendarOverride, setCalendarOverride } from './calendar-overrides';
import { loadCalendar } from './calendar-notices';
import { inTransaction } from '../../platform/db/database';
import { staffOf, type AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { json } from '../staff';
import type { ResidentRouteDeps } from '../residents';
import { STAFF_SESSION } from '../residents';

const tags = ['Working-day calendar'];

const overrideSchema = z
  .object({
    date: z.string(),
    kind: z.enum(['workday', 'holiday']).openapi({ description: '`workday`: an adjusted working day (调休上班); `holiday`: a day off.' }),
    note: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('CalendarOverride');

const coverageSchema = z.object({
  year: z.number().int(),
  state: z.enum(['official', 'notice', 'statutory']).openapi({
    description:
      '`official`: the holiday library has the year; `notice`: an admin confirmed the year\'s State Council notice; `statutory`: neither — only the statutory holidays of the law are off and deadlines in the year are provisional.',
  }),
  official: z.boolean().openapi({ description: 'The holiday library has the official arrangement for the year.' }),
  overrides: z.number().int().openapi({ description: 'Single-day overrides in the year; they never change its state.' }),
  known: z.boolean().openapi({ description: '`state` is `official` or `notice`.' }),
  notice: z.string().optional().openapi({ description: 'The confirmed notice, when `state` is `notice`.' }),
  warning: z.string().optional(),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/calendar/overrides',
  tags,
  security: STAFF_SESSION,
  summary: 'The override table, and what is known of each year',
  description:
    'Working days follow the official holiday calendar (the chinese-days library) for the years it covers, a confirmed State Council notice for ' +
    'later years, and the statutory holidays of the law for a year with neither. Overrides correct single days. `coverage` spans last year to two ' +
    'years ahead and warns about every year without a confirmed notice.',
  responses: {
    200: json(z.object({ overrides: z.array(overrideSchema), coverage: z.array(coverageSchema), warnings: z.array(z.string()) }).openapi('CalendarOverrides'), 'The table'),
    ...errorResponses(401, 403),
  },
});

const dateParam = z.strictObject({ date: dateSchema.openapi({ param: { name: 'date', in: 'path' }, example: '2027-02-06' }) });

const putRoute = createRoute({
  method: 'put',
  path: '/api/v1/calendar/overrides/{date}',
  tags,
  security: STAFF_SESSION,
  summary: 'Set the override of one day (admin)',
  description:
    'Audited as `calendar-override-changed`. Deadlines computed afterwards use it; deadlines already set are kept. An override never makes a ' +
    'year known: enter the year\'s notice for that.',
  middleware: [jsonBody({ maxBytes: 4 * 1024 })],
  request: {
    params: dateParam,
    body: { required: true, content: { 'application/json': { schema: z.strictObject({ kind: z.enum(['workday', 'holiday']), note: z.string().trim().min(1).max(200).optional() }).openapi('SetCalendarOverride') } } },
  },
  responses: { 200: json(overrideSchema, 'The override'), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/calendar/overrides/{date}',
  tags,
  security: STAFF_SESSION,
  summary: 'Remove the override of one day (admin)',
  request: { params: dateParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 422) },
});

const deadlineRoute = createRoute({
  method: 'get',
  path: '/api/v1/calendar/deadline',
  tags,
  security: STAFF_SESSION,
  summary: 'The n-th working day after a date',
  description:
    'The day itself never counts. Default: today and 10 working days (the review deadline of a self-application). `known` is false, with a ' +
    'warning naming the year, while any year the count spans has no confirmed notice (only the statutory holidays of the law are counted there).',
  request: {
    query: z.strictObject({ from: dateSchema.optional(), days: z.coerce.number().int().min(0).max(366).optional() }),
  },
  responses: {
    200: json(z.object({ from: z.string(), days: z.number().int(), deadline: z.string(), known: z.boolean(), warnings: z.array(z.string()) }).openapi('Deadline'), 'The deadline'),
    ...errorResponses(401, 403, 422),
  },
});

/**
 * The working-day calendar's override table (admin) and deadline arithmetic.
 *
 * @example
 * app.route('/', calendarRoutes(deps));
 */
export function calendarRoutes(deps: ResidentRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(listRoute, async (c) => {
    const calendar = await loadCalendar(deps.client);
    const year = Number(localDate(deps.now()).slice(0, 4));
    const coverage = coverageOfYears(calendar, year - 1, year + 2);
    return c.json({ overrides: calendar.overrides, coverage, warnings: coverage.flatMap((y) => (y.warning ? [y.warning] : [])) }, 200);
  });

  app.openapi(putRoute, async (c) => {
    const { date } = c.req.valid('param');
    const body = c.req.valid('json');
    const by = staffOf(c).user.username;
    const stored = await inTransaction(deps.client, (tx) => setCalendarOverride(tx, { date, ...body }, by, deps.now().toISOString()));
    return c.json(stored, 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { date } = c.req.valid('param');
    const by = staffOf(c).user.username;
    await inTransaction(deps.client, (tx) => removeCalendarOverride(tx, date, by, deps.now().toISOString()));
    return c.body(null, 204);
  });

  app.openapi(deadlineRoute, async (c) => {
    const query = c.req.valid('query');
    const from = query.from ?? localDate(deps.now());
    const days = query.days ?? REVIEW_WORKING_DAYS;
    const calendar = await loadCalendar(deps.client);
    const deadline = addWorkingDays(from, days, calendar);
    const years = coverageOfYears(calendar, Number(from.slice(0, 4)), Number(deadline.slice(0, 4)));
    return c.json({ from, days, deadline, known: years.every((y) => y.known), warnings: years.flatMap((y) => (y.warning ? [y.warning] : [])) }, 200);
  });

  return app;
}
