import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { checkNotice, statutoryDaysMissing, type HolidayNotice } from '../../domain/calendar/notice';
import { parseNoticeIcs } from '../../domain/calendar/notice-ics';
import { parseNoticeText } from '../../domain/calendar/notice-text';
import { inTransaction } from '../../platform/db/database';
import { staffOf, type AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import type { ResidentRouteDeps } from '../residents';
import { STAFF_SESSION } from '../residents';
import { json } from '../staff';
import { confirmNotice, enterNotice, listNotices, loadCalendar } from './calendar-notices';
import { applyMoves, previewMoves, type DeadlineSource } from './deadline-moves';

const tags = ['Working-day calendar'];
const text = z.object({ zh: z.string(), en: z.string() });

const noticeSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    title: z.string(),
    holidays: z.array(z.object({ from: z.string(), to: z.string(), name: z.string() })),
    workdays: z.array(z.object({ date: z.string(), name: z.string() })),
    source: z.enum(['text', 'ics']),
    status: z.enum(['entered', 'confirmed', 'superseded', 'withdrawn']),
    enteredAt: z.string(),
    enteredBy: z.string(),
    confirmedAt: z.string().optional(),
    confirmedBy: z.string().optional(),
  })
  .openapi('HolidayNotice');

const moveSchema = z
  .object({
    kind: z.string().openapi({ description: '`self-application`, `objection` or `publication`.' }),
    id: z.string(),
    countedFrom: z.string(),
    workingDays: z.number().int(),
    dueOn: z.string().openapi({ description: 'The deadline as set.' }),
    newDueOn: z.string().openapi({ description: 'The deadline by the confirmed notice.' }),
    reason: text,
  })
  .openapi('DeadlineMove');

const enterBody = z
  .strictObject({
    year: z.number().int().min(1901).max(2099),
    title: z.string().trim().min(1).max(200).optional().openapi({ description: 'Default: 国务院办公厅关于{year}年部分节假日安排的通知.' }),
    text: z.string().min(1).max(20_000).optional().openapi({ description: 'The notice pasted as it reads, or a list: one range or day a line.' }),
    ics: z.string().min(1).max(500_000).optional().openapi({ description: 'An iCalendar file of the arrangement (“春节(休)”, “春节(班)” events).' }),
  })
  .superRefine((body, ctx) => {
    if ((body.text === undefined) === (body.ics === undefined)) {
      for (const path of ['text', 'ics']) ctx.addIssue({ code: 'custom', path: [path], message: 'give the notice either as text or as an ICS file, one of the two' });
    }
  })
  .openapi('EnterHolidayNotice');

const enterRoute = createRoute({
  method: 'post',
  path: '/api/v1/calendar/notices',
  tags,
  security: STAFF_SESSION,
  summary: "Enter a year's State Council holiday notice (admin); shown back for confirmation",
  description:
    'Reads the notice (pasted text or an ICS file) and stores it as entered: it changes nothing until confirmed. The answer shows the ranges and ' +
    'worked days as read, lines that were not used, statutory days the notice does not give off, and the running deadlines it would move.',
  middleware: [jsonBody({ maxBytes: 600 * 1024 })],
  request: { body: { required: true, content: { 'application/json': { schema: enterBody } } } },
  responses: {
    201: json(
      z
        .object({
          notice: noticeSchema,
          ignored: z.array(z.object({ line: z.number().int(), text: z.string() })),
          missingStatutory: z.array(z.object({ date: z.string(), name: text })),
          wouldMove: z.array(moveSchema),
        })
        .openapi('EnteredHolidayNotice'),
      'Entered, waiting for confirmation',
    ),
    ...errorResponses(400, 401, 403, 413, 415, 422),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/calendar/notices',
  tags,
  security: STAFF_SESSION,
  summary: 'The holiday notices entered, newest year first',
  responses: { 200: json(z.object({ notices: z.array(noticeSchema) }).openapi('HolidayNotices'), 'The notices'), ...errorResponses(401, 403) },
});

const confirmRoute = createRoute({
  method: 'post',
  path: '/api/v1/calendar/notices/{id}/confirm',
  tags,
  security: STAFF_SESSION,
  summary: 'Confirm an entered notice (admin): its year becomes known, and running deadlines it moves are moved visibly',
  description:
    'Audited as `calendar-notice-confirmed`; each moved deadline is recorded with its reason (`deadline-moved`) and shown in the review queues.',
  request: { params: z.strictObject({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: json(z.object({ notice: noticeSchema, moved: z.array(moveSchema) }).openapi('ConfirmedHolidayNotice'), 'Confirmed'),
    ...errorResponses(401, 403, 404, 409),
  },
});

/**
 * The State Council's yearly notices: entered in one step, shown back, then confirmed.
 *
 * @example
 * app.route('/', noticeRoutes(deps, [applicationDeadlines, objectionDeadlines]));
 */
export function noticeRoutes(deps: ResidentRouteDeps, sources: readonly DeadlineSource[]) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(enterRoute, async (c) => {
    const body = c.req.valid('json');
    const parsed = body.text !== undefined ? parseNoticeText(body.text, body.year) : parseNoticeIcs(body.ics ?? '', body.year);
    const notice: HolidayNotice = checkNotice({
      year: body.year,
      title: body.title ?? `国务院办公厅关于${body.year}年部分节假日安排的通知`,
      holidays: parsed.holidays,
      workdays: parsed.workdays,
    });
    const by = staffOf(c).user.username;
    const result = await inTransaction(deps.client, async (tx) => {
      const stored = await enterNotice(tx, notice, body.text !== undefined ? 'text' : 'ics', by, deps.now().toISOString());
      const before = await loadCalendar(tx);
      const wouldMove = await previewMoves(tx, sources, before, withNotice(before, notice));
      return { notice: stored, wouldMove };
    });
    return c.json({ ...result, ignored: parsed.ignored, missingStatutory: statutoryDaysMissing(notice) }, 201);
  });

  app.openapi(listRoute, async (c) => c.json({ notices: await listNotices(deps.client) }, 200));

  app.openapi(confirmRoute, async (c) => {
    const { id } = c.req.valid('param');
    const by = staffOf(c).user.username;
    const at = deps.now().toISOString();
    const result = await inTransaction(deps.client, async (tx) => {
      const before = await loadCalendar(tx);
      const notice = await confirmNotice(tx, id, by, at);
      const moved = await applyMoves(tx, sources, before, withNotice(before, notice), { noticeId: id, by, at });
      return { notice, moved };
    });
    return c.json(result, 200);
  });

  return app;
}

function withNotice<C extends { notices: readonly HolidayNotice[] }>(calendar: C, notice: HolidayNotice): C {
  return { ...calendar, notices: [...calendar.notices.filter((n) => n.year !== notice.year), notice] };
}
