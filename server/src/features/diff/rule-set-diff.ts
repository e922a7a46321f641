import type { Operation } from 'rfc6902';
import { caseOutcome, caseOutcomeChanges, type CaseOutcome, type CaseOutcomeChange } from '../../domain/diff/case-outcomes';
import { diffRuleSets, titlesOf } from '../../domain/diff/diff';
import type { PolicyChange } from '../../domain/diff/types';
import { JifenError } from '../../domain/errors';
import { contentHash } from '../../domain/rule-set/hash';
import { resolveRuleSet } from '../../domain/rule-set/resolve';
import type { RuleSet, TestCase, Text } from '../../domain/rule-set/schema';
import { evaluate } from '../../domain/scoring/evaluate';
import { parseFacts } from '../../domain/scoring/facts';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { createDraftStore } from '../drafts';
import { includedDocuments } from '../rule-sets';
import type { LifecycleContext } from '../../platform/db/context';

/** One side of a diff: a published version or a draft. */
export interface DiffSide {
  /** As asked: `3` or `draft:k3x9m2p7q4rt`. */
  ref: string;
  version?: number;
  draftId?: string;
  hash: string;
  effectiveFrom: string;
}

/** A policy change with its target named in one string (`indicator:education`, `…/tier:bachelor`). */
export interface PolicyChangeView extends Omit<PolicyChange, 'target'> {
  target: string;
  targetTitle?: Text;
  part?: { type: 'tier' | 'band'; id: string; title?: Text };
}

export interface RuleSetDiffView {
  from: DiffSide;
  to: DiffSide;
  changes: PolicyChangeView[];
  patch: Operation[];
  /** Test cases whose outcome differs between the two sides (each case run under both). */
  cases: CaseOutcomeChange[];
}

const REF = /^(?:([1-9][0-9]{0,8})|draft:([a-z0-9]{1,64}))$/;

/**
 * What changed between two versions of a rule set, or a version and a draft: the changes in policy terms
 * (Chinese and English), the RFC 6902 patch, and the test cases whose outcome changes. Every test case of
 * either side is run under both sides' rules.
 *
 * @example
 * const diff = await diffRefs(ctx, 'district-sample', '1', 'draft:k3x9m2p7q4rt');
 * diff.changes[0].text.en; // 'Indicator "Education" (education): tier "Bachelor or above" (bachelor) points 10 → 12'
 */
export async function diffRefs(ctx: LifecycleContext, ruleSetId: string, fromRef: string, toRef: string): Promise<RuleSetDiffView> {
  const from = await load(ctx, ruleSetId, fromRef, 'from');
  const to = await load(ctx, ruleSetId, toRef, 'to');
  const [a, b] = [titlesOf(from.rs), titlesOf(to.rs)];
  const included = {
    facts: [...(a.facts ?? []), ...(b.facts ?? [])],
    groups: [...(a.groups ?? []), ...(b.groups ?? [])],
    indicators: [...(a.indicators ?? []), ...(b.indicators ?? [])],
  };
  const { changes, patch } = diffRuleSets(from.rs.root, to.rs.root, { included });
  const cases = mergeCases(from.rs.root.cases, to.rs.root.cases);
  const titles = new Map<string, Text>([...from.rs.scenarios, ...to.rs.scenarios, ...to.rs.groups, ...to.rs.indicators].map((x) => [x.id, x.title]));
  return {
    from: from.side,
    to: to.side,
    changes: changes.map(view),
    patch,
    cases: caseOutcomeChanges(await outcomes(from.rs, cases), await outcomes(to.rs, cases), titles),
  };
}

async function load(ctx: LifecycleContext, ruleSetId: string, ref: string, field: 'from' | 'to'): Promise<{ rs: ResolvedRuleSet; side: DiffSide }> {
  const match = REF.exec(ref.trim());
  if (!match) {
    throw new JifenError('validation_failed', { en: 'Diff: give a version number or draft:<id>', zh: '请填写版本号或草稿' }, [{ path: field, message: 'must be a version number (3) or draft:<id>' }]);
  }
  let document: RuleSet;
  let side: Omit<DiffSide, 'hash' | 'effectiveFrom'>;
  if (match[1]) {
    const version = Number(match[1]);
    const found = await ctx.ruleSets.getVersion(ruleSetId, version);
    if (!found) throw new JifenError('not_found', { en: `Diff: ${ruleSetId} has no version ${version}`, zh: `这个规则集没有第 ${version} 版` }, [{ path: field, message: 'no such version' }]);
    document = found.document;
    side = { ref: match[1], version };
  } else {
    const draftId = match[2]!;
    const found = await createDraftStore(ctx.db).get(ruleSetId, draftId);
    if (!found) throw new JifenError('not_found', { en: `Diff: ${ruleSetId} has no draft ${draftId}`, zh: '没有这份草稿' }, [{ path: field, message: 'no such draft' }]);
    document = found.document;
    side = { ref: `draft:${draftId}`, draftId };
  }
  const rs = resolveRuleSet(document, await includedDocuments(ctx.ruleSets, document));
  return { rs, side: { ...side, hash: contentHash(document), effectiveFrom: document.effectiveFrom } };
}

/** The cases of the newer side, then those only the older side has. */
function mergeCases(older: readonly TestCase[], newer: readonly TestCase[]): TestCase[] {
  const ids = new Set(newer.map((c) => c.id));
  return [...newer, ...older.filter((c) => !ids.has(c.id))];
}

/** Each case's result under one side's rules; a case whose facts that side cannot read is left out. */
async function outcomes(rs: ResolvedRuleSet, cases: readonly TestCase[]): Promise<CaseOutcome[]> {
  const out: CaseOutcome[] = [];
  for (const c of cases) {
    let evaluation;
    try {
      evaluation = await evaluate(rs, parseFacts(rs, c.facts), c.asOf);
    } catch {
      continue;
    }
    out.push(caseOutcome(c, evaluation));
  }
  return out;
}

function view(change: PolicyChange): PolicyChangeView {
  const { target, ...rest } = change;
  const name = `${target.type}:${target.id}${target.part ? `/${target.part.type}:${target.part.id}` : ''}`;
  return { ...rest, target: name, ...(target.title ? { targetTitle: target.title } : {}), ...(target.part ? { part: target.part } : {}) };
}
