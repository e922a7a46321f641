import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { workingDaysBetween } from '../../domain/calendar/working-days';
import { JifenError } from '../../domain/errors';
import type { SelfApplication } from '../../domain/residents/self-application';
import { loadCalendar, movesOf } from '../calendar';
import { applicationDeadlines } from './application-deadlines';
import { approveApplication, rejectApplication, reviewsFor, submitApplication } from './self-application-service';
import { evidenceContent, getApplication, listApplications } from './self-applications';
import { principalOf, staffOf, type AppEnv } from '../../platform/http/access';
import { errorResponses, validationHook } from '../../platform/http/errors';
import { readEvidence } from './evidence';
import { formBody } from '../../platform/http/form-body';
import { jsonBody } from '../../platform/http/json-body';
import { json } from '../staff';
import { context, mustFind, type ResidentRouteDeps } from '../residents';
import { STAFF_OR_RESIDENT, STAFF_SESSION } from '../residents';
import { personView, type Disclosure } from '../residents';
import {
  applicationIdParamSchema,
  evidenceParamSchema,
  listQuerySchema,
  rejectSchema,
  selfApplicationListSchema,
  selfApplicationSchema,
  submitFormSchema,
} from './self-application-schemas';

const tags = ['Self-applications (自主申请)'];

