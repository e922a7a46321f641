import type { Operator } from '../rule-set/condition';
import type { FailedCondition } from './types';

/**
 * A condition tree after evaluation, leaves annotated the way json-rules-engine annotates them
 * (`result`, `factResult`). The compiled evaluator builds the same shape when asked to explain.
 */
export type AnnotatedCondition =
  | { all: AnnotatedCondition[] }
  | { any: AnnotatedCondition[] }
  | { not: AnnotatedCondition }
  | { fact: string; operator: string; value: unknown; path?: string; result?: boolean; factResult?: unknown };

/** A tree's value; a leaf that was never evaluated counts as false. */
export function conditionValue(node: AnnotatedCondition): boolean {
  if ('all' in node) return node.all.every(conditionValue);
  if ('any' in node) return node.any.some(conditionValue);
  if ('not' in node) return !conditionValue(node.not);
  return node.result === true;
}

/**
 * The leaves that made a false condition false, in document order: under `all` the false children,
 * under `any` every child, under `not` the leaves that held (reported as negated).
 */
export function failedConditions(node: AnnotatedCondition): FailedCondition[] {
  return conditionValue(node) ? [] : culprits(node, false);
}

function culprits(node: AnnotatedCondition, target: boolean): FailedCondition[] {
  if ('not' in node) return culprits(node.not, !target);
  if ('all' in node || 'any' in node) {
    const children = 'all' in node ? node.all : node.any;
    // all=false and any=true are decided by some children; all=true and any=false by every child.
    const decidedBySome = 'all' in node ? !target : target;
    const chosen = decidedBySome ? children.filter((c) => conditionValue(c) === target) : children;
    return chosen.flatMap((c) => culprits(c, target));
  }
  if ((node.result === true) !== target) return [];
  return [
    {
      fact: node.fact,
      operator: node.operator as Operator,
      value: node.value,
      actual: node.factResult,
      ...(node.path === undefined ? {} : { path: node.path }),
      ...(target ? { negated: true } : {}),
    },
  ];
}
