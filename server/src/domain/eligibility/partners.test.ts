import { describe, expect, it } from 'vitest';
import { authorizeWidget, checkRegistration, normalizeOrigin, type Partner } from './partners';

const partner: Partner = {
  id: 'ptn-1',
  name: '实验小学',
  origins: ['https://school.example', 'http://127.0.0.1:5173'],
  scenarios: [
    { ruleSetId: 'district-sample', scenarioId: 'school-enrollment' },
    { ruleSetId: 'district-sample', scenarioId: 'healthcare' },
    { ruleSetId: 'other-district', scenarioId: 'healthcare' },
  ],
  createdAt: '2026-06-01T00:00:00.000Z',
  createdBy: 'admin',
  updatedAt: '2026-06-01T00:00:00.000Z',
};

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { fields?: { path: string; message: string }[] }).fields;
  }
  throw new Error('did not throw');
};

describe('origins', () => {
  it('keeps scheme, host and port as browsers send them', () => {
    expect(normalizeOrigin('https://School.Example/')).toBe('https://school.example');
    expect(normalizeOrigin('https://school.example:8443')).toBe('https://school.example:8443');
    expect(normalizeOrigin('http://localhost:5173')).toBe('http://localhost:5173');
  });

  it('refuses paths, plain http on the internet, credentials and non-URLs, naming the field', () => {
    expect(fieldsOf(() => checkRegistration({ origins: ['https://school.example/enrol', 'http://school.example', 'https://u:p@school.example', '*', 'https://school.example', 'https://school.example/'], scenarios: [] }))).toEqual([
      { path: 'origins.0', message: expect.stringMatching(/no path/) },
      { path: 'origins.1', message: expect.stringMatching(/https/) },
      { path: 'origins.2', message: expect.stringMatching(/user name/) },
      { path: 'origins.3', message: expect.stringMatching(/not a web origin/) },
      { path: 'origins.5', message: 'repeats https://school.example' },
    ]);
  });
});

describe('authorizeWidget', () => {
  it('answers the partner scenario for a registered origin, or for a call without an Origin (a server)', () => {
    expect(authorizeWidget(partner, { origin: 'https://school.example', scenario: 'school-enrollment' })).toEqual(partner.scenarios[0]);
    expect(authorizeWidget(partner, { origin: undefined, scenario: 'district-sample:healthcare' })).toEqual(partner.scenarios[1]);
    expect(authorizeWidget(partner, { origin: undefined, scenario: 'other-district/healthcare' })).toEqual(partner.scenarios[2]);
  });

  it('refuses another origin with a message that names the site', () => {
    expect(() => authorizeWidget(partner, { origin: 'https://evil.example', scenario: 'school-enrollment' })).toThrow(
      /not registered for the site https:\/\/evil\.example/,
    );
  });

  it('refuses another scenario with a message that names what the key may show, never the partner', () => {
    expect(() => authorizeWidget(partner, { origin: 'https://school.example', scenario: 'housing-support' })).toThrow(
      /not registered for the scenario "housing-support"; it may show district-sample\/school-enrollment/,
    );
    expect(() => authorizeWidget(partner, { origin: 'https://evil.example', scenario: 'school-enrollment' })).toThrow(
      expect.objectContaining({ code: 'origin_forbidden', message: expect.not.stringContaining('实验小学') }),
    );
  });

  it('asks to name the rule set when two have the scenario', () => {
    expect(fieldsOf(() => authorizeWidget(partner, { origin: undefined, scenario: 'healthcare' }))).toEqual([
      { path: 'scenario', message: 'name it with its rule set: district-sample/healthcare or other-district/healthcare' },
    ]);
  });
});
