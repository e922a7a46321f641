import { describe, expect, it } from 'vitest';
import { answerObjection, fileObjection, isOverdue } from './objections';
import type { Moment } from './lifecycle';
import type { Round, RoundApplication } from './types';

const on = (today: string): Moment => ({ today, at: `${today}T03:00:00.000Z`, actor: 'res-1' });
const round: Round = {
  id: 3,
  ruleSetId: 'district-sample',
  scenarioId: 'social-welfare',
  department: '区民政局',
  title: { zh: '社会福利', en: 'Social welfare' },
  places: 10,
  childRelated: false,
  opensOn: '2025-09-01',
  closesOn: '2025-09-19',
  status: 'published',
  createdBy: 'u-civil',
  createdAt: '2025-08-28T02:00:00.000Z',
  version: 1,
  versionHash: 'a'.repeat(64),
  revision: 1,
  publishedOn: '2025-09-26',
  publicationEndsOn: '2025-10-10',
};
const application: RoundApplication = {
  id: 11,
  roundId: 3,
  residentId: 'res-1',
  status: 'accepted',
  submittedAt: '2025-09-02T01:00:00.000Z',
  submittedBy: 'res-1',
};

describe('objections', () => {
  it('must be answered within 10 working days, counted across National Day and its worked Saturdays', () => {
    // Filed Friday 26 Sep 2025: 28 (Sunday, worked), 29, 30, then 1–8 Oct off, 9, 10, 11 (Saturday, worked), 13, 14, 15, 16.
    const objection = fileObjection(round, application, { reason: ' 社保缴费月数漏计 ', evidenceRef: 'doc-7' }, on('2025-09-26'));
    expect(objection).toMatchObject({
      roundId: 3,
      residentId: 'res-1',
      applicationId: 11,
      reason: '社保缴费月数漏计',
      evidenceRef: 'doc-7',
      filedOn: '2025-09-26',
      answerBy: '2025-10-16',
      status: 'open',
    });
  });

  it('may be filed only during the public notice, by an applicant ranked in the round', () => {
    expect(() => fileObjection(round, application, { reason: 'x' }, on('2025-10-11'))).toThrow(/not in its public notice/);
    expect(() => fileObjection({ ...round, status: 'closed' }, application, { reason: 'x' }, on('2025-09-29'))).toThrow(JifenError_conflict());
    expect(() => fileObjection(round, { ...application, status: 'rejected' }, { reason: 'x' }, on('2025-09-29'))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => fileObjection(round, application, { reason: '  ' }, on('2025-09-29'))).toThrow(
      expect.objectContaining({ fields: [{ path: 'reason', message: 'must not be empty' }] }),
    );
  });

  it('is upheld with a correction or dismissed with a reason, once, and is overdue after its last day', () => {
    const objection = { id: 5, ...fileObjection(round, application, { reason: '漏计' }, on('2025-09-29')) };
    expect(objection.answerBy).toBe('2025-10-20');
    expect(isOverdue(objection, '2025-10-20')).toBe(false);
    expect(isOverdue(objection, '2025-10-21')).toBe(true);
    const correction = { residentId: 'res-1', facts: { socialInsuranceMonths: 60 } };
    const upheld = answerObjection(round, objection, { outcome: 'upheld', answer: '核实属实', correction }, { ...on('2025-10-09'), actor: 'u-rev' });
    expect(upheld).toMatchObject({ status: 'upheld', answeredBy: 'u-rev', answer: '核实属实', correction });
    expect(isOverdue(upheld, '2025-12-01')).toBe(false);
    expect(() => answerObjection(round, upheld, { outcome: 'dismissed', answer: 'no' }, on('2025-10-09'))).toThrow(/already upheld/);
    expect(() => answerObjection(round, objection, { outcome: 'dismissed', answer: ' ' }, on('2025-10-09'))).toThrow(/needs a reason/);
    expect(() =>
      answerObjection(round, objection, { outcome: 'upheld', answer: 'ok', correction: { residentId: 'res-1', facts: {} } }, on('2025-10-09')),
    ).toThrow(/at least one fact/);
    expect(() => answerObjection({ ...round, status: 'final' }, objection, { outcome: 'dismissed', answer: 'no' }, on('2025-10-09'))).toThrow(
      /final/,
    );
  });
});

function JifenError_conflict() {
  return expect.objectContaining({ code: 'conflict' });
}
