import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { JifenError, type FieldError } from '../../domain/errors';
import type { ResidentRepository } from '../../domain/residents/repository';
import { localDate } from '../../domain/local-date';
import type { RoundRepository } from '../../domain/rounds/repository';
import { evaluate } from '../../domain/scoring/evaluate';
import { parseFacts } from '../../domain/scoring/facts';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { authorizeWidget, scenarioRef, type PartnerRepository, type PartnerScenario } from '../../domain/eligibility/partners';
import { scenarioOutcome } from '../../domain/eligibility/result';
import { findScenario, scenarioInfo } from '../../domain/eligibility/scenario-facts';
import { statementClaims } from '../../domain/eligibility/statement';
import type { RuleSetResolver } from '../rule-sets';
import { checkGrant } from './grant-check';
import type { WidgetGrant } from './widget-grants';
import { errorResponses, validationError, validationHook } from '../../platform/http/errors';
import { jsonBody } from '../../platform/http/json-body';
import { RESIDENT_TOKEN_HEADER, widgetCors } from './cors';
import { partnerKeyAuth, PARTNER_KEY_HEADER, type PartnerKeyEnv } from '../partners';
import { residentResult } from './resident-result';
import { originCheckSchema, residentResultSchema, scenarioInfoSchema, scenarioParam, selfCheckRequestSchema, selfCheckResultSchema } from './widget-schemas';
import type { Signer } from './signer';

export interface WidgetRouteDeps {
  partners: PartnerRepository;
  resolver: RuleSetResolver;
  signer: Signer;
  grants: { get(id: string): Promise<WidgetGrant | undefined> };
  /** Whether the credential that issued a grant is still in force (features/credentials `credentialInForce`). */
  issuerInForce: (issuedBy: string) => Promise<boolean>;
  /** Audits a view of a resident's result. */
  recordView: (grant: WidgetGrant, view: { partnerId: string; origin: string | undefined; at: Date }) => Promise<void>;
  residents?: ResidentRepository;
  rounds?: RoundRepository;
  now: () => Date;
  /** The `iss` of statements: Jifen's public URL (`JIFEN_PUBLIC_URL`), never a request's Host. */
  issuer: () => string;
}

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['Widget'];
const security = [{ partnerKey: [] }];
const SCENARIO_PATH = '/api/v1/widget/scenarios/{scenario}';

const infoRoute = createRoute({
  method: 'get',
  path: SCENARIO_PATH,
  tags,
  security,
  summary: 'What a self-check for the scenario asks',
  description:
    'The scenario, the rule-set version in force today, and the facts the scenario reads — labels, units and allowed values in Chinese and English. ' +
    'Answers only for the partner key\'s own scenarios, from its registered origins.',
  request: { params: scenarioParam },
  responses: { 200: json(scenarioInfoSchema, 'The scenario and its facts'), ...errorResponses(401, 403, 404, 422) },
});

