import { randomUUID } from 'node:crypto';
import type { Client } from '@libsql/client';
import { addWorkingDays } from '../../domain/calendar/working-days';
import { assertNotOwnFiling } from '../../domain/accounts/separation';
import { JifenError } from '../../domain/errors';
import { earnedOnProblem, recordBoundViolations } from '../../domain/residents/record-bounds';
import { checkClaim, REVIEW_WORKING_DAYS, type SelfApplication } from '../../domain/residents/self-application';
import type { Provenance } from '../../domain/residents/types';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { appendAudit } from '../../platform/db/audit-log';
import { loadCalendar } from '../calendar';
import { inTransaction } from '../../platform/db/database';
import { createLibsqlResidentRepository } from '../residents';
import { rescoreResidents } from '../residents';
import type { RuleSetResolver } from '../rule-sets';
import { decideApplication, getApplication, insertApplication, type EvidenceFile } from './self-applications';

export interface Submission {
  residentId: string;
  indicator: string;
  claim: unknown;
  note: string;
  files: readonly EvidenceFile[];
  /** `resident:<id>` when the resident submits, else the staff user at the service office. */
  submittedBy: string;
  /** The rule set in force on `today`. */
  rs: ResolvedRuleSet;
  /** ISO instant of submission. */
  at: string;
  /** The day of submission in China. */
  today: string;
}

/**
 * Files a self-application (自主申请): checks the claim against the indicator, routes it to the indicator's
 * department, and sets its review deadline — the 10th working day after submission by the official
 * calendar (library data, confirmed notices, the law's statutory days, overrides) — then stores it with its evidence and audits it, in one transaction.
 *
 * @example
 * const app = await submitApplication(client, { residentId, indicator: 'inventionPatents', claim: { facts: { inventionPatents: 1 } }, … });
 */
export async function submitApplication(client: Client, input: Submission): Promise<SelfApplication> {
  const checked = checkClaim(input.rs, input.indicator, input.claim);
  if (input.files.length === 0) {
    throw new JifenError('validation_failed', { en: 'Applications: attach the evidence once, complete and legible', zh: '请上传完整、清晰的证明材料，每份只传一次' }, [{ path: 'files', message: 'at least one evidence file is required' }]);
  }
  return inTransaction(client, async (tx) => {
    const repo = createLibsqlResidentRepository(tx);
    if (!(await repo.getResident(input.residentId))) {
      throw new JifenError('not_found', { en: `Residents: no resident "${input.residentId}"`, zh: '没有这位居民' }, [{ path: 'residentId', message: 'no such resident' }]);
    }
    const onRecord = (await repo.currentValues([input.residentId])).get(input.residentId) ?? {};
    const outOfBounds = recordBoundViolations(input.rs, onRecord, checked.changes, input.today, 'claim.facts');
    const late = checked.ledger && earnedOnProblem(checked.ledger.earnedOn, input.today, 'claim.ledger.earnedOn');
    if (late) outOfBounds.push(late);
    if (outOfBounds.length > 0) throw new JifenError('validation_failed', { en: 'Applications: the claim is out of bounds', zh: '申报的信息超出允许范围' }, outOfBounds);
    const dueOn = addWorkingDays(input.today, REVIEW_WORKING_DAYS, await loadCalendar(tx));
    const facts = Object.fromEntries(checked.changes.flatMap((c) => (c.value === null ? [] : [[c.fact, c.value] as const])));
    const app: Omit<SelfApplication, 'evidence'> = {
      id: `app-${randomUUID()}`,
      residentId: input.residentId,
      ruleSetId: input.rs.id,
      version: input.rs.version,
      indicator: checked.indicator,
      department: checked.department,
      claim: checked.ledger ? { ledger: checked.ledger } : { facts },
      note: input.note,
      status: 'pending',
      submittedAt: input.at,
      submittedOn: input.today,
      submittedBy: input.submittedBy,
      dueOn,
    };
    await insertApplication(tx, app, input.files);
    await appendAudit(tx, {
      at: input.at,
      actor: input.submittedBy,
      action: 'application-submitted',
      target: `application:${app.id}`,
      details: { residentId: app.residentId, indicator: app.indicator, department: app.department, dueOn, files: input.files.map((f) => f.sha256) },
    });
    return { ...app, evidence: input.files.map(({ content: _content, ...meta }) => meta) };
  });
}

