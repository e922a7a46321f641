import type { InValue, Row } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import type { FactCorrection, Objection, Round, RoundApplication } from '../../domain/rounds/types';
import { APPLICATION_STATUSES, OBJECTION_STATUSES, ROUND_STATUSES } from '../../domain/rounds/types';
import type { Text } from '../../domain/rule-set/schema';

/** Row conversions shared by the round storage modules. */

export const ROUND_COLUMNS =
  'id, rule_set_id, scenario_id, department, title, places, child_related, opens_on, closes_on, status, created_by, created_at, ' +
  'version, version_hash, closed_at, published_on, publication_ends_on, finalized_at, revision';

export const APPLICATION_COLUMNS =
  'id, round_id, resident_id, child_id, spouse_id, status, submitted_at, submitted_by, decided_by, decided_at, reason';

export const OBJECTION_COLUMNS =
  'id, round_id, resident_id, application_id, reason, evidence_ref, filed_at, filed_on, filed_by, answer_by, status, ' +
  'answered_by, answered_at, answer, correction';

const text = (raw: unknown): string | undefined => (raw === null || raw === undefined ? undefined : String(raw));
const int = (raw: unknown): number | undefined => (raw === null || raw === undefined ? undefined : Number(raw));
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

function oneOf<T extends string>(values: readonly T[], raw: unknown, what: string): T {
  const value = String(raw);
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new JifenError('conflict', `Rounds: stored ${what} "${value}" is not known`);
}

export function toRound(row: Row): Round {
  return {
    id: Number(row.id),
    ruleSetId: String(row.rule_set_id),
    scenarioId: String(row.scenario_id),
    department: String(row.department),
    title: JSON.parse(String(row.title)) as Text,
    places: Number(row.places),
    childRelated: Number(row.child_related) === 1,
    opensOn: String(row.opens_on),
    closesOn: String(row.closes_on),
    status: oneOf(ROUND_STATUSES, row.status, 'round status'),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
    ...optional('version', int(row.version)),
    ...optional('versionHash', text(row.version_hash)),
    ...optional('closedAt', text(row.closed_at)),
    ...optional('publishedOn', text(row.published_on)),
    ...optional('publicationEndsOn', text(row.publication_ends_on)),
    ...optional('finalizedAt', text(row.finalized_at)),
    revision: Number(row.revision),
  };
}

/** The values of `ROUND_COLUMNS` after `id`, in order. */
export function roundArgs(r: Omit<Round, 'id'>): InValue[] {
  return [
    r.ruleSetId,
    r.scenarioId,
    r.department,
    JSON.stringify(r.title),
    r.places,
    r.childRelated ? 1 : 0,
    r.opensOn,
    r.closesOn,
    r.status,
    r.createdBy,
    r.createdAt,
    r.version ?? null,
    r.versionHash ?? null,
    r.closedAt ?? null,
    r.publishedOn ?? null,
    r.publicationEndsOn ?? null,
    r.finalizedAt ?? null,
    r.revision,
  ];
}

export function toApplication(row: Row): RoundApplication {
  return {
    id: Number(row.id),
    roundId: Number(row.round_id),
    residentId: String(row.resident_id),
    ...optional('childId', text(row.child_id)),
    ...optional('spouseId', text(row.spouse_id)),
    status: oneOf(APPLICATION_STATUSES, row.status, 'application status'),
    submittedAt: String(row.submitted_at),
    submittedBy: String(row.submitted_by),
    ...optional('decidedBy', text(row.decided_by)),
    ...optional('decidedAt', text(row.decided_at)),
    ...optional('reason', text(row.reason)),
  };
}

export function toObjection(row: Row): Objection {
  const correction = text(row.correction);
  return {
    id: Number(row.id),
    roundId: Number(row.round_id),
    residentId: String(row.resident_id),
    applicationId: Number(row.application_id),
    reason: String(row.reason),
    ...optional('evidenceRef', text(row.evidence_ref)),
    filedAt: String(row.filed_at),
    filedOn: String(row.filed_on),
    filedBy: String(row.filed_by),
    answerBy: String(row.answer_by),
    status: oneOf(OBJECTION_STATUSES, row.status, 'objection status'),
    ...optional('answeredBy', text(row.answered_by)),
    ...optional('answeredAt', text(row.answered_at)),
    ...optional('answer', text(row.answer)),
    ...optional('correction', correction === undefined ? undefined : (JSON.parse(correction) as FactCorrection)),
  };
}

/** Turns a trigger's refusal into a `conflict` the caller can show; anything else is rethrown. */
export function frozen(error: unknown): never {
  const message = error instanceof Error ? error.message : '';
  const match = /(rounds|round_\w+): ([^\n]+?)(?:$|\n)/.exec(message);
  if (match && /final|never|fixed|append-only/.test(match[2] ?? '')) throw new JifenError('conflict', `Rounds: ${match[2]}`);
  throw error;
}
