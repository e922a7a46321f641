import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../rule-set/schema';
import { rankApplicants, type RankSubject } from './rank';

const scenario = (childRelated: boolean, places = 2) =>
  scenarioSchema.parse({
    id: 's', title: { zh: '场景', en: 'S' }, department: 'd', reference: { document: 'x' }, bar: 0, places, childRelated,
    tieBreakers: [
      { by: 'group', group: 'district' },
      { by: 'fact', fact: 'residenceRegistrationDate' },
      { by: 'category', category: 'social-service' },
    ],
  });
const subject = (score: number, district: number, registered: string, social: number, eligible = true): RankSubject => ({
  eligible, score, tieValues: [district * 100, registered, social * 100],
});

describe('rankApplicants', () => {
  it('breaks equal totals by district score, then earlier registration, then social service', () => {
    const { ranked } = rankApplicants(scenario(false, 3), [
      { id: 'a', subject: subject(150, 60, '2020-01-01', 5) },
      { id: 'b', subject: subject(150, 70, '2021-01-01', 0) },
      { id: 'c', subject: subject(150, 60, '2019-06-01', 0) },
      { id: 'd', subject: subject(150, 60, '2019-06-01', 3) },
      { id: 'e', subject: subject(160, 10, '2024-01-01', 0) },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['e', 'b', 'd', 'c', 'a']);
    expect(ranked.map((r) => r.admitted)).toEqual([true, true, true, false, false]);
  });

  it('shares a position only when every key is equal', () => {
    const { ranked } = rankApplicants(scenario(false, 1), [
      { id: 'x', subject: subject(100, 50, '2020-01-01', 1) },
      { id: 'y', subject: subject(100, 50, '2020-01-01', 1) },
      { id: 'z', subject: subject(90, 50, '2020-01-01', 1) },
    ]);
    expect(ranked.map((r) => [r.id, r.position, r.tied, r.admitted])).toEqual([
      ['x', 1, true, true],
      ['y', 1, true, true],
      ['z', 3, false, false],
    ]);
  });

  it('counts the higher spouse for a child and lets the other spouse break the tie', () => {
    const { ranked, ineligible } = rankApplicants(scenario(true), [
      { id: 'fam1', subject: subject(120, 50, '2020-01-01', 0), spouse: subject(140, 40, '2020-01-01', 0) },
      { id: 'fam2', subject: subject(140, 40, '2020-01-01', 0), spouse: subject(130, 40, '2020-01-01', 0) },
      { id: 'fam3', subject: subject(100, 0, '2020-01-01', 0, false), spouse: subject(90, 0, '2020-01-01', 0, false) },
    ]);
    expect(ranked.map((r) => [r.id, r.score, r.spouseCounted])).toEqual([
      ['fam2', 140, false],
      ['fam1', 140, true],
    ]);
    expect(ineligible).toEqual(['fam3']);
  });

  it('counts an eligible spouse of an ineligible applicant, with the applicant breaking the tie', () => {
    const { ranked } = rankApplicants(scenario(true, 5), [
      { id: 'fam1', subject: subject(80, 0, '2020-01-01', 0, false), spouse: subject(140, 40, '2020-01-01', 0) },
      { id: 'fam2', subject: subject(140, 40, '2020-01-01', 0), spouse: subject(90, 0, '2020-01-01', 0, false) },
    ]);
    expect(ranked.map((r) => [r.id, r.position, r.score, r.spouseCounted])).toEqual([
      ['fam2', 1, 140, false],
      ['fam1', 2, 140, true],
    ]);
  });

  it('never adds the spouses together, and ignores spouses for other scenarios', () => {
    const { ranked } = rankApplicants(scenario(false), [
      { id: 'p', subject: subject(100, 0, '2020-01-01', 0), spouse: subject(150, 0, '2020-01-01', 0) },
    ]);
    expect(ranked[0]).toMatchObject({ score: 100, spouseCounted: false });
  });
});