const submitRoute = createRoute({
  method: 'post',
  path: '/api/v1/self-applications',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: 'Claim an indicator with evidence',
  description:
    'A resident (resident token) claims an indicator for themself, or staff at the service office enter the claim for a resident (`residentId`). ' +
    "The claim goes to the department that owns the indicator, with a review deadline of 10 working days after the day of submission. Evidence files " +
    'are checked by content (PDF, JPEG, PNG; 5 MB each): a file whose content is another type, or whose name claims another type, is refused.',
  middleware: [formBody({ maxBytes: 26 * 1024 * 1024 })],
  request: { body: { required: true, content: { 'multipart/form-data': { schema: submitFormSchema } } } },
  responses: { 201: json(selfApplicationSchema, 'The application'), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/self-applications',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: 'Self-applications, earliest deadline first; `overdue=true` for those past their deadline',
  description:
    "Reviewers see their departments' applications, admins all, a resident their own. With `overdue=true`: only pending applications whose " +
    'review deadline has passed, each with `workingDaysOverdue`.',
  request: { query: listQuerySchema },
  responses: { 200: json(selfApplicationListSchema, 'The applications'), ...errorResponses(401, 403, 422) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/self-applications/{id}',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: 'One self-application',
  request: { params: applicationIdParamSchema },
  responses: { 200: json(selfApplicationSchema, 'The application'), ...errorResponses(401, 403, 404) },
});

const evidenceRoute = createRoute({
  method: 'get',
  path: '/api/v1/self-applications/{id}/evidence/{fileId}',
  tags,
  security: STAFF_OR_RESIDENT,
  summary: 'Download one evidence file',
  description: 'Served as an attachment with the type found in its content.',
  request: { params: evidenceParamSchema },
  responses: {
    200: { description: 'The file', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/jpeg': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } } } },
    ...errorResponses(401, 403, 404),
  },
});

const approveRoute = createRoute({
  method: 'post',
  path: '/api/v1/self-applications/{id}/approve',
  tags,
  security: STAFF_SESSION,
  summary: 'Approve: set the claimed facts',
  description: "A reviewer of the indicator's department sets the claimed facts (or earns the claimed ledger points) with themself as provenance and the application as evidence; the resident is re-scored. Audited as `application-approved`.",
  request: { params: applicationIdParamSchema },
  responses: { 200: json(selfApplicationSchema, 'The approved application'), ...errorResponses(401, 403, 404, 409) },
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/api/v1/self-applications/{id}/reject',
  tags,
  security: STAFF_SESSION,
  summary: 'Reject with a reason',
  middleware: [jsonBody({ maxBytes: 8 * 1024 })],
  request: { params: applicationIdParamSchema, body: { required: true, content: { 'application/json': { schema: rejectSchema } } } },
  responses: { 200: json(selfApplicationSchema, 'The rejected application'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
});

/**
 * Self-applications (自主申请): submit with evidence, review queue, overdue list, approve, reject.
 *
 * @example
 * app.route('/', selfApplicationRoutes(deps));
 */
export function selfApplicationRoutes(deps: ResidentRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  async function view(c: Context<AppEnv>, apps: readonly SelfApplication[], today: string) {
    const d = disclosure(c);
    const { residents } = await context(deps);
    const people = new Map((await residents.getResidents(apps.map((a) => a.residentId))).map((r) => [r.id, r]));
    const moves = await movesOf(deps.client, applicationDeadlines.kind, apps.map((a) => a.id));
    return apps.map((a) => {
      const person = people.get(a.residentId);
      const moved = (moves.get(a.id) ?? []).map(({ dueOn, newDueOn, reason, changedAt, changedBy }) => ({ from: dueOn, to: newDueOn, reason, at: changedAt, by: changedBy }));
      return {
        ...a,
        ...(person ? { resident: personView(person, d) } : {}),
        overdue: a.status === 'pending' && a.dueOn < today,
        ...(moved.length > 0 ? { deadlineMoves: moved } : {}),
      };
    });
  }

  app.openapi(submitRoute, async (c) => {
    const form = c.req.valid('form');
    const principal = principalOf(c);
    const { now, today, rs, residents } = await context(deps);
    let residentId: string;
    let submittedBy: string;
    if (principal?.kind === 'resident') {
      if (form.residentId !== undefined && form.residentId !== principal.id) throw new JifenError('forbidden', { en: 'Applications: a resident applies only for themself', zh: '居民只能为自己申报' });
      residentId = principal.id;
      submittedBy = `resident:${principal.id}`;
    } else {
      if (!form.residentId) throw new JifenError('validation_failed', { en: 'Applications: name the resident you enter the claim for', zh: '请写明您代为申报的居民' }, [{ path: 'residentId', message: 'is required for staff' }]);
      residentId = form.residentId;
      submittedBy = staffOf(c).user.username;
    }
    await mustFind(residents, residentId);
    let claim: unknown;
    try {
      claim = JSON.parse(form.claim);
    } catch {
      throw new JifenError('validation_failed', { en: 'Applications: the claim is not JSON', zh: '申报内容格式有误，无法读取' }, [{ path: 'claim', message: 'must be JSON, e.g. {"facts":{"inventionPatents":2}}' }]);
    }
    const files = await readEvidence(Array.isArray(form.files) ? form.files : [form.files]);
    const created = await submitApplication(deps.client, {
      residentId,
      indicator: form.indicator,
      claim,
      note: form.note ?? '',
      files,
      submittedBy,
      rs,
      at: now.toISOString(),
      today,
    });
    return c.json((await view(c, [created], today))[0]!, 201);
  });

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const { today } = await context(deps);
    const principal = principalOf(c);
    const scope =
      principal?.kind === 'resident'
        ? { residentId: principal.id }
        : { ...(query.residentId ? { residentId: query.residentId } : {}), ...departmentsOf(c) };
    if (principal?.kind === 'resident' && query.residentId && query.residentId !== principal.id) throw new JifenError('forbidden', { en: 'Applications: a resident sees only their own', zh: '居民只能查看自己的申报' });
    const page = await listApplications(deps.client, {
      ...scope,
      ...(query.status ? { status: query.status } : {}),
      ...(query.overdue === 'true' ? { overdueOn: today } : {}),
      ...(query.after ? { after: query.after } : {}),
      limit: query.limit ?? 50,
    });
    let applications = await view(c, page.applications, today);
    if (query.overdue === 'true') {
      const calendar = await loadCalendar(deps.client);
      applications = applications.map((a) => ({ ...a, workingDaysOverdue: workingDaysBetween(a.dueOn, today, calendar) }));
    }
    return c.json({ applications, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { today } = await context(deps);
    const found = await readable(c, c.req.valid('param').id);
    return c.json((await view(c, [found], today))[0]!, 200);
  });

  app.openapi(evidenceRoute, async (c) => {
    const { id, fileId } = c.req.valid('param');
    await readable(c, id);
    const file = await evidenceContent(deps.client, id, fileId);
    if (!file) throw new JifenError('not_found', { en: `Applications: no evidence "${fileId}" on ${id}`, zh: '没有这份证明材料' }, [{ path: 'fileId', message: 'no such file' }]);
    c.header('Content-Type', file.mediaType);
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(Buffer.from(file.content), 200);
  });

  app.openapi(approveRoute, async (c) => {
    const { user } = staffOf(c);
    const { now, today, rs } = await context(deps);
    const approved = await approveApplication(deps.client, deps.resolver, {
      id: c.req.valid('param').id,
      reviewer: { id: user.username, departments: reviewerDepartments(c) },
      at: now.toISOString(),
      today,
      rs,
    });
    return c.json((await view(c, [approved], today))[0]!, 200);
  });

  app.openapi(rejectRoute, async (c) => {
    const { user } = staffOf(c);
    const { now, today } = await context(deps);
    const rejected = await rejectApplication(deps.client, {
      id: c.req.valid('param').id,
      reviewer: { id: user.username, departments: reviewerDepartments(c) },
      at: now.toISOString(),
      today,
      reason: c.req.valid('json').reason,
    });
    return c.json((await view(c, [rejected], today))[0]!, 200);
  });

  /** The application, if the caller may read it: its resident, a reviewer of its department, an admin. */
  async function readable(c: Context<AppEnv>, id: string): Promise<SelfApplication> {
    const found = await getApplication(deps.client, id);
    if (!found) throw new JifenError('not_found', { en: `Applications: no application "${id}"`, zh: '没有这份申报' }, [{ path: 'id', message: 'no such application' }]);
    const principal = principalOf(c);
    if (principal?.kind === 'resident' ? principal.id !== found.residentId : !mayRead(c, found.department)) {
      throw new JifenError('forbidden', { en: `Applications: ${id} is not yours to read`, zh: '这份申报不是您的，不能查看' });
    }
    return found;
  }

  return app;
}

/** Staff disclosure: reviewers and admins see names; permit numbers stay masked outside the record screen. */
function disclosure(c: Context<AppEnv>): Disclosure {
  const principal = principalOf(c);
  if (principal?.kind === 'resident') return { names: true, permit: false };
  return { names: principal?.kind === 'staff' && principal.user.roles.some((r) => r === 'reviewer' || r === 'admin'), permit: false };
}

/** The departments whose applications a staff caller sees: all for admins and `*` reviewers. */
function departmentsOf(c: Context<AppEnv>): { departments?: string[] } {
  const { user } = staffOf(c);
  if (user.roles.includes('admin') || user.departments.includes('*')) return {};
  return { departments: user.departments };
}

function reviewerDepartments(c: Context<AppEnv>): string[] {
  const { user } = staffOf(c);
  if (!user.roles.includes('reviewer')) throw new JifenError('forbidden', { en: 'Applications: only reviewers decide self-applications', zh: '只有审核人员才能审核申报' });
  return user.departments;
}

function mayRead(c: Context<AppEnv>, department: string): boolean {
  const { user } = staffOf(c);
  return user.roles.includes('admin') || reviewsFor(user.departments, department);
}
