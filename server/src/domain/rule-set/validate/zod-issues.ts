import type { z } from 'zod';
import { fieldPath, type FieldError } from '../../errors';
import { bilingual } from './report';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into field errors with dotted JSON paths (`indicators.3.tiers.0.points`). Parse with
 * `{ reportInput: true }` so that a missing value reads "is required".
 * A failed union (a condition that is neither a leaf nor all/any/not) is reported through the branch the
 * author evidently meant — the one whose keys match — so the error points at the field that is wrong.
 *
 * @example
 * zodFieldErrors(ruleSetSchema.safeParse(doc, { reportInput: true }).error.issues);
 */
export function zodFieldErrors(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length === 0 && 'options' in issue && issue.options) {
      out.push({ path: fieldPath(path), message: `must be one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}` });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = bestBranch(issue.errors);
      if (branch) {
        out.push(...zodFieldErrors(branch, path));
        continue;
      }
      out.push({ path: fieldPath(path), message: unionMessage(issue.errors) });
      continue;
    }
    if (issue.code === 'invalid_key' && issue.origin === 'record') {
      out.push({ path: fieldPath(path), message: `key ${issue.issues[0]?.message ?? 'is invalid'}` });
      continue;
    }
    out.push({ path: fieldPath(path), message: message(issue) });
  }
  return dedupe(out).map(bilingual);
}

/**
 * The branch whose shape fits the input (no unexpected keys or wrong type at its top); undefined if none
 * does, or if several fit only by lacking their keys (an empty object), which the union's message says best.
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const fitting = branches.filter((issues) => !issues.some(isShapeMismatch));
  if (fitting.length === 0) return undefined;
  if (fitting.length > 1 && fitting.every((b) => b.every(isMissing))) return undefined;
  // Prefer the branch that got furthest into the input, then the one with the fewest complaints.
  return fitting.reduce((best, b) =>
    depth(b) > depth(best) || (depth(b) === depth(best) && b.length < best.length) ? b : best,
  );
}

function isShapeMismatch(issue: Issue): boolean {
  return (
    issue.path.length === 0 &&
    (issue.code === 'unrecognized_keys' || issue.code === 'invalid_type' || issue.code === 'invalid_union')
  );
}

/** True when nothing was given at all where the issue is (a missing key, or a union over nothing). */
function isMissing(issue: Issue): boolean {
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return receivedUndefined(issue);
  if (issue.code === 'invalid_union') return issue.errors.length > 0 && issue.errors.every((b) => b.every((i) => i.path.length === 0 && isMissing(i)));
  return false;
}

const depth = (issues: readonly Issue[]) => Math.max(0, ...issues.map((i) => i.path.length));

/** Needs issues parsed with `reportInput: true` to tell a missing enum from a wrong one. */
function receivedUndefined(issue: Issue): boolean {
  if ('input' in issue) return issue.input === undefined;
  return issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
}

/** What the union accepts, from what its branches said: "must be {all: …}, {any: …} or {not: …}", "must be a string or a number". */
function unionMessage(branches: readonly (readonly Issue[])[]): string {
  const shapes = branches.map((b) => b.filter((i) => i.path.length === 1 && isMissing(i)).map((i) => String(i.path[0])));
  if (shapes.every((keys) => keys.length > 0)) {
    return `must be ${orList(shapes.map((keys) => `{${keys.map((k) => `${k}: …`).join(', ')}}`))}`;
  }
  const expected = new Set<string>();
  let missing = true;
  const visit = (issues: readonly Issue[]) => {
    for (const issue of issues) {
      if (issue.path.length !== 0) continue;
      if (issue.code === 'invalid_type') {
        expected.add(issue.expected);
        if (!receivedUndefined(issue)) missing = false;
      } else if (issue.code === 'invalid_union') issue.errors.forEach(visit);
      else missing = false;
    }
  };
  branches.forEach(visit);
  if (missing && expected.size > 0) return 'is required';
  if (expected.size === 0) return 'has the wrong shape';
  return `must be ${orList([...expected].map(article))}`;
}

const orList = (items: readonly string[]) =>
  items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

function message(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return receivedUndefined(issue) ? 'is required' : `must be ${article(issue.expected)}`;
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      if (receivedUndefined(issue)) return 'is required';
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `must have at least ${issue.minimum} item(s)` : issue.origin === 'string' ? `must have at least ${issue.minimum} character(s)` : `must be ${issue.inclusive === false ? '>' : '≥'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `must have at most ${issue.maximum} items` : issue.origin === 'string' ? `must have at most ${issue.maximum} characters` : `must be ${issue.inclusive === false ? '<' : '≤'} ${issue.maximum}`;
    case 'invalid_union':
      return issue.message;
    default:
      return issue.message;
  }
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
