import { describe, expect, it } from 'vitest';
import { defaultValue, newLeaf, operatorsFor, parseTypedValue, switchGroup, withFact, withOperator } from './condition';
import type { FactOption } from './facts';

const months: FactOption = { id: 'residenceMonths', type: 'integer', title: { zh: '居住月数', en: 'Months' }, origin: 'input' };
const education: FactOption = {
  id: 'education',
  type: 'enum',
  title: { zh: '学历', en: 'Education' },
  origin: 'input',
  values: [
    { id: 'bachelor', title: { zh: '本科', en: 'Bachelor' } },
    { id: 'master', title: { zh: '硕士', en: 'Master' } },
  ],
};
const born: FactOption = { id: 'birthDate', type: 'date', title: { zh: '出生日期', en: 'Born' }, origin: 'input' };

describe('the condition builder model', () => {
  it('offers only the operators that suit the fact type', () => {
    expect(operatorsFor(months)).toContain('greaterThanInclusive');
    expect(operatorsFor(months)).not.toContain('dateBefore');
    expect(operatorsFor(born)).toEqual(['equal', 'notEqual', 'dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter']);
    expect(operatorsFor(education)).toEqual(['equal', 'notEqual', 'in', 'notIn']);
  });

  it('starts a new leaf on the first fact with a value of its type', () => {
    expect(newLeaf([education])).toEqual({ fact: 'education', operator: 'equal', value: 'bachelor' });
    expect(newLeaf([months])).toEqual({ fact: 'residenceMonths', operator: 'equal', value: 0 });
  });

  it('keeps operator and value when the new fact accepts them, and resets them when it does not', () => {
    const leaf = { fact: 'residenceMonths', operator: 'greaterThanInclusive' as const, value: 12 };
    expect(withFact(leaf, { ...months, id: 'socialInsuranceMonths' })).toEqual({ fact: 'socialInsuranceMonths', operator: 'greaterThanInclusive', value: 12 });
    expect(withFact(leaf, born)).toEqual({ fact: 'birthDate', operator: 'equal', value: '2020-01-01' });
    expect(withFact(leaf, education)).toEqual({ fact: 'education', operator: 'equal', value: 'bachelor' });
  });

  it('turns one value into a list for list operators, and back', () => {
    const leaf = { fact: 'education', operator: 'equal' as const, value: 'master' };
    const list = withOperator(leaf, education, 'in');
    expect(list).toEqual({ fact: 'education', operator: 'in', value: ['master'] });
    expect(withOperator(list, education, 'notEqual')).toEqual({ fact: 'education', operator: 'notEqual', value: 'master' });
  });

  it('reads typed values as numbers for numeric facts and splits lists on either comma', () => {
    expect(parseTypedValue('12', months, 'equal')).toBe(12);
    expect(parseTypedValue('12, 24，36', months, 'in')).toEqual([12, 24, 36]);
    expect(parseTypedValue('abc', months, 'equal')).toBe('abc');
    expect(defaultValue(months, 'in')).toEqual([0]);
  });

  it('switches a group between all and any without losing its conditions', () => {
    const group = { all: [{ fact: 'a', operator: 'equal' as const, value: 1 }] };
    expect(switchGroup(group, 'any')).toEqual({ any: group.all });
  });
});
