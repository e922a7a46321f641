import type { JifenErrorDetail, ResidentResult, SelfCheckResult, WidgetScenario } from './types';

/** A refusal or failure, as the widget reports it (`jifen-error`). */
export class WidgetError extends Error implements JifenErrorDetail {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: { path: string; message: string; messageZh?: string; bound?: { kind: string } }[] = [],
  ) {
    super(message);
  }
}

/**
 * The widget API of a Jifen server, called with a partner key (and a resident's token in resident mode).
 * Never sends cookies. Every call gives up after `timeoutMs` (`timeout`). When the browser refuses an
 * answer (CORS: this site is not a registered partner origin), asks the server's public origin check so
 * the widget can say so instead of failing silently.
 */
export function widgetApi(base: string, key: string, timeoutMs: number) {
  const root = base.replace(/\/+$/, '');
  // `district-sample/school-enrollment` travels as one path segment: `district-sample:school-enrollment`.
  const scenarioPath = (scenario: string) => `${root}/api/v1/widget/scenarios/${encodeURIComponent(scenario.replace('/', ':'))}`;

  async function call<T>(url: string, init: RequestInit = {}, token?: string): Promise<T> {
    if (!key) throw new WidgetError('key_invalid', 'Widget: no partner-key attribute', 0);
    const headers: Record<string, string> = { 'X-Jifen-Key': key };
    if (init.body) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Jifen-Resident-Token'] = token;
    const signal = AbortSignal.timeout(timeoutMs);
    const timedOut = () => new WidgetError('timeout', `Widget: Jifen at ${root} did not answer within ${timeoutMs / 1000} s`, 0);
    let res: Response;
    try {
      res = await fetch(url, { ...init, headers, credentials: 'omit', signal });
    } catch {
      if (signal.aborted) throw timedOut();
      const check = await fetch(`${root}/api/v1/widget/origin`, { credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) })
        .then((r) => r.json() as Promise<{ origin: string | null; registered: boolean }>)
        .catch(() => undefined);
      if (check && !check.registered) {
        throw new WidgetError('origin_not_registered', `Widget: the site ${check.origin ?? location.origin} is not registered for any Jifen partner`, 0);
      }
      throw new WidgetError('network', `Widget: cannot reach Jifen at ${root}`, 0);
    }
    let body: { error?: { code: string; message: string; fields?: WidgetError['fields'] } } | undefined;
    try {
      body = await res.json();
    } catch {
      if (signal.aborted) throw timedOut();
    }
    if (!res.ok) {
      const e = body?.error;
      throw new WidgetError(e?.code ?? `http_${res.status}`, e?.message ?? `Widget: Jifen answered ${res.status}`, res.status, e?.fields);
    }
    if (!body) throw new WidgetError('network', `Widget: Jifen at ${root} sent an unreadable answer`, res.status);
    return body as T;
  }

  return {
    scenario: (scenario: string) => call<WidgetScenario>(scenarioPath(scenario)),
    selfCheck: (scenario: string, facts: Record<string, unknown>) =>
      call<SelfCheckResult>(`${scenarioPath(scenario)}/self-check`, { method: 'POST', body: JSON.stringify({ facts }) }),
    resident: (scenario: string, token: string) => call<ResidentResult>(`${scenarioPath(scenario)}/resident`, {}, token),
  };
}
