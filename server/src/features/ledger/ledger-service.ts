import type { Client } from '@libsql/client';
import { JifenError } from '../../domain/errors';
import { balanceAt, lotsAt, planSpend, type Lot } from '../../domain/ledger/ledger';
import type { StoredLedgerEntry } from '../../domain/residents/repository';
import { ledgerIndicators, type LedgerIndicator } from '../../domain/residents/scoring-facts';
import type { Provenance } from '../../domain/residents/types';
import type { ResolvedRuleSet } from '../../domain/scoring/types';
import { appendAudit } from '../../platform/db/audit-log';
import { inTransaction } from '../../platform/db/database';
import { createLibsqlResidentRepository } from '../residents';
import { rescoreResidents } from '../residents';
import type { RuleSetResolver } from '../rule-sets';

export interface LedgerAccount {
  indicator: string;
  termYears: number;
  exchangeable: boolean;
  balance: number;
  /** Valid points by earn entry, oldest first (spent first). */
  lots: Lot[];
}

/**
 * A resident's ledgers as of a date: for every ledger indicator of the rule set, the balance and the lots
 * still valid, plus every entry recorded.
 *
 * @example
 * const { accounts } = await ledgerStatement(createLibsqlResidentRepository(client), rs, 'res-000001', '2026-06-30');
 */
export async function ledgerStatement(
  repo: ReturnType<typeof createLibsqlResidentRepository>,
  rs: ResolvedRuleSet,
  residentId: string,
  asOf: string,
): Promise<{ accounts: LedgerAccount[]; entries: StoredLedgerEntry[] }> {
  if (!(await repo.getResident(residentId))) throw notFound(residentId);
  const entries = await repo.ledgerEntries(residentId);
  const accounts = ledgerIndicators(rs).map((ind) => ({
    indicator: ind.id,
    termYears: ind.ledger.termYears,
    exchangeable: ind.ledger.exchangeable,
    balance: balanceAt(entries, ind.id, ind.ledger.termYears, asOf),
    lots: lotsAt(entries, ind.id, ind.ledger.termYears, asOf),
  }));
  return { accounts, entries };
}

export interface LedgerWrite {
  residentId: string;
  rs: ResolvedRuleSet;
  /** Today (`YYYY-MM-DD`), for the spend date and the re-score. */
  asOf: string;
  /** Who and when, recorded on the entry and in the audit trail. */
  provenance: Provenance;
}

/**
 * Records points earned for a ledger indicator (staff at the office, or an approved self-application),
 * re-scores the resident and audits it, in one write transaction.
 *
 * @example
 * await earnPoints(client, resolver, { residentId, rs, asOf, provenance, indicator: 'volunteerService', points: 2, earnedOn: '2026-03-01' });
 */
export async function earnPoints(
  client: Client,
  resolver: RuleSetResolver,
  input: LedgerWrite & { indicator: string; points: number; earnedOn: string; ref?: string },
): Promise<StoredLedgerEntry> {
  const indicator = ledgerIndicator(input.rs, input.indicator, 'indicator');
  return inTransaction(client, async (tx) => {
    const repo = createLibsqlResidentRepository(tx);
    if (!(await repo.getResident(input.residentId))) throw notFound(input.residentId);
    const entry = await repo.appendLedgerEntry(input.residentId, {
      indicator: indicator.id,
      kind: 'earn',
      points: input.points,
      earnedOn: input.earnedOn,
      ...(input.ref ? { ref: input.ref } : {}),
      provenance: input.provenance,
    });
    await rescoreResidents(repo, resolver, [input.residentId], { asOf: input.asOf, scoredAt: input.provenance.at, ruleSetId: input.rs.id, version: input.rs.version });
    await appendAudit(tx, {
      at: input.provenance.at,
      actor: input.provenance.source,
      action: 'ledger-earned',
      target: `resident:${input.residentId}/ledger:${indicator.id}`,
      details: { entry: entry.id, points: entry.points, earnedOn: entry.earnedOn },
    });
    return entry;
  });
}

