import { z } from 'zod';
import { parseDate } from '../dates';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date `YYYY-MM-DD`: one message for a value not shaped like a date (`2026-06-30T00:00`), another
 * for one that is but names no day (`2026-02-30`), never both.
 *
 * @example
 * dateSchema.safeParse('2026-02-30').error?.issues[0]?.message; // 'is not a calendar date'
 */
export const dateSchema = z
  .string()
  .regex(DATE_SHAPE, 'must be a date YYYY-MM-DD')
  .refine((s) => !DATE_SHAPE.test(s) || parseDate(s) !== undefined, 'is not a calendar date');
