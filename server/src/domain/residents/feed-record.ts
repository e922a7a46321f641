import { z } from 'zod';
import { parseDate } from '../dates';
import { fieldPath, JifenError, type FieldError } from '../errors';
import { toHundredths } from '../points';
import { dateSchema } from '../rule-set/schema';
import { zodFieldErrors } from '../rule-set/validate/zod-issues';
import { parseFacts } from '../scoring/facts';
import type { FactValue, ResolvedRuleSet } from '../scoring/types';
import { ledgerFacts, ledgerIndicators } from './scoring-facts';
import type { FactChange } from './types';

/** At most this many records in one feed call. */
export const MAX_FEED_RECORDS = 10_000;

/** One ledger entry a feed sends: points earned on a date for a ledger indicator (social service). */
export const feedLedgerEntrySchema = z.strictObject({
  indicator: z.string().min(1).max(64),
  points: z.number().finite().positive().max(10_000),
  earnedOn: dateSchema,
  /** The source system's reference for the activity (an event id…). */
  ref: z.string().min(1).max(200).optional(),
});

/**
 * One record of a feed: facts about one resident, named by residence-permit number. A record with a
 * `name` registers the resident when the permit number is not yet on record.
 */
export const feedRecordSchema = z.strictObject({
  /** The source's own key for the record; a key already applied is a no-op (idempotent replays). */
  key: z.string().min(1).max(200),
  permitNumber: z.string().min(4).max(40),
  name: z.string().min(1).max(100).optional(),
  residenceRegistrationDate: dateSchema.optional(),
  /** Fact id → value, as the rule set defines it; null clears a fact. */
  facts: z.record(z.string(), z.unknown()).optional(),
  ledger: z.array(feedLedgerEntrySchema).max(100).optional(),
  /** What backs the record in the source system (a document number…), kept as provenance. */
  evidence: z.string().min(1).max(500).optional(),
});
export type FeedRecordInput = z.infer<typeof feedRecordSchema>;

/** A record that passed validation: what applying it writes. */
export interface FeedRecordPlan {
  index: number;
  key: string;
  permitNumber: string;
  name?: string;
  residenceRegistrationDate?: string;
  changes: FactChange[];
  ledger: { indicator: string; points: number; earnedOn: string; ref?: string }[];
  evidence?: string;
}

/**
 * Validates one feed record against the rule set: its shape, every fact by the rule set's definitions
 * (`parseFacts`), ledger entries against the ledger indicators. All problems are reported at once with
 * paths under `records.<index>`. Facts kept by a points ledger cannot be sent as facts.
 *
 * @example
 * const plan = checkFeedRecord(rs, body.records[3], 3); // or throws validation_failed with records.3.facts.birthDate…
 */
export function checkFeedRecord(rs: ResolvedRuleSet, raw: unknown, index: number): FeedRecordPlan {
  const base = `records.${index}`;
  const parsed = feedRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const fields: FieldError[] = [];
    const rest = parsed.error.issues.filter((issue) => {
      if (issue.code !== 'unrecognized_keys') return true;
      for (const key of issue.keys) fields.push({ path: fieldPath(['records', index, ...issue.path, key]), message: 'is not a known field' });
      return false;
    });
    fields.push(...zodFieldErrors(rest, ['records', index]));
    throw new JifenError('validation_failed', { en: `Feeds: record ${index} is invalid`, zh: `第 ${index} 条记录有误` }, fields);
  }
  const record = parsed.data;
  const errors: FieldError[] = [];
  const changes: FactChange[] = [];
  const kept = ledgerFacts(rs);
  const setting: Record<string, unknown> = {};
  for (const [fact, value] of Object.entries(record.facts ?? {})) {
    const keeper = kept.get(fact);
    if (keeper) errors.push({ path: `${base}.facts.${fact}`, message: `is kept by the points ledger of ${keeper.id}; send ledger entries instead` });
    else if (value === null) {
      if (rs.facts.has(fact)) changes.push({ fact, value: null });
      else errors.push({ path: `${base}.facts.${fact}`, message: `unknown fact for rule set ${rs.id}` });
    } else setting[fact] = value;
  }
  try {
    const facts = parseFacts(rs, setting, `${base}.facts`);
    for (const [fact, value] of Object.entries(facts)) changes.push({ fact, value: value as FactValue });
  } catch (error) {
    if (!(error instanceof JifenError)) throw error;
    errors.push(...(error.fields ?? []));
  }
  const ledgers = new Set(ledgerIndicators(rs).map((i) => i.id));
  record.ledger?.forEach((entry, i) => {
    const path = `${base}.ledger.${i}`;
    if (!ledgers.has(entry.indicator)) errors.push({ path: `${path}.indicator`, message: `is not a ledger indicator of ${rs.id}; ledger indicators: ${[...ledgers].join(', ') || 'none'}` });
    if (Math.abs(toHundredths(entry.points) - entry.points * 100) > 1e-6) errors.push({ path: `${path}.points`, message: 'must be a multiple of 0.01' });
    if (!parseDate(entry.earnedOn)) errors.push({ path: `${path}.earnedOn`, message: 'must be a date YYYY-MM-DD' });
  });
  if (errors.length > 0) throw new JifenError('validation_failed', { en: `Feeds: record ${index} is invalid`, zh: `第 ${index} 条记录有误` }, errors);
  return {
    index,
    key: record.key,
    permitNumber: record.permitNumber,
    ...(record.name ? { name: record.name } : {}),
    ...(record.residenceRegistrationDate ? { residenceRegistrationDate: record.residenceRegistrationDate } : {}),
    changes,
    ledger: record.ledger ?? [],
    ...(record.evidence ? { evidence: record.evidence } : {}),
  };
}
