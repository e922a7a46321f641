import { z } from 'zod';

/**
 * The shape of a draft's test-case summary (`CaseSummary`): what a draft stores after every save and what
 * the draft routes answer. One schema for both, so the stored column and the API never drift apart.
 */
export const caseSummarySchema = z.object({
  passed: z.number().int(),
  failed: z.number().int(),
  results: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      passed: z.boolean(),
      differences: z.array(
        z.object({ path: z.string(), expected: z.union([z.number(), z.boolean()]), actual: z.union([z.number(), z.boolean()]).optional() }),
      ),
      error: z.string().optional(),
    }),
  ),
});
