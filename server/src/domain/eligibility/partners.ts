import { JifenError, type FieldError } from '../errors';

/**
 * Partners (合作方): schools, hospitals and housing offices that embed the eligibility widget on their own
 * sites. A partner may use the widget only from its registered origins and only for its registered
 * scenarios; its API keys are shown once, stored hashed and revocable.
 */

/** A scenario a partner may show: a scenario of a rule set. */
export interface PartnerScenario {
  ruleSetId: string;
  scenarioId: string;
}

export interface Partner {
  /** e.g. `ptn-3f9a1c2b`. */
  id: string;
  name: string;
  /** Web origins (`https://school.example`) the widget may be used from. */
  origins: string[];
  scenarios: PartnerScenario[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** An API key as stored: never the key itself, only its hash. */
export interface PartnerKey {
  /** The public part of the key (`jfk_<id>_…`), to name it in lists and audit entries. */
  id: string;
  partnerId: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** What Jifen stores about partners, as the domain sees it; libsql implements it. */
export interface PartnerRepository {
  insertPartner(partner: Partner): Promise<void>;
  updatePartner(partner: Partner): Promise<void>;
  getPartner(id: string): Promise<Partner | undefined>;
  listPartners(): Promise<Partner[]>;
  /** Whether any partner registers the origin (what CORS answers before a key is seen). */
  isRegisteredOrigin(origin: string): Promise<boolean>;
  insertKey(key: PartnerKey, secretHash: string): Promise<void>;
  /** The key and its stored hash. */
  getKey(id: string): Promise<{ key: PartnerKey; secretHash: string } | undefined>;
  listKeys(partnerId: string): Promise<PartnerKey[]>;
  /** Marks the key revoked; answers false when it was revoked already. */
  revokeKey(id: string, at: string, by: string): Promise<boolean>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A web origin as browsers send it in the `Origin` header: scheme, host and port, nothing else.
 * `https` only, except for this machine (`http://localhost:5173`) during development.
 *
 * @example
 * normalizeOrigin('https://School.example/'); // 'https://school.example'
 * normalizeOrigin('https://school.example/enrol'); // throws: an origin has no path
 */
export function normalizeOrigin(input: string, path = 'origin'): string {
  const fail = (message: string): never => {
    throw new JifenError('validation_failed', { en: 'Partners: invalid origin', zh: '网站地址有误' }, [{ path, message }]);
  };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return fail(`"${input}" is not a web origin such as https://school.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('must start with https://');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) fail('must use https:// (http:// only for localhost)');
  if (url.username || url.password) fail('must not carry a user name or password');
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(input)) fail('is an origin: scheme, host and port only, no path');
  return url.origin;
}

/** `ruleSetId/scenarioId`, how a partner scenario is named in messages and statements. */
export function scenarioRef(s: PartnerScenario): string {
  return `${s.ruleSetId}/${s.scenarioId}`;
}

/**
 * Checks the partner's registration: origins well-formed and unique, scenarios unique. Answers the
 * normalised origins.
 */
export function checkRegistration(input: { origins: readonly string[]; scenarios: readonly PartnerScenario[] }): string[] {
  const fields: FieldError[] = [];
  const origins: string[] = [];
  input.origins.forEach((o, i) => {
    try {
      const origin = normalizeOrigin(o, `origins.${i}`);
      if (origins.includes(origin)) fields.push({ path: `origins.${i}`, message: `repeats ${origin}` });
      origins.push(origin);
    } catch (error) {
      if (error instanceof JifenError && error.fields) fields.push(...error.fields);
      else throw error;
    }
  });
  const seen = new Set<string>();
  input.scenarios.forEach((s, i) => {
    const ref = scenarioRef(s);
    if (seen.has(ref)) fields.push({ path: `scenarios.${i}`, message: `repeats ${ref}` });
    seen.add(ref);
  });
  if (fields.length > 0) throw new JifenError('validation_failed', { en: 'Partners: invalid registration', zh: '合作单位的登记信息有误' }, fields);
  return origins;
}

/**
 * The partner scenario a widget asks for by `scenario` (`school-enrollment`, or `district-sample/school-enrollment`
 * — `:` instead of `/` in URLs —
 * when two rule sets have a scenario of that id), used from `origin` (absent for calls from a server).
 * Throws `origin_forbidden` or `scenario_forbidden` when the origin or the scenario is not the partner's.
 *
 * @example
 * authorizeWidget(partner, { origin: 'https://school.example', scenario: 'school-enrollment' });
 */
export function authorizeWidget(partner: Partner, request: { origin: string | undefined; scenario: string }): PartnerScenario {
  if (request.origin !== undefined && !partner.origins.includes(request.origin)) {
    // The message never names the partner: whoever shows it may be another site using a copied key.
    throw new JifenError(
      'origin_forbidden',
      { en: `Widget: this partner key is not registered for the site ${request.origin}; ask the Jifen administrator to add the site to the partner's origins`, zh: `这个网站（${request.origin}）没有登记为该合作单位的网站，请联系积分系统管理员添加` },
    );
  }
  const [first, second] = request.scenario.split(/[/:]/);
  const matches = partner.scenarios.filter((s) =>
    second === undefined ? s.scenarioId === first : s.ruleSetId === first && s.scenarioId === second,
  );
  if (matches.length === 0) {
    throw new JifenError(
      'scenario_forbidden',
      { en: `Widget: this partner key is not registered for the scenario "${request.scenario}"; it may show ${
        partner.scenarios.map(scenarioRef).join(', ') || 'no scenario yet'
      }`, zh: '该合作单位的密钥不能用于这个场景' },
    );
  }
  if (matches.length > 1) {
    throw new JifenError('validation_failed', { en: `Widget: scenario "${request.scenario}" is ambiguous`, zh: '有多个同名场景，请同时写明规则集' }, [
      { path: 'scenario', message: `name it with its rule set: ${matches.map(scenarioRef).join(' or ')}` },
    ]);
  }
  return matches[0]!;
}