/**
 * Exchanges ledger points for a benefit of the rule set (兑换制): spends its cost, oldest valid points first,
 * never below zero. The balance is read, checked and spent inside one write transaction, after claiming the
 * resident's ledger revision, so two exchanges at once — from this process or another one on the same
 * database — cannot both spend the same points: the second sees the first's spend, or is refused.
 *
 * @example
 * const { entry, balanceAfter } = await exchangeBenefit(client, resolver, { residentId, rs, asOf, provenance, benefit: 'park-annual-pass' });
 */
export async function exchangeBenefit(
  client: Client,
  resolver: RuleSetResolver,
  input: LedgerWrite & { benefit: string },
): Promise<{ entry: StoredLedgerEntry; balanceBefore: number; balanceAfter: number; consumes: { entry: string; points: number }[] }> {
  const benefit = input.rs.benefits.find((b) => b.id === input.benefit);
  if (!benefit) {
    throw new JifenError('validation_failed', { en: `Ledger: no benefit "${input.benefit}" in ${input.rs.id} version ${input.rs.version}`, zh: '没有这个兑换项目' }, [
      { path: 'benefit', message: `no such benefit; benefits: ${input.rs.benefits.map((b) => b.id).join(', ') || 'none'}` },
    ]);
  }
  const indicator = ledgerIndicator(input.rs, benefit.indicator, 'benefit');
  if (!indicator.ledger.exchangeable) {
    throw new JifenError('validation_failed', { en: `Ledger: points of ${indicator.id} cannot be exchanged`, zh: '这个指标的积分不能兑换' }, [{ path: 'benefit', message: `${indicator.id} is not exchangeable` }]);
  }
  return inTransaction(client, async (tx) => {
    const repo = createLibsqlResidentRepository(tx);
    const revision = await repo.ledgerRevision(input.residentId);
    const entries = await repo.ledgerEntries(input.residentId, indicator.id);
    const plan = planSpend(entries, indicator.id, indicator.ledger.termYears, benefit.cost, input.asOf);
    if (!(await repo.lockLedger(input.residentId, revision))) {
      throw new JifenError('conflict', { en: 'Ledger: the ledger changed during the exchange; try again', zh: '兑换期间积分账户发生了变化，请再试一次' });
    }
    const entry = await repo.appendLedgerEntry(input.residentId, {
      indicator: indicator.id,
      kind: 'spend',
      points: benefit.cost,
      earnedOn: input.asOf,
      ref: `benefit:${benefit.id}`,
      benefit: benefit.id,
      provenance: input.provenance,
    });
    await rescoreResidents(repo, resolver, [input.residentId], { asOf: input.asOf, scoredAt: input.provenance.at, ruleSetId: input.rs.id, version: input.rs.version });
    await appendAudit(tx, {
      at: input.provenance.at,
      actor: input.provenance.source,
      action: 'ledger-exchanged',
      target: `resident:${input.residentId}/ledger:${indicator.id}`,
      details: { benefit: benefit.id, cost: benefit.cost, entry: entry.id, balanceBefore: plan.balanceBefore, balanceAfter: plan.balanceAfter },
    });
    return { entry, balanceBefore: plan.balanceBefore, balanceAfter: plan.balanceAfter, consumes: plan.consumes };
  });
}

function ledgerIndicator(rs: ResolvedRuleSet, id: string, path: string): LedgerIndicator {
  const found = ledgerIndicators(rs).find((i) => i.id === id);
  if (!found) {
    throw new JifenError('validation_failed', { en: `Ledger: ${id} is not a ledger indicator of ${rs.id}`, zh: '这个指标没有积分账户' }, [
      { path, message: `ledger indicators: ${ledgerIndicators(rs).map((i) => i.id).join(', ') || 'none'}` },
    ]);
  }
  return found;
}

const notFound = (id: string) => new JifenError('not_found', { en: `Residents: no resident "${id}"`, zh: '没有这位居民' }, [{ path: 'id', message: 'no such resident' }]);
