import { JifenError } from '../../../server/src/domain/errors';

/**
 * Runs what should be refused and returns the JifenError it threw, so a test can check code and fields.
 *
 * @example
 * expect(refusal(() => planSpend(entries, 'volunteer', 3, 10, '2026-01-01')).code).toBe('conflict');
 */
export function refusal(run: () => unknown): JifenError {
  try {
    run();
  } catch (error) {
    if (error instanceof JifenError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
