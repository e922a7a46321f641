import { describe, expect, it } from 'vitest';
import { conditionKeys } from './indicator-points';

describe('conditionKeys', () => {
  it('names gates, tiers and scenarios by their ids, and hands the same key out again', () => {
    const indicator = { id: 'education' };
    const tier = { id: 'bachelor' };
    expect(conditionKeys.gate(indicator)).toBe('gate:education');
    expect(conditionKeys.tier(indicator, tier)).toBe('tier:education:bachelor');
    expect(conditionKeys.scenario({ id: 'school' })).toBe('scenario:school');
    expect(conditionKeys.tier(indicator, tier)).toBe('tier:education:bachelor');
  });

  it('never gives a tier the key of another indicator it also sits under, nor a stale id', () => {
    const tier = { id: 'level-1' };
    expect(conditionKeys.tier({ id: 'vocational' }, tier)).toBe('tier:vocational:level-1');
    expect(conditionKeys.tier({ id: 'skills' }, tier)).toBe('tier:skills:level-1');
    const scenario = { id: 'school' };
    expect(conditionKeys.scenario(scenario)).toBe('scenario:school');
    scenario.id = 'housing';
    expect(conditionKeys.scenario(scenario)).toBe('scenario:housing');
    expect(conditionKeys.gate(scenario)).toBe('gate:housing');
  });
});
