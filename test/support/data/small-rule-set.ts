import { resolveRuleSet } from '../../../server/src/domain/rule-set/resolve';
import { ruleSetSchema, type RuleSetInput } from '../../../server/src/domain/rule-set/schema';
import type { ResolvedRuleSet } from '../../../server/src/domain/scoring/types';

const t = (en: string) => ({ zh: en, en });
const ref = { document: 'test' };

/**
 * A rule set small enough to check by hand: degree tiers (bachelor 10, high school 5), 0.5 per month of
 * insurance up to 30, a volunteer bonus (`volunteerPoints`, 4 by default), a membership point whose fact
 * defaults to true, and one scenario (bar 20, 2 places, earlier registration breaks ties).
 *
 * @example
 * const draft = smallRuleSet({ volunteerPoints: 10, version: 2 });
 */
export function smallRuleSet(options: { volunteerPoints?: number; version?: number } = {}): ResolvedRuleSet {
  const doc: RuleSetInput = {
    id: 'small',
    version: options.version ?? 1,
    effectiveFrom: '2026-01-01',
    title: t('Small'),
    owner: 'test',
    reference: ref,
    facts: [
      { id: 'degree', type: 'enum', title: t('degree'), values: [{ id: 'ba', title: t('BA') }, { id: 'hs', title: t('HS') }] },
      { id: 'months', type: 'integer', title: t('months'), min: 0 },
      { id: 'volunteer', type: 'boolean', title: t('volunteer') },
      { id: 'member', type: 'boolean', title: t('member'), default: true },
      { id: 'registered', type: 'date', title: t('registered') },
    ],
    groups: [{ id: 'g', title: t('G'), cap: 100, reference: ref }],
    indicators: [
      {
        id: 'degree', kind: 'tiers', group: 'g', title: t('degree'), reference: ref,
        tiers: [
          { id: 'ba', title: t('BA'), points: 10, conditions: { all: [{ fact: 'degree', operator: 'equal', value: 'ba' }] } },
          { id: 'hs', title: t('HS'), points: 5, conditions: { all: [{ fact: 'degree', operator: 'equal', value: 'hs' }] } },
        ],
      },
      { id: 'insurance', kind: 'rate', group: 'g', fact: 'months', points: 0.5, cap: 30, title: t('insurance'), reference: ref },
      {
        id: 'volunteer', kind: 'fixed', group: 'g', points: options.volunteerPoints ?? 4, title: t('volunteer'), reference: ref,
        conditions: { all: [{ fact: 'volunteer', operator: 'equal', value: true }] },
      },
      {
        id: 'member', kind: 'fixed', group: 'g', points: 1, title: t('member'), reference: ref,
        conditions: { all: [{ fact: 'member', operator: 'equal', value: true }] },
      },
    ],
    scenarios: [
      {
        id: 'grant', title: t('Grant'), department: 'd', reference: ref, bar: 20, places: 2,
        tieBreakers: [{ by: 'fact', fact: 'registered', order: 'asc' }],
      },
    ],
  };
  return resolveRuleSet(ruleSetSchema.parse(doc), []);
}
