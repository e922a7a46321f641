import { getLang } from '../i18n/i18n';
import { readNdjson } from '../model/ndjson';
import type {
  ApproveResult,
  AuditCheckpoint,
  AuditPage,
  AuditQuery,
  AuditVerification,
  CalendarOverride,
  ConfirmedNotice,
  EnteredNotice,
  HolidayNotice,
  WorkingCalendarView,
  CheckpointVerdict,
  Diff,
  Draft,
  DraftImpact,
  Evaluation,
  FieldError,
  ImpactProgress,
  ImpactRequest,
  PublishedVersion,
  RuleSet,
  RuleSetDetail,
  RuleSetSummary,
  RoundSummary,
  Session,
  Validation,
} from './types';

const BASE = '/api/v1';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A failed request, in the server's one error shape. `body` keeps extra members (e.g. `current` on a 412). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

interface Reply<T> {
  data: T;
  etag: string | null;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called when a request that needs a session answers 401 (the session expired or was revoked). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

async function request<T>(
  method: string,
  path: string,
  options: { body?: unknown; ifMatch?: string; contentType?: string; quiet401?: boolean } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : options.body instanceof Blob ? options.body : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', getLang() === 'zh' ? '无法连接服务器，请检查网络后重试' : 'Network: the server cannot be reached');
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!response.ok) {
    const error = errorOf(data);
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw new ApiError(response.status, error.code ?? String(response.status), error.message ?? response.statusText, error.fields ?? [], data);
  }
  return { data: data as T, etag: response.headers.get('ETag') };
}

/** Posts an impact request asking for NDJSON, reports its progress lines and answers its result line. */
async function streamImpact(path: string, body: ImpactRequest, onProgress: (progress: ImpactProgress) => void): Promise<DraftImpact> {
  const headers: Record<string, string> = { Accept: 'application/x-ndjson', 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', getLang() === 'zh' ? '无法连接服务器，请检查网络后重试' : 'Network: the server cannot be reached');
  }
  if (!response.ok || !response.body) {
    const data: unknown = await response.json().catch(() => undefined);
    const error = errorOf(data);
    if (response.status === 401) onUnauthorized?.();
    throw new ApiError(response.status, error.code ?? String(response.status), error.message ?? response.statusText, error.fields ?? [], data);
  }
  let result: DraftImpact | undefined;
  let failure: ApiError | undefined;
  await readNdjson(response.body, (line) => {
    const value = line as { type?: string } & ImpactProgress;
    if (value.type === 'progress') onProgress({ done: value.done, total: value.total });
    else if (value.type === 'result') result = line as DraftImpact;
    else if (value.type === 'error') {
      const error = errorOf(line);
      failure = new ApiError(500, error.code ?? 'internal_error', error.message ?? 'Impact failed', error.fields ?? [], line);
    }
  });
  if (failure) throw failure;
  if (!result) throw new ApiError(0, 'network', getLang() === 'zh' ? '服务器的答复没有传完，请重试' : 'Network: the answer ended before its result');
  return result;
}

/** The server's error, its message in the language of the UI (the server sends Chinese beside the English). */
function errorOf(data: unknown): { code?: string; message?: string; fields?: FieldError[] } {
  if (data && typeof data === 'object' && 'error' in data) {
    const error = (data as { error: unknown }).error;
    if (error && typeof error === 'object') {
      const { messageZh, ...rest } = error as { code?: string; message?: string; messageZh?: string; fields?: FieldError[] };
      return getLang() === 'zh' && messageZh ? { ...rest, message: messageZh } : rest;
    }
  }
  return {};
}

const enc = encodeURIComponent;
const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};

/** A draft as the server holds it, with the ETag to send back on the next write. */
export interface DraftReply {
  draft: Draft;
  etag: string;
}

const draftReply = (reply: Reply<Draft>): DraftReply => ({
  draft: reply.data,
  etag: reply.etag ?? `"${reply.data.id}-${reply.data.revision}"`,
});

/**
 * Every call the editor makes, one function each, named after the lifecycle API contract.
 *
 * @example
 * const { draft, etag } = await api.getDraft('district-sample', 'd1');
 */
