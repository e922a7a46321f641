import type { CaseScope, RuleSet, Text } from '../../../server/src/domain/rule-set/schema';
import type { Messages } from '../i18n/zh';
import type { Catalogue } from './facts';

/** The titles a case's scope may name: indicators and groups (included ones too) and the document's scenarios. */
export interface ScopeNames {
  indicators: ReadonlyMap<string, Text>;
  groups: ReadonlyMap<string, Text>;
  scenarios: ReadonlyMap<string, Text>;
}

/**
 * The names of a document's indicators, groups and scenarios; with its catalogue, those it includes too.
 *
 * @example
 * scopeNames(draft.document, catalogue).indicators.get('tax'); // { zh: '纳税', en: 'Tax' }
 */
export function scopeNames(doc: Partial<Pick<RuleSet, 'indicators' | 'groups' | 'scenarios'>>, catalogue?: Catalogue): ScopeNames {
  const titled = (items: readonly { id: string; title: Text }[] | undefined) => (items ?? []).map((x) => [x.id, x.title] as const);
  return {
    indicators: new Map([...titled(catalogue?.indicators), ...titled(doc.indicators)]),
    groups: new Map([...titled(catalogue?.groups), ...titled(doc.groups)]),
    scenarios: new Map(titled(doc.scenarios)),
  };
}

/**
 * What a case checks, in the reader's language: its scope, or every expected result for a case without one.
 *
 * @example
 * describeScope({ about: 'indicator', indicator: 'tax' }, names, m, 'zh'); // '核对：指标「纳税」'
 */
export function describeScope(scope: CaseScope | undefined, names: ScopeNames, m: Messages, lang: 'zh' | 'en'): string {
  const name = (map: ReadonlyMap<string, Text>, id: string) => map.get(id)?.[lang] || map.get(id)?.zh || id;
  if (!scope) return m.scopeAll;
  switch (scope.about) {
    case 'total':
      return m.scopeTotal;
    case 'indicator':
      return m.scopeIndicator(name(names.indicators, scope.indicator));
    case 'group':
      return m.scopeGroup(name(names.groups, scope.group));
    case 'eligibility':
      return m.scopeEligibility(scope.scenarios.map((id) => (lang === 'zh' ? `「${name(names.scenarios, id)}」` : `“${name(names.scenarios, id)}”`)).join(lang === 'zh' ? '、' : ', '));
  }
}
