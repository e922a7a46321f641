import type {
  Condition,
  ConditionValue,
  FactCondition,
  Operator,
  TopLevelCondition,
} from '../../../server/src/domain/rule-set/condition';
import { LIST_OPERATORS, OPERATORS_BY_TYPE, type FactOption } from './facts';

/** How the condition builder creates and converts conditions; the server validates what it produces. */

export type { Condition, ConditionValue, FactCondition, Operator, TopLevelCondition };

export type GroupKind = 'all' | 'any';

export const isLeaf = (c: Condition): c is FactCondition => 'fact' in c;
export const isNot = (c: Condition): c is { not: Condition } => 'not' in c;
export const groupKind = (c: Condition): GroupKind | undefined => ('all' in c ? 'all' : 'any' in c ? 'any' : undefined);
export const children = (c: Condition): Condition[] => ('all' in c ? c.all : 'any' in c ? c.any : []);

/** Operators the builder offers for a fact: those valid for its type (all, when the fact is unknown). */
export function operatorsFor(fact: FactOption | undefined): readonly Operator[] {
  return fact ? OPERATORS_BY_TYPE[fact.type] : Object.values(OPERATORS_BY_TYPE).flat();
}

/** A sensible first value for a fact and operator, so that a new condition is valid at once. */
export function defaultValue(fact: FactOption | undefined, operator: Operator): ConditionValue {
  const list = LIST_OPERATORS.has(operator);
  const one = (): string | number | boolean => {
    switch (fact?.type) {
      case 'integer':
      case 'number':
        return 0;
      case 'boolean':
        return true;
      case 'date':
        return '2020-01-01';
      case 'enum':
      case 'enum-list':
        return fact.values?.[0]?.id ?? '';
      default:
        return '';
    }
  };
  return list ? [one()] : one();
}

/** A new leaf on the first fact offered, with its first operator. */
export function newLeaf(facts: readonly FactOption[]): FactCondition {
  const fact = facts[0];
  const operator = operatorsFor(fact)[0] ?? 'equal';
  return { fact: fact?.id ?? '', operator, value: defaultValue(fact, operator) };
}

/** The leaf after choosing another fact: keeps the operator and value when they still fit. */
export function withFact(leaf: FactCondition, fact: FactOption | undefined): FactCondition {
  const operators = operatorsFor(fact);
  const operator = operators.includes(leaf.operator) ? leaf.operator : (operators[0] ?? 'equal');
  const { path: _path, ...rest } = leaf;
  const next = { ...rest, fact: fact?.id ?? leaf.fact, operator };
  return { ...next, value: fits(leaf.value, fact, operator) ? leaf.value : defaultValue(fact, operator) };
}

/** The leaf after choosing another operator: converts between one value and a list of values. */
export function withOperator(leaf: FactCondition, fact: FactOption | undefined, operator: Operator): FactCondition {
  const wantsList = LIST_OPERATORS.has(operator);
  let value = leaf.value;
  if (wantsList && !Array.isArray(value)) value = [value];
  else if (!wantsList && Array.isArray(value)) value = value[0] ?? defaultValue(fact, operator);
  return { ...leaf, operator, value: fits(value, fact, operator) ? value : defaultValue(fact, operator) };
}

function fits(value: ConditionValue, fact: FactOption | undefined, operator: Operator): boolean {
  if (!fact) return true;
  const list = LIST_OPERATORS.has(operator);
  if (list !== Array.isArray(value)) return false;
  const items = Array.isArray(value) ? value : [value];
  return items.every((v) => {
    switch (fact.type) {
      case 'integer':
      case 'number':
        return typeof v === 'number';
      case 'boolean':
        return typeof v === 'boolean';
      case 'enum':
      case 'enum-list':
        return typeof v === 'string' && (fact.values ?? []).some((x) => x.id === v);
      default:
        return typeof v === 'string';
    }
  });
}

/**
 * Reads what the user typed into a value box. Numbers stay numbers when the fact is numeric; a list
 * operator on a free-text fact splits on commas (，or ,).
 */
export function parseTypedValue(text: string, fact: FactOption | undefined, operator: Operator): ConditionValue {
  const numeric = fact?.type === 'integer' || fact?.type === 'number';
  const one = (s: string): string | number => {
    const t = s.trim();
    if (!numeric || t === '') return t;
    const n = Number(t);
    return Number.isFinite(n) ? n : t;
  };
  if (!LIST_OPERATORS.has(operator)) return one(text);
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(one);
}

/** The text shown in a value box for a value. */
export function formatTypedValue(value: ConditionValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** A group of the other kind with the same children (all ⇄ any). */
export function switchGroup(c: Condition, kind: GroupKind): Condition {
  const items = children(c);
  return kind === 'all' ? { all: items } : { any: items };
}

/** A new top-level condition for an indicator or scenario that had none. */
export function newTopLevel(facts: readonly FactOption[]): TopLevelCondition {
  return { all: [newLeaf(facts)] };
}