export const api = {
  async login(username: string, password: string): Promise<Session> {
    const { data } = await request<Session>('POST', '/auth/login', { body: { username, password }, quiet401: true });
    csrfToken = data.csrfToken;
    return data;
  },
  async me(): Promise<Session | null> {
    try {
      const { data } = await request<Session>('GET', '/auth/me', { quiet401: true });
      csrfToken = data.csrfToken;
      return data;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  async logout(): Promise<void> {
    await request('POST', '/auth/logout', { quiet401: true }).catch(() => undefined);
    csrfToken = null;
  },

  listRuleSets: async () => (await request<{ ruleSets: RuleSetSummary[] }>('GET', '/rule-sets')).data.ruleSets,
  getRuleSet: async (id: string) => (await request<RuleSetDetail>('GET', `/rule-sets/${enc(id)}`)).data,
  getVersion: async (id: string, version: number) =>
    (await request<PublishedVersion>('GET', `/rule-sets/${enc(id)}/versions/${version}`)).data,

  listDrafts: async (id: string) => {
    const { data } = await request<Draft[] | { drafts: Draft[] }>('GET', `/rule-sets/${enc(id)}/drafts`);
    return Array.isArray(data) ? data : data.drafts;
  },
  getDraft: async (id: string, draftId: string) => draftReply(await request<Draft>('GET', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}`)),
  createDraft: async (id: string, options: { fromVersion?: number; note?: string; name?: string } = {}) =>
    draftReply(await request<Draft>('POST', `/rule-sets/${enc(id)}/drafts`, { body: options })),
  saveDraft: async (id: string, draftId: string, document: RuleSet, etag: string) =>
    draftReply(await request<Draft>('PUT', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}`, { body: { document }, ifMatch: etag })),
  /** Names or renames the draft; its document stays, its revision moves on (If-Match as for a save). */
  renameDraft: async (id: string, draftId: string, name: string, etag: string) =>
    draftReply(await request<Draft>('PUT', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}/name`, { body: { name }, ifMatch: etag })),
  validate: async (document: unknown) => (await request<Validation>('POST', '/rule-sets/validate', { body: { document } })).data,
  evaluateDraft: async (id: string, draftId: string, asOf: string, facts: Record<string, unknown>) =>
    (await request<Evaluation>('POST', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}/evaluate`, { body: { asOf, facts } })).data,
  /** Scores facts on a published version (the preview's comparison). */
  evaluateVersion: async (ruleSetId: string, version: number, asOf: string, facts: Record<string, unknown>) =>
    (await request<Evaluation>('POST', '/evaluate', { body: { ruleSetId, version, asOf, facts } })).data,
  submit: async (id: string, draftId: string, note: string) =>
    (await request<Draft>('POST', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}/submit`, { body: { note } })).data,
  approve: async (id: string, draftId: string, effectiveFrom: string, note?: string) =>
    (await request<ApproveResult>('POST', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}/approve`, { body: { effectiveFrom, ...(note ? { note } : {}) } })).data,
  reject: async (id: string, draftId: string, reason: string) =>
    (await request<Draft>('POST', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}/reject`, { body: { reason } })).data,
  withdraw: async (id: string, draftId: string) => (await request<Draft>('POST', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}/withdraw`)).data,
  diff: async (id: string, from: string, to: string) =>
    (await request<Diff>('GET', `/rule-sets/${enc(id)}/diff${query({ from, to })}`)).data,

  /**
   * What the draft would do to the population, streamed: `onProgress` is called as residents are scored,
   * then the impact is answered.
   */
  impact: (id: string, draftId: string, body: ImpactRequest, onProgress: (progress: ImpactProgress) => void) =>
    streamImpact(`/rule-sets/${enc(id)}/drafts/${enc(draftId)}/impact`, body, onProgress),
  /** Rounds of a rule set, newest first. */
  rounds: async (ruleSetId: string) => (await request<{ rounds: RoundSummary[] }>('GET', `/rounds${query({ ruleSetId })}`)).data.rounds,

  /** Where a version's or a draft's workbook (.xlsx) is downloaded from. */
  workbookUrl: (id: string, from: { version: number } | { draftId: string }) =>
    `${BASE}/rule-sets/${enc(id)}${'version' in from ? `/versions/${from.version}` : `/drafts/${enc(from.draftId)}`}/workbook`,
  /** Imports an edited workbook into the draft, as a save of the whole document. */
  uploadWorkbook: async (id: string, draftId: string, file: Blob, etag: string) =>
    draftReply(await request<Draft>('PUT', `/rule-sets/${enc(id)}/drafts/${enc(draftId)}/workbook`, { body: file, ifMatch: etag, contentType: XLSX_TYPE })),

  audit: async (q: AuditQuery) => (await request<AuditPage>('GET', `/audit${query({ ...q })}`)).data,
  verifyAudit: async () => (await request<AuditVerification>('GET', '/audit/verify')).data,
  changePassword: async (currentPassword: string, newPassword: string) => {
    await request<undefined>('POST', '/auth/password', { body: { currentPassword, newPassword } });
  },
  auditCheckpoint: async () => (await request<AuditCheckpoint>('GET', '/audit/checkpoint')).data,
  verifyCheckpoint: async (checkpoint: unknown) => (await request<CheckpointVerdict>('POST', '/audit/verify', { body: { checkpoint } })).data,

  /** What is known of each year, and the single-day overrides. */
  workingCalendar: async () => (await request<WorkingCalendarView>('GET', '/calendar/overrides')).data,
  notices: async () => (await request<{ notices: HolidayNotice[] }>('GET', '/calendar/notices')).data.notices,
  /** Reads a year's notice (pasted text or an .ics file) and shows it back; nothing changes until it is confirmed. */
  enterNotice: async (body: { year: number } & ({ text: string } | { ics: string })) =>
    (await request<EnteredNotice>('POST', '/calendar/notices', { body })).data,
  confirmNotice: async (id: string) => (await request<ConfirmedNotice>('POST', `/calendar/notices/${enc(id)}/confirm`)).data,
  setOverride: async (date: string, kind: 'workday' | 'holiday', note: string) =>
    (await request<CalendarOverride>('PUT', `/calendar/overrides/${enc(date)}`, { body: { kind, note } })).data,
  removeOverride: async (date: string) => {
    await request<undefined>('DELETE', `/calendar/overrides/${enc(date)}`);
  },
};

/** The draft the server holds now, as a 412 answer carries it (`current`). */
export function currentDraftOf(error: ApiError): Draft | undefined {
  const body = error.body as { current?: Draft; error?: { current?: Draft } } | undefined;
  return body?.current ?? body?.error?.current;
}
