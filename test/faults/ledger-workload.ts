import { issueResidentToken } from '../../server/src/features/credentials/caller-auth';
import { send, unexpected, type Credentials } from './fault-http';
import { FEED_SOURCE, since, killWindow, type FaultContext, type IterationReport, type Workload } from './workload';

const RESIDENTS = 6;
const LOTS = 5;
/** Points per lot; the benefit exchanged costs as much, so each resident can afford `LOTS` exchanges. */
const LOT_POINTS = 10;
const BENEFIT = 'park-annual-pass';
const WORKERS = 6;

/**
 * Concurrent benefit exchanges (兑换) by residents with their own tokens, several at once on the same few
 * ledgers, until the server is killed. Each iteration gives a few new residents points through a feed
 * first; the exchanges then race for them.
 */
export function ledgerWorkload(): Workload {
  const residents: string[] = [];
  let current: { id: string; token: Credentials }[] = [];
  let acked: string[];
  let refused: number;
  let inFlight: number;
  let problems: string[];

  async function exchange(ctx: FaultContext, who: { id: string; token: Credentials }): Promise<boolean> {
    inFlight++;
    const answer = await send(ctx.url(), 'POST', `/api/v1/residents/${who.id}/exchanges`, who.token, { benefit: BENEFIT });
    if (!answer) return false;
    inFlight--;
    if (answer.status === 201) acked.push(String(answer.body.entry.id));
    else if (answer.status === 409) refused++;
    else {
      problems.push(unexpected(`an exchange for ${who.id}`, answer));
      return false;
    }
    return true;
  }

  return {
    name: 'ledger',
    async prepare(ctx, iteration) {
      acked = [];
      refused = 0;
      inFlight = 0;
      problems = [];
      const records = Array.from({ length: RESIDENTS }, (_, n) => ({
        key: `ledger-it${iteration}-r${n}`,
        permitNumber: `LDG-${iteration}-${n}`,
        name: '林测试',
        ledger: Array.from({ length: LOTS }, (_, i) => ({ indicator: 'volunteerService', points: LOT_POINTS, earnedOn: `2026-0${1 + i}-15` })),
      }));
      const fed = await send(ctx.url(), 'POST', `/api/v1/feeds/${FEED_SOURCE}`, ctx.feed, { records });
      if (fed?.status !== 200 || fed.body.applied !== RESIDENTS) throw new Error(`ledger: the set-up feed failed: ${JSON.stringify(fed).slice(0, 300)}`);
      current = [];
      for (const result of fed.body.results as { residentId: string }[]) {
        residents.push(result.residentId);
        const { token } = await issueResidentToken(ctx.residentSecret, result.residentId, new Date());
        current.push({ id: result.residentId, token: { bearer: token } });
      }
      const start = performance.now();
      if (!(await exchange(ctx, current[0]!))) throw new Error(`ledger: the undisturbed exchange failed: ${problems.join('; ')}`);
      // Exchanges are short: the window reaches past the points there are, so that some are refused.
      return killWindow(since(start), 1, 60);
    },
    async drive(ctx, stopped) {
      const worker = async () => {
        while (!stopped()) {
          const who = current[Math.floor(ctx.random() * current.length)]!;
          if (!(await exchange(ctx, who))) return;
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));
    },
    async check(ctx): Promise<IterationReport> {
      const marks = residents.map(() => '?').join(',');
      const rows = (
        await ctx.client.execute({
          sql: `SELECT id, resident_id, kind, points_hundredths FROM ledger_entries WHERE resident_id IN (${marks})`,
          args: residents,
        })
      ).rows;
      const ids = new Set(rows.map((r) => String(r.id)));
      const balance = new Map<string, number>();
      for (const r of rows) {
        const signed = Number(r.points_hundredths) * (r.kind === 'spend' ? -1 : 1);
        balance.set(String(r.resident_id), (balance.get(String(r.resident_id)) ?? 0) + signed);
      }
      // All points were earned this year: none has lapsed, so the balance is simply earned minus spent.
      for (const [id, hundredths] of balance) if (hundredths < 0) problems.push(`resident ${id} is overspent: balance ${hundredths / 100}`);
      for (const id of acked) if (!ids.has(id)) problems.push(`exchange ${id} was acknowledged (201) but its spend is gone after the restart`);

      const spentNow = rows.filter((r) => r.kind === 'spend' && current.some((c) => c.id === r.resident_id)).length;
      // The undisturbed exchange of `prepare` is in `acked` too.
      const unacked = spentNow - acked.length;
      if (unacked < 0 || unacked > inFlight) problems.push(`${unacked} spends are not accounted for (${inFlight} exchanges were in flight)`);
      return {
        acked: acked.length,
        inFlight: `${inFlight} exchange${inFlight === 1 ? '' : 's'} (${refused} refused before)`,
        outcome: inFlight === 0 ? '—' : `${Math.max(0, unacked)} of ${inFlight} committed`,
        problems,
      };
    },
  };
}
