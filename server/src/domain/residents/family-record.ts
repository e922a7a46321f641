import { z } from 'zod';
import { fieldPath, JifenError } from '../errors';
import { dateSchema } from '../rule-set/schema';
import { zodFieldErrors } from '../rule-set/validate/zod-issues';

/** At most this many family records in one feed call. */
export const MAX_FAMILY_RECORDS = 1000;

/** A person named by residence-permit number (居住证号) or citizen ID number (公民身份号码). */
export const personKeySchema = z.union([
  z.strictObject({ permitNumber: z.string().trim().min(4).max(40) }),
  z.strictObject({ idNumber: z.string().trim().min(4).max(40) }),
]);
export type PersonKey = z.infer<typeof personKeySchema>;

/**
 * One family event a civil-affairs or public-security system sends about a resident, named by permit number:
 * a marriage or a divorce (the spouse by permit or ID number), or a child (by ID number, with name and birth
 * date). Each becomes a new entry of the resident's family history; nothing is overwritten.
 */
const recordBase = {
  key: z.string().min(1).max(200),
  permitNumber: z.string().trim().min(4).max(40),
  /** The resident's own citizen ID number, recorded when the record has none yet (spouses may be named by it). */
  idNumber: z.string().trim().min(4).max(40).optional(),
  evidence: z.string().min(1).max(500).optional(),
};

export const familyRecordSchema = z.discriminatedUnion('event', [
  z.strictObject({
    ...recordBase,
    event: z.literal('marriage'),
    spouse: personKeySchema,
    on: dateSchema,
  }),
  z.strictObject({ ...recordBase, event: z.literal('divorce'), spouse: personKeySchema, on: dateSchema }),
  z.strictObject({
    ...recordBase,
    event: z.literal('child'),
    child: z.strictObject({ idNumber: z.string().trim().min(4).max(40), name: z.string().trim().min(1).max(100), birthDate: dateSchema }),
  }),
]);
export type FamilyRecord = z.infer<typeof familyRecordSchema>;

/**
 * Checks the shape of one family record; problems are named under `records.<index>`. Dates after `today`
 * are refused: a marriage, a divorce or a birth is recorded once it has happened.
 *
 * @example
 * checkFamilyRecord({ key: 'mz-1', permitNumber: '3301…', event: 'marriage', spouse: { idNumber: '3301…' }, on: '2026-05-20' }, 0, '2026-06-30');
 */
export function checkFamilyRecord(raw: unknown, index: number, today: string): FamilyRecord {
  const parsed = familyRecordSchema.safeParse(raw);
  if (!parsed.success) {
    throw new JifenError('validation_failed', { en: `Family: record ${index} is invalid`, zh: `第 ${index} 条记录有误` }, zodFieldErrors(parsed.error.issues, ['records', index]));
  }
  const record = parsed.data;
  const [date, path] = record.event === 'child' ? [record.child.birthDate, ['child', 'birthDate']] : [record.on, ['on']];
  if (date > today) {
    throw new JifenError('validation_failed', { en: `Family: record ${index} is dated after today`, zh: `第 ${index} 条记录的日期晚于今天` }, [
      { path: fieldPath(['records', index, ...path]), message: `${date} is after today (${today}); send it once it has happened`, messageZh: `${date} 晚于今天（${today}），发生后再报送` },
    ]);
  }
  return record;
}
