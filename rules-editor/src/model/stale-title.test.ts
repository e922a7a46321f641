import { describe, expect, it } from 'vitest';
import { eligibilityFlips, staleNumbers } from './stale-title';

describe('titles whose numbers no longer hold', () => {
  it('flags a number of the title that an expectation held before it changed', () => {
    expect(staleNumbers('差1分未达入学积分线119分', [{ expected: 119, actual: 124 }])).toEqual(['119']);
    expect(staleNumbers('典型新市民恰好达到入学积分线120分', [{ expected: 55, actual: 60 }])).toEqual([]);
    expect(staleNumbers('社会救助：省级指标30分、总积分50分', [{ expected: 30, actual: 30 }])).toEqual([]);
  });

  it('notices an eligibility that flips', () => {
    expect(eligibilityFlips([{ path: 'scenarios.school-enrollment', expected: false, actual: true }])).toBe(true);
    expect(eligibilityFlips([{ path: 'total', expected: 119, actual: 124 }])).toBe(false);
  });
});