export interface Decision {
  id: string;
  /** The reviewer's user id, and the departments they review for (`*` for all). */
  reviewer: { id: string; departments: readonly string[] };
  at: string;
  today: string;
}

/**
 * Approves a pending application: sets the claimed facts (or earns the claimed ledger points) with the
 * reviewer as provenance and the application as evidence, re-scores the resident, and audits it — one
 * transaction. Only a reviewer of the indicator's department may decide.
 *
 * @example
 * await approveApplication(client, resolver, { id, reviewer: { id: 'u-9', departments: ['区科学技术局'] }, at, today });
 */
export async function approveApplication(client: Client, resolver: RuleSetResolver, input: Decision & { rs: ResolvedRuleSet }): Promise<SelfApplication> {
  return inTransaction(client, async (tx) => {
    const app = await pending(tx, input);
    const repo = createLibsqlResidentRepository(tx);
    const provenance: Provenance = { kind: 'reviewer', source: input.reviewer.id, at: input.at, evidence: `application:${app.id}` };
    if (app.claim.facts) await repo.appendFacts(app.residentId, Object.entries(app.claim.facts).map(([fact, value]) => ({ fact, value })), provenance);
    if (app.claim.ledger) {
      await repo.appendLedgerEntry(app.residentId, { indicator: app.indicator, kind: 'earn', ...app.claim.ledger, provenance });
    }
    await decideApplication(tx, app.id, { status: 'approved', by: input.reviewer.id, at: input.at });
    await rescoreResidents(repo, resolver, [app.residentId], { asOf: input.today, scoredAt: input.at, ruleSetId: input.rs.id, version: input.rs.version });
    await appendAudit(tx, {
      at: input.at,
      actor: input.reviewer.id,
      action: 'application-approved',
      target: `application:${app.id}`,
      details: { residentId: app.residentId, indicator: app.indicator, claim: app.claim, onTime: input.today <= app.dueOn },
    });
    return { ...app, status: 'approved', decidedAt: input.at, decidedBy: input.reviewer.id };
  });
}

/** Rejects a pending application with a reason, and audits it. */
export async function rejectApplication(client: Client, input: Decision & { reason: string }): Promise<SelfApplication> {
  return inTransaction(client, async (tx) => {
    const app = await pending(tx, input);
    await decideApplication(tx, app.id, { status: 'rejected', by: input.reviewer.id, at: input.at, reason: input.reason });
    await appendAudit(tx, {
      at: input.at,
      actor: input.reviewer.id,
      action: 'application-rejected',
      target: `application:${app.id}`,
      details: { residentId: app.residentId, indicator: app.indicator, reason: input.reason, onTime: input.today <= app.dueOn },
    });
    return { ...app, status: 'rejected', decidedAt: input.at, decidedBy: input.reviewer.id, reason: input.reason };
  });
}

/** Whether someone reviewing for `departments` may decide an application of `department`. */
export function reviewsFor(departments: readonly string[], department: string): boolean {
  return departments.includes('*') || departments.includes(department);
}

async function pending(tx: Parameters<typeof getApplication>[0], input: Decision): Promise<SelfApplication> {
  const app = await getApplication(tx, input.id);
  if (!app) throw new JifenError('not_found', { en: `Applications: no application "${input.id}"`, zh: '没有这份申报' }, [{ path: 'id', message: 'no such application' }]);
  if (!reviewsFor(input.reviewer.departments, app.department)) {
    throw new JifenError('forbidden', { en: `Applications: ${app.id} is reviewed by ${app.department}`, zh: `这份申报由${app.department}审核` });
  }
  if (app.status !== 'pending') throw new JifenError('conflict', { en: `Applications: ${app.id} has been ${app.status} already`, zh: '这份申报已经处理过' });
  assertNotOwnFiling(input.reviewer.id, app.submittedBy, `application ${app.id}`);
  return app;
}
