import { describe, expect, it } from 'vitest';
import { earliestEffectiveFrom, effectiveFromProblems, proposedEffectiveFrom } from './effective-from';

describe('the date a new version takes effect', () => {
  it('is proposed for the next day in China, across a month and a year end', () => {
    expect(proposedEffectiveFrom({ today: '2026-06-30', latestEffectiveFrom: '2025-01-01' })).toBe('2026-07-01');
    expect(proposedEffectiveFrom({ today: '2026-12-31' })).toBe('2027-01-01');
  });

  it('is never proposed before the latest published version takes effect', () => {
    expect(proposedEffectiveFrom({ today: '2026-06-30', latestEffectiveFrom: '2026-09-01' })).toBe('2026-09-01');
    expect(earliestEffectiveFrom({ today: '2026-06-30', latestEffectiveFrom: '2026-09-01' })).toBe('2026-09-01');
    expect(earliestEffectiveFrom({ today: '2026-06-30', latestEffectiveFrom: '2025-01-01' })).toBe('2026-06-30');
  });

  it('refuses a past date, a date before the latest version and no date, in Chinese and English', () => {
    const context = { today: '2026-06-30', latestEffectiveFrom: '2026-09-01' };
    expect(effectiveFromProblems('2025-01-01', context)).toEqual([
      { path: 'effectiveFrom', message: 'must be today (2026-06-30) or later: a version cannot take effect in the past', messageZh: '生效日期不能早于今天（2026-06-30）：新版本不能追溯生效' },
    ]);
    expect(effectiveFromProblems('2026-08-01', context)[0]?.messageZh).toBe('生效日期不能早于最新已发布版本的生效日期（2026-09-01）');
    expect(effectiveFromProblems('', context)[0]?.messageZh).toBe('请填写新版本的生效日期');
    expect(effectiveFromProblems(proposedEffectiveFrom(context), context)).toEqual([]);
  });
});
