import { describe, expect, it } from 'vitest';
import { loadShippedRuleSets } from '../../../../test/support/data/rule-sets';
import { evaluateCompiled } from '../compiled/evaluate-compiled';
import { scorePopulation } from '../compiled/population';
import { scoringFacts } from '../residents/scoring-facts';
import { resolveRuleSet } from '../rule-set/resolve';
import { evaluate } from '../scoring/evaluate';
import type { LedgerEntry } from './ledger';

const shipped = loadShippedRuleSets();
const published = shipped.get('district-sample@1')!;
const provincial = shipped.get('provincial-common@1')!.root;

/** district-sample with 志愿服务 raised from 1 to 2 points per 10 hours (and its cap changed). */
function raised(cap = 20) {
  const root = structuredClone(published.root);
  const volunteer = root.indicators.find((i) => i.id === 'volunteerService');
  if (volunteer?.kind !== 'rate') throw new Error('no volunteerService rate');
  Object.assign(volunteer, { points: 2, cap });
  return resolveRuleSet({ ...root, version: 2 }, [provincial]);
}

const AS_OF = '2026-06-30';
// res-000003's case: 30 hours in 2025 at 1 point per 10 hours granted 3 points.
const ledger: LedgerEntry[] = [{ id: 'e1', indicator: 'volunteerService', kind: 'earn', points: 3, earnedOn: '2025-03-01', ref: '30 小时' }];
const volunteer = async (rs: typeof published, entries = ledger, engine: 'reference' | 'compiled' = 'reference') =>
  (await evaluate(rs, scoringFacts(rs, {}, {}, entries, AS_OF), AS_OF, { engine })).indicators.find((i) => i.id === 'volunteerService')!;

describe('ledger points are granted when earned', () => {
  it('keeps the 3 points of 30 hours when the rate rises to 2 per 10 hours, and says why', async () => {
    for (const engine of ['reference', 'compiled'] as const) {
      const after = await volunteer(raised(), ledger, engine);
      expect(after.points).toBe(3);
      expect(after.explanationZh).toBe('有效积分余额 3 分（按取得时的标准赋分）');
      expect(after.explanation).toBe('valid ledger balance: 3 points granted when earned');
    }
    expect((await volunteer(published)).points).toBe(3);
  });

  it('prices activity typed in (the evaluate API, a self-check) at the version\'s own rate', async () => {
    const facts = { volunteerHours: 30 };
    const points = (rs: typeof published) => evaluateCompiled(rs, facts, AS_OF).indicators.find((i) => i.id === 'volunteerService')!.points;
    expect([points(published), points(raised())]).toEqual([3, 6]);
  });

  it('applies the scoring version\'s cap to the balance, and the population scorer agrees', async () => {
    const rich: LedgerEntry[] = [...ledger, { id: 'e2', indicator: 'volunteerService', kind: 'earn', points: 4.5, earnedOn: '2026-02-01' }];
    const capped = raised(5);
    const one = await volunteer(capped, rich);
    expect(one.points).toBe(5);
    expect(one.explanationZh).toBe('有效积分余额 7.5 分（按取得时的标准赋分），封顶 5 分');
    const residents = [rich, ledger, []].map((entries, i) => ({ id: `r${i}`, facts: scoringFacts(capped, {}, {}, entries, AS_OF) }));
    const population = scorePopulation(capped, residents, AS_OF, { indicators: true });
    const column = population.indicatorIds.indexOf('volunteerService');
    const width = population.indicatorIds.length;
    expect([0, 1, 2].map((r) => population.indicators![r * width + column])).toEqual([500, 300, 0]);
  });
});