const selfCheckRoute = createRoute({
  method: 'post',
  path: `${SCENARIO_PATH}/self-check`,
  tags,
  security,
  summary: 'Estimate eligibility from facts typed in (nothing is stored)',
  description: 'Evaluates the facts with the version in force today. Nothing about the visitor is stored or logged.',
  middleware: [jsonBody({ maxBytes: 32 * 1024 })],
  request: { params: scenarioParam, body: { required: true, content: { 'application/json': { schema: selfCheckRequestSchema } } } },
  responses: { 200: json(selfCheckResultSchema, 'The estimate and its signed statement'), ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

const residentRoute = createRoute({
  method: 'get',
  path: `${SCENARIO_PATH}/resident`,
  tags,
  security: [{ partnerKey: [], residentToken: [] }],
  summary: "A resident's real result from their record",
  description:
    `Needs the resident's widget token (\`${RESIDENT_TOKEN_HEADER}\`), which their own app issues with their consent for one scenario. ` +
    'Answers the score from the record, eligibility, the points short of the bar, the simplest ways to close the gap, the position in a published ranked list, ' +
    'and the rule-set version used. The name and permit number come masked.',
  request: { params: scenarioParam },
  responses: { 200: json(residentResultSchema, 'The resident\'s result and its signed statement'), ...errorResponses(401, 403, 404, 422) },
});

const originRoute = createRoute({
  method: 'get',
  path: '/api/v1/widget/origin',
  tags,
  summary: 'Whether the calling site is a registered partner origin',
  description:
    'Lets a widget on a site that is not registered say so, instead of failing silently on CORS. Answers only about the `Origin` the browser sent.',
  responses: { 200: json(originCheckSchema, 'The origin and whether a partner registered it') },
});

/**
 * The widget API, called by `<jifen-eligibility>` with a partner key: scenario info, self-check, resident
 * mode, and an origin check. CORS answers only registered origins.
 *
 * @example
 * app.route('/', widgetRoutes({ partners, resolver, signer, grants, issuerInForce, residents, rounds, now: () => new Date() }));
 */
export function widgetRoutes(deps: WidgetRouteDeps) {
  const app = new OpenAPIHono<PartnerKeyEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent('securitySchemes', 'partnerKey', {
    type: 'apiKey',
    in: 'header',
    name: PARTNER_KEY_HEADER,
    description: "A partner's API key, bound to its origins and scenarios.",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'residentToken', {
    type: 'apiKey',
    in: 'header',
    name: RESIDENT_TOKEN_HEADER,
    description: "A resident's short-lived widget token for one scenario, issued by their own app.",
  });

  app.use('/api/v1/widget/scenarios/*', widgetCors(deps.partners), partnerKeyAuth(deps.partners));

  const today = () => localDate(deps.now());

  async function scenarioFor(c: Context<PartnerKeyEnv>, scenario: string): Promise<{ allowed: PartnerScenario; rs: ResolvedRuleSet; asOf: string }> {
    const allowed = authorizeWidget(c.var.partner, { origin: c.req.header('origin'), scenario });
    const asOf = today();
    const rs = await deps.resolver.resolve(await deps.resolver.pick({ ruleSetId: allowed.ruleSetId, asOf }));
    findScenario(rs, allowed.scenarioId);
    return { allowed, rs, asOf };
  }

  const ruleSetRef = (rs: ResolvedRuleSet) => ({ id: rs.id, version: rs.version, hash: rs.hash, title: rs.title, effectiveFrom: rs.effectiveFrom });

  app.openapi(originRoute, async (c) => {
    const origin = c.req.header('origin') ?? null;
    // A simple GET: any site may ask about itself, so no preflight and no partner key.
    c.header('Access-Control-Allow-Origin', '*');
    return c.json({ origin, registered: origin !== null && (await deps.partners.isRegisteredOrigin(origin)) }, 200);
  });

  app.openapi(infoRoute, async (c) => {
    const { allowed, rs, asOf } = await scenarioFor(c, c.req.valid('param').scenario);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...scenarioInfo(rs, allowed.scenarioId), asOf }, 200);
  });

  /**
   * A body of the wrong shape whose `facts` are still an object of values: its facts are checked too (by
   * the one parser, never evaluated), so that the visitor is told every wrong field in one answer.
   */
  async function selfCheckShapeRefusal(c: Context<PartnerKeyEnv>, result: Parameters<typeof validationError>[0]): Promise<never> {
    const refusal = validationError(result);
    // The body as `jsonBody` read it (within its size and depth limits).
    const facts = result.target === 'json' ? plainFactsOf(await c.req.json()) : undefined;
    if (facts === undefined) throw refusal;
    const { rs, asOf } = await scenarioFor(c, c.req.param('scenario') ?? '');
    throw new JifenError(refusal.code, refusal.text, [...(refusal.fields ?? []), ...factProblems(rs, facts, asOf)]);
  }

  app.openapi(selfCheckRoute, async (c) => {
    const { allowed, rs, asOf } = await scenarioFor(c, c.req.valid('param').scenario);
    // The rule set's fact bounds refuse what no resident could have (the one shared check, with asOf).
    const facts = parseFacts(rs, c.req.valid('json').facts, 'facts', asOf);
    const scenario = findScenario(rs, allowed.scenarioId);
    const outcome = scenarioOutcome(rs, scenario, await evaluate(rs, facts, asOf));
    const claims = statementClaims({ ruleSetId: rs.id, version: rs.version, hash: rs.hash, asOf, scenarioId: scenario.id, mode: 'self-check', facts }, outcome);
    const statement = await deps.signer.statement(claims, { issuer: deps.issuer(), audience: c.var.partner.id, now: deps.now() });
    c.header('Cache-Control', 'no-store');
    return c.json(
      { mode: 'self-check' as const, scenario: { id: scenario.id, title: scenario.title }, ruleSet: ruleSetRef(rs), asOf, outcome, statement },
      200,
    );
  }, (result, c) => (result.success ? undefined : selfCheckShapeRefusal(c, result)));

  app.openapi(residentRoute, async (c) => {
    const token = c.req.header(RESIDENT_TOKEN_HEADER);
    if (!token) throw new JifenError('token_invalid', { en: 'Widget: no resident token; open the widget from your Jifen app to see your own result', zh: '缺少居民令牌，请从积分应用中打开组件查看本人结果' });
    const claims = await deps.signer.verifyResidentToken(token, deps.now());
    const { allowed, rs, asOf } = await scenarioFor(c, c.req.valid('param').scenario);
    const origin = c.req.header('origin');
    const grant = checkGrant(await deps.grants.get(claims.grantId), {
      partnerId: c.var.partner.id,
      origin,
      scenario: scenarioRef(allowed),
      tokenScenario: claims.scenario,
      now: deps.now(),
    });
    // A token lives no longer than the resident-app credential that asked for it.
    if (!(await deps.issuerInForce(grant.issuedBy))) {
      throw new JifenError('token_invalid', { en: 'Widget: the app that issued this resident token is no longer allowed to; open the widget again from your Jifen app', zh: '签发这个居民令牌的应用已无权签发，请从积分应用中重新打开' });
    }
    if (!deps.residents) throw new JifenError('not_found', { en: 'Widget: resident records are not available on this server', zh: '这台服务器不提供居民记录' });
    const result = await residentResult({ residents: deps.residents, ...(deps.rounds ? { rounds: deps.rounds } : {}) }, rs, grant.residentId, allowed.scenarioId, asOf);
    const scenario = findScenario(rs, allowed.scenarioId);
    const statement = await deps.signer.statement(
      statementClaims(
        { ruleSetId: rs.id, version: rs.version, hash: rs.hash, asOf, scenarioId: scenario.id, mode: 'resident' },
        result.outcome,
        { resident: result.resident, ...(result.position?.position ? { position: result.position.position } : {}) },
      ),
      { issuer: deps.issuer(), audience: c.var.partner.id, now: deps.now() },
    );
    // Every view of a resident's result is in the audit trail, or it is not shown.
    await deps.recordView(grant, { partnerId: c.var.partner.id, origin, at: deps.now() });
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        mode: 'resident' as const,
        scenario: { id: scenario.id, title: scenario.title },
        ruleSet: ruleSetRef(rs),
        asOf,
        ...result,
        statement,
      },
      200,
    );
  });

  return app;
}

/** The body's `facts` when it is an object (not a list or a value), else undefined. */
function plainFactsOf(body: unknown): Record<string, unknown> | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Object.hasOwn(body, 'facts')) return undefined;
  const facts = (body as { facts: unknown }).facts;
  return facts !== null && typeof facts === 'object' && !Array.isArray(facts) ? (facts as Record<string, unknown>) : undefined;
}

/** What `parseFacts` refuses in these facts (types, then bounds), as field errors; none when they are fine. */
function factProblems(rs: ResolvedRuleSet, facts: Record<string, unknown>, asOf: string): FieldError[] {
  try {
    parseFacts(rs, facts, 'facts', asOf);
    return [];
  } catch (error) {
    if (error instanceof JifenError && error.code === 'validation_failed') return error.fields ?? [];
    throw error;
  }
}
