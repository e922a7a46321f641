import type { zhCases } from './cases.zh';

/** The strings of what a test case checks (its scope), in English. */
export const enCases: typeof zhCases = {
  caseAbout: 'What this case checks',
  aboutTotal: 'The total',
  aboutIndicator: 'One indicator',
  aboutGroup: 'One group',
  aboutEligibility: 'Scenario eligibility',
  aboutHelp: 'Only the chosen part is checked: changing the points of other indicators will not fail this case. The expected value is the current result.',
  chooseIndicator: 'Indicator',
  chooseGroup: 'Group',
  chooseScenarios: 'Scenarios (one or more)',
  chooseOneScenario: 'Choose at least one scenario.',
  alsoShortBy: 'Also check how many points short of the bar (any change to a weight the scenario counts will fail it)',
  scopeAll: 'Checks: every expected result',
  scopeTotal: 'Checks: the total',
  scopeIndicator: (name: string) => `Checks: indicator “${name}”`,
  scopeGroup: (name: string) => `Checks: group “${name}”`,
  scopeEligibility: (names: string) => `Checks: eligibility for ${names}`,
  acceptOnlyScope: (scope: string) => `${scope} (only this part is updated)`,
};
