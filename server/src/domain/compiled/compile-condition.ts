import type { Condition, FactCondition } from '../rule-set/condition';
import type { ConditionOutcome } from '../scoring/indicator-points';
import type { FailedCondition } from '../scoring/types';
import { OPERATOR_FNS } from '../scoring/operators';
import { resolvePath } from '../scoring/path';
import type { Slots } from './layout';
import { leafPredicate, type Predicate } from './leaf-predicate';

/** A condition compiled once: a predicate for scoring, and the failed leaves for explanations. */
export interface CompiledCondition {
  readonly test: Predicate;
  /** Passed, or the leaves that failed exactly as `failedConditions` finds them in json-rules-engine's annotated tree. */
  outcome(s: Slots): ConditionOutcome;
}

/**
 * Compiles all/any/not and leaves into closures over slots; `slotOf` says which slot a fact lives in.
 * The predicate may stop early (evaluation has no side effects). Explaining a failure walks the tree the
 * way failed-conditions.ts walks an annotated one (every leaf evaluated, as json-rules-engine does with
 * conditions of one priority), without building the annotated tree.
 *
 * @example
 * const c = compileCondition({ all: [{ fact: 'months', operator: 'greaterThanInclusive', value: 12 }] }, layout.indicatorSlot);
 * c.test(slots);
 */
export function compileCondition(condition: Condition, slotOf: (fact: string) => number): CompiledCondition {
  const node = compileNode(condition, slotOf);
  const test = node.test;
  return {
    test,
    outcome: (s) => {
      if (test(s)) return { passed: true, failed: [] };
      const failed: FailedCondition[] = [];
      if (!node.value(s)) node.culprits(s, false, failed);
      return { passed: false, failed };
    },
  };
}

interface Node {
  test: Predicate;
  /** `conditionValue`: lists hold by every/some of their children. */
  value(s: Slots): boolean;
  /** `culprits`: the leaves whose result is `target` and that decide the node. */
  culprits(s: Slots, target: boolean, out: FailedCondition[]): void;
}

function compileNode(c: Condition, slotOf: (fact: string) => number): Node {
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const children = (isAll ? c.all : c.any).map((x) => compileNode(x, slotOf));
    const tests = children.map((x) => x.test);
    return {
      test: isAll ? allOf(tests) : anyOf(tests),
      value: isAll ? (s) => children.every((x) => x.value(s)) : (s) => children.some((x) => x.value(s)),
      culprits: (s, target, out) => {
        // all=false and any=true are decided by some children; all=true and any=false by every child.
        const decidedBySome = isAll ? !target : target;
        for (const child of children) if (!decidedBySome || child.value(s) === target) child.culprits(s, target, out);
      },
    };
  }
  if ('not' in c) {
    const child = compileNode(c.not, slotOf);
    const inner = child.test;
    return { test: (s) => !inner(s), value: (s) => !child.value(s), culprits: (s, target, out) => child.culprits(s, !target, out) };
  }
  return compileLeaf(c, slotOf(c.fact));
}

function compileLeaf(leaf: FactCondition, slot: number): Node {
  const { fact, operator, value, path } = leaf;
  // json-rules-engine resolves a path only inside an object; any other value is compared as it is.
  const actual =
    path === undefined
      ? (s: Slots) => s[slot]
      : (s: Slots) => {
          const v = s[slot];
          return v !== null && typeof v === 'object' ? resolvePath(v, path) : v;
        };
  let test: Predicate;
  if (path === undefined) {
    test = leafPredicate(operator, value, slot);
  } else {
    leafPredicate(operator, value, slot); // rejects an unknown operator when compiling
    const fn = OPERATOR_FNS[operator];
    test = (s) => fn(actual(s), value);
  }
  return {
    test,
    value: test,
    culprits: (s, target, out) => {
      if (test(s) !== target) return;
      // Built field by field, not by spreading: every failed leaf then shares one object shape.
      const failed: FailedCondition = { fact, operator, value: Array.isArray(value) ? value.slice() : value, actual: actual(s) };
      if (path !== undefined) failed.path = path;
      if (target) failed.negated = true;
      out.push(failed);
    },
  };
}

function allOf(tests: Predicate[]): Predicate {
  const [a, b, c] = tests;
  if (tests.length === 1 && a) return a;
  if (tests.length === 2 && a && b) return (s) => a(s) && b(s);
  if (tests.length === 3 && a && b && c) return (s) => a(s) && b(s) && c(s);
  return (s) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(s)) return false;
    return true;
  };
}

function anyOf(tests: Predicate[]): Predicate {
  const [a, b, c] = tests;
  // json-rules-engine holds an empty list true under any as under all (the schema forbids both).
  if (tests.length === 0) return () => true;
  if (tests.length === 1 && a) return a;
  if (tests.length === 2 && a && b) return (s) => a(s) || b(s);
  if (tests.length === 3 && a && b && c) return (s) => a(s) || b(s) || c(s);
  return (s) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(s)) return true;
    return false;
  };
}
