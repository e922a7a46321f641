// The app first (through the staff helpers): it extends zod with `.openapi()` before the domain's schemas are built.
import { addStaff, lifecycleApp, signIn } from '../../test/support/callers/staff';
import { factsFor, HOSTILE } from '../../test/fuzz/hostile-rule-set-docs';
import { resolveRuleSet } from '../src/domain/rule-set/resolve';
import { parseRuleSet } from '../src/domain/rule-set/validate';
import { ENGINES, evaluate } from '../src/domain/scoring/evaluate';
import { parseFacts } from '../src/domain/scoring/facts';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * (e) Hostile rule sets for `npm run bench`, printed, never asserted: how long `POST
 * /api/v1/rule-sets/validate` takes on each document of test/fuzz/hostile-rule-set-docs.ts (deep, wide,
 * huge, regex-like), how long each engine takes to score the accepted ones, and how much the heap grew.
 * The test of the same documents checks what each one gets; these figures show it stays cheap.
 */
export async function benchHostile(): Promise<void> {
  const env = await lifecycleApp();
  try {
    const user = await addStaff(env.ctx, 'bench.editor', ['editor']);
    const editor = await signIn(env.app, user.username, user.password);
    console.log('(e) hostile rule sets: POST /api/v1/rule-sets/validate, then scoring the accepted ones');
    for (const [name, doc] of HOSTILE) {
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const res = await editor.call('POST', '/api/v1/rule-sets/validate', { body: typeof doc === 'string' ? `{"document":${doc}}` : { document: doc } });
      const body = (await res.json()) as { ok?: boolean };
      const validated = performance.now() - started;
      const scoring: string[] = [];
      if (body.ok === true && typeof doc !== 'string') {
        const rs = resolveRuleSet(parseRuleSet(doc), []);
        const facts = parseFacts(rs, factsFor(rs));
        for (const engine of ENGINES) {
          const t0 = performance.now();
          await evaluate(rs, facts, '2026-06-30', { engine });
          scoring.push(`${engine} ${fmt(performance.now() - t0, 1)} ms`);
        }
      }
      const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
      console.log(
        `    ${fmt(validated, 1).padStart(8)} ms  ${res.status} ${body.ok === true ? 'accepted' : 'refused '}  heap ${fmt(heapMb, 1).padStart(6)} MB` +
          `${scoring.length ? `  scored: ${scoring.join(', ')}` : ''}  ${name}`,
      );
    }
  } finally {
    env.cleanup();
  }
}
