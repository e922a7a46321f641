import type { RuleSet } from '../schema';
import { checkCondition, describeType } from './check-condition';
import { checkUniqueIds, type Problems } from './report';
import type { Scope } from './scope';

/**
 * Checks scenarios (eligibility, counted indicators, tie-breakers) and benefits (which must spend an
 * exchangeable ledger indicator).
 */
export function checkScenarios(doc: RuleSet, scope: Scope, report: Problems): void {
  checkUniqueIds(doc.scenarios, ['scenarios'], 'scenario', report);
  doc.scenarios.forEach((scenario, s) => {
    const at = ['scenarios', s] as const;
    if (scenario.eligibility) checkCondition(scenario.eligibility, [...at, 'eligibility'], scope, report, true);
    const counted = new Set<string>();
    scenario.counted?.forEach((id, c) => {
      if (!scope.indicators.has(id)) report.add([...at, 'counted', c], `unknown indicator "${id}"`);
      else if (counted.has(id)) report.add([...at, 'counted', c], `indicator "${id}" is listed twice`);
      counted.add(id);
    });
    scenario.tieBreakers.forEach((tb, t) => {
      const path = [...at, 'tieBreakers', t];
      switch (tb.by) {
        case 'group':
          if (!scope.groups.has(tb.group)) report.add([...path, 'group'], `unknown group "${tb.group}"`);
          return;
        case 'category':
          if (!scope.categories.has(tb.category)) report.add([...path, 'category'], `no indicator has category "${tb.category}"`);
          return;
        case 'indicator':
          if (!scope.indicators.has(tb.indicator)) report.add([...path, 'indicator'], `unknown indicator "${tb.indicator}"`);
          return;
        case 'fact': {
          const fact = scope.facts.get(tb.fact);
          if (!fact) report.add([...path, 'fact'], `unknown fact "${tb.fact}"`);
          else if (fact.type !== 'integer' && fact.type !== 'number' && fact.type !== 'date') {
            report.add([...path, 'fact'], `must be a number or date fact to order by; "${tb.fact}" is ${describeType(fact)}`);
          }
          return;
        }
      }
    });
  });

  checkUniqueIds(doc.benefits, ['benefits'], 'benefit', report);
  doc.benefits.forEach((benefit, b) => {
    const ind = scope.indicators.get(benefit.indicator);
    const at = ['benefits', b, 'indicator'];
    if (!ind) report.add(at, `unknown indicator "${benefit.indicator}"`);
    else if (!ind.ledger) report.add(at, `indicator "${ind.id}" keeps no ledger of points to spend`);
    else if (!ind.ledger.exchangeable) report.add(at, `indicator "${ind.id}" is not exchangeable`);
  });
}
