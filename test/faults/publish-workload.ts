import { send, unexpected } from './fault-http';
import { since, killWindow, type FaultContext, type IterationReport, type Workload } from './workload';

/** The rule set the run publishes again and again (small: its cases run quickly on every save). */
export const PUBLISHED_RULE_SET = 'provincial-common';

const BASE = `/api/v1/rule-sets/${PUBLISHED_RULE_SET}/drafts`;
type Step = 'create' | 'submit' | 'approve';

/**
 * Four-eyes publishing in a loop — an editor starts a draft from the latest version and submits it, an
 * approver approves it, which publishes a new version — until the server is killed.
 */
export function publishWorkload(): Workload {
  let acked: { created: string[]; submitted: string[]; published: { draftId: string; version: number; hash: string }[] };
  let pending: { step: Step; draftId?: string } | undefined;
  let problems: string[];
  let draftsBefore: number;

  /** One draft through all three steps; false when the server stopped answering. */
  async function cycle(ctx: FaultContext, stopped: () => boolean, iteration: number): Promise<boolean> {
    // Effective tomorrow in China: never in the past for the server, even if its day turns before it approves.
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));
    pending = { step: 'create' };
    const created = await send(ctx.url(), 'POST', BASE, ctx.editor, { note: `fault run, iteration ${iteration}` });
    if (!created) return false;
    if (created.status !== 201) return fail(unexpected('creating a draft', created));
    const draftId = String(created.body.id);
    acked.created.push(draftId);
    pending = undefined;
    if (stopped()) return false;

    pending = { step: 'submit', draftId };
    const submitted = await send(ctx.url(), 'POST', `${BASE}/${draftId}/submit`, ctx.editor, { note: 'republished unchanged by the fault run' });
    if (!submitted) return false;
    if (submitted.status !== 200) return fail(unexpected(`submitting ${draftId}`, submitted));
    acked.submitted.push(draftId);
    pending = undefined;
    if (stopped()) return false;

    pending = { step: 'approve', draftId };
    const approved = await send(ctx.url(), 'POST', `${BASE}/${draftId}/approve`, ctx.approver, { effectiveFrom: tomorrow });
    if (!approved) return false;
    if (approved.status !== 201) return fail(unexpected(`approving ${draftId}`, approved));
    acked.published.push({ draftId, version: Number(approved.body.version.version), hash: String(approved.body.version.hash) });
    pending = undefined;
    return true;
  }

  function fail(problem: string): false {
    problems.push(problem);
    pending = undefined;
    return false;
  }

  let iterationNo = 0;
  return {
    name: 'publish',
    async prepare(ctx, iteration) {
      acked = { created: [], submitted: [], published: [] };
      problems = [];
      iterationNo = iteration;
      const start = performance.now();
      if (!(await cycle(ctx, () => false, iteration))) throw new Error(`publish: the undisturbed cycle failed: ${problems.join('; ')}`);
      const operationMs = since(start);
      draftsBefore = await count(ctx, 'SELECT count(*) AS n FROM drafts WHERE rule_set_id = ?', [PUBLISHED_RULE_SET]);
      acked = { created: [], submitted: [], published: [] };
      // Anywhere in the first four drafts: creating, submitting or approving.
      return killWindow(operationMs, 0.1, 4);
    },
    async drive(ctx, stopped) {
      pending = undefined;
      while (!stopped() && (await cycle(ctx, stopped, iterationNo)));
    },
    async check(ctx): Promise<IterationReport> {
      const rows = await ctx.client.execute({ sql: 'SELECT id, status, published_version FROM drafts WHERE rule_set_id = ?', args: [PUBLISHED_RULE_SET] });
      const drafts = new Map(rows.rows.map((r) => [String(r.id), { status: String(r.status), version: r.published_version === null ? undefined : Number(r.published_version) }]));
      const versions = await ctx.client.execute({ sql: 'SELECT version, hash FROM rule_set_versions WHERE rule_set_id = ?', args: [PUBLISHED_RULE_SET] });
      const hashes = new Map(versions.rows.map((r) => [Number(r.version), String(r.hash)]));

      for (const id of acked.created) if (!drafts.has(id)) problems.push(`draft ${id} was created (201) but is gone after the restart`);
      for (const id of acked.submitted) {
        const status = drafts.get(id)?.status;
        if (status !== 'submitted' && status !== 'published') problems.push(`draft ${id} was submitted (200) but is "${status}" after the restart`);
      }
      for (const p of acked.published) {
        if (hashes.get(p.version) !== p.hash) problems.push(`version ${p.version} was published (201) but is ${hashes.has(p.version) ? 'changed' : 'gone'} after the restart`);
        if (drafts.get(p.draftId)?.status !== 'published') problems.push(`draft ${p.draftId} was approved (201) but is not published after the restart`);
      }
      // The newest acknowledged version is what the restarted server serves (or a newer one the kill let through).
      const latest = acked.published.at(-1);
      if (latest) {
        const served = await send(ctx.url(), 'GET', `/api/v1/rule-sets/${PUBLISHED_RULE_SET}/versions/${latest.version}`, ctx.editor);
        if (served?.status !== 200 || served.body.hash !== latest.hash) problems.push(`the restarted server does not serve version ${latest.version} as published`);
      }

      let outcome = '—';
      if (pending?.step === 'create') {
        const now = await count(ctx, 'SELECT count(*) AS n FROM drafts WHERE rule_set_id = ?', [PUBLISHED_RULE_SET]);
        outcome = now > draftsBefore + acked.created.length ? 'committed' : 'rolled back';
      } else if (pending?.draftId) {
        const status = drafts.get(pending.draftId)?.status;
        const done = pending.step === 'submit' ? status === 'submitted' : status === 'published';
        outcome = done ? 'committed' : 'rolled back';
      }
      return {
        acked: acked.created.length + acked.submitted.length + acked.published.length,
        inFlight: pending ? pending.step : 'nothing',
        outcome,
        problems,
      };
    },
  };
}

async function count(ctx: FaultContext, sql: string, args: string[]): Promise<number> {
  return Number((await ctx.client.execute({ sql, args })).rows[0]?.n ?? 0);
}
