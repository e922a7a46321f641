import { send, unexpected } from './fault-http';
import { FEED_SOURCE, since, killWindow, type FaultContext, type IterationReport, type Workload } from './workload';

/** What a record sent writes when it is applied. */
interface SentRecord {
  key: string;
  permitNumber: string;
  valid: boolean;
  facts: number;
  ledger: number;
}

interface SentCall {
  records: SentRecord[];
  body: unknown;
}

/**
 * Large feed calls (无感赋分) back to back until the server is killed. Every call mixes new residents with
 * facts, some with ledger entries, and a few invalid records (which must never leave a trace). The checks
 * cover every record sent since the start of the run, not just this iteration's.
 */
export function feedWorkload(): Workload {
  const sent = new Map<string, SentRecord>();
  let iterationNo = 0;
  let callNo = 0;
  let acked: { callId: string; call: SentCall }[];
  let pending: SentCall | undefined;
  let problems: string[];

  function nextCall(ctx: FaultContext): SentCall {
    const call = ++callNo;
    const records: SentRecord[] = [];
    const body = {
      records: Array.from({ length: ctx.feedBatch }, (_, n) => {
        const key = `it${iterationNo}-c${call}-r${n}`;
        const permitNumber = `FLT-${iterationNo}-${call}-${n}`;
        const valid = Math.floor(ctx.random() * 50) !== 0;
        const withLedger = n % 5 === 0;
        records.push({ key, permitNumber, valid, facts: 2, ledger: withLedger ? 1 : 0 });
        return {
          key,
          permitNumber,
          name: '冯测试',
          residenceRegistrationDate: '2021-06-01',
          facts: { socialInsuranceMonths: valid ? n % 120 : 'many', housing: 'registered_rental' },
          ...(withLedger ? { ledger: [{ indicator: 'volunteerService', points: 2, earnedOn: '2026-03-01', ref: key }] } : {}),
        };
      }),
    };
    for (const r of records) sent.set(r.key, r);
    return { records, body };
  }

  /** One call; false when the server stopped answering. */
  async function push(ctx: FaultContext): Promise<boolean> {
    const call = nextCall(ctx);
    pending = call;
    const answer = await send(ctx.url(), 'POST', `/api/v1/feeds/${FEED_SOURCE}`, ctx.feed, call.body);
    if (!answer) return false;
    pending = undefined;
    if (answer.status !== 200) {
      problems.push(unexpected('a feed call', answer));
      return false;
    }
    const valid = call.records.filter((r) => r.valid).length;
    if (answer.body.applied !== valid) problems.push(`a feed call answered ${answer.body.applied} applied of ${valid} valid records`);
    acked.push({ callId: String(answer.body.callId), call });
    return true;
  }

  return {
    name: 'feed',
    async prepare(ctx, iteration) {
      iterationNo = iteration;
      acked = [];
      problems = [];
      const start = performance.now();
      if (!(await push(ctx))) throw new Error(`feed: the undisturbed call failed: ${problems.join('; ')}`);
      // Anywhere in the first three calls: validating, writing, committing or answering.
      return killWindow(since(start), 0.1, 3);
    },
    async drive(ctx, stopped) {
      pending = undefined;
      acked = [];
      while (!stopped() && (await push(ctx)));
    },
    async check(ctx): Promise<IterationReport> {
      const applied = new Map<string, { callId: string; residentId: string }>();
      for (const r of (await ctx.client.execute({ sql: 'SELECT record_key, call_id, resident_id FROM feed_records WHERE source = ?', args: [FEED_SOURCE] })).rows) {
        applied.set(String(r.record_key), { callId: String(r.call_id), residentId: String(r.resident_id) });
      }
      const facts = await countsBy(ctx, 'SELECT evidence AS k, count(*) AS n FROM fact_history WHERE source = ? GROUP BY evidence');
      const ledger = await countsBy(ctx, 'SELECT evidence AS k, count(*) AS n FROM ledger_entries WHERE source = ? GROUP BY evidence');
      const residents = new Map<string, string>();
      for (const r of (await ctx.client.execute("SELECT permit_number, id FROM residents WHERE permit_number LIKE 'FLT-%'")).rows) {
        residents.set(String(r.permit_number), String(r.id));
      }

      // Every record ever sent: applied wholly (resident, every fact, every ledger entry) or not at all.
      for (const record of sent.values()) {
        const row = applied.get(record.key);
        const f = facts.get(record.key) ?? 0;
        const l = ledger.get(record.key) ?? 0;
        if (row) {
          if (!record.valid) problems.push(`invalid record ${record.key} was applied`);
          if (residents.get(record.permitNumber) !== row.residentId) problems.push(`record ${record.key} is applied but its resident is missing`);
          if (f !== record.facts || l !== record.ledger) problems.push(`record ${record.key} is half-written: ${f}/${record.facts} facts, ${l}/${record.ledger} ledger entries`);
        } else if (f !== 0 || l !== 0 || residents.has(record.permitNumber)) {
          problems.push(`record ${record.key} is not applied but left ${f} facts, ${l} ledger entries${residents.has(record.permitNumber) ? ' and a resident' : ''}`);
        }
      }
      // Every acknowledged call: all its valid records present, under the call id it answered.
      for (const { callId, call } of acked) {
        const lost = call.records.filter((r) => r.valid && applied.get(r.key)?.callId !== callId);
        if (lost.length > 0) problems.push(`call ${callId} was acknowledged but ${lost.length} of its records are gone (e.g. ${lost[0]!.key})`);
      }
      let outcome = '—';
      if (pending) {
        const valid = pending.records.filter((r) => r.valid);
        const present = valid.filter((r) => applied.has(r.key)).length;
        if (present === 0) outcome = 'rolled back';
        else if (present === valid.length) outcome = 'committed';
        else {
          outcome = `${present} of ${valid.length} applied`;
          problems.push(`the call in flight is partly applied: ${outcome}`);
        }
      }
      return {
        acked: acked.length,
        inFlight: pending ? `1 call (${pending.records.length} records)` : 'nothing',
        outcome,
        problems,
      };
    },
  };

  async function countsBy(ctx: FaultContext, sql: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const r of (await ctx.client.execute({ sql, args: [FEED_SOURCE] })).rows) out.set(String(r.k), Number(r.n));
    return out;
  }
}
