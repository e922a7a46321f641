import { appendFileSync } from 'node:fs';
import type { AuditCheckpoint } from '../../domain/audit/checkpoint';
import type { SqlExecutor } from '../../platform/db/database';
import { takeCheckpoint } from './checkpoints';

/** How often a witness receives a checkpoint when the trail has grown (`JIFEN_AUDIT_WITNESS_MINUTES`). */
export const DEFAULT_WITNESS_EVERY_MS = 15 * 60_000;

/**
 * Appends a signed checkpoint, one JSON line, to a witness file (`JIFEN_AUDIT_WITNESS`: a file on other
 * storage, e.g. a mount that only appends, or one shipped off the machine) at start and then every
 * `everyMs` when the trail has grown. Each line can be checked later with
 * `npm run jifen -- audit verify --checkpoint FILE` (the file's last line) or `POST /api/v1/audit/verify`.
 *
 * @example
 * const witness = startAuditWitness({ db: client, key, path: '/mnt/witness/jifen.jsonl', everyMs: 900_000, now: () => new Date() });
 * witness.stop();
 */
export function startAuditWitness(options: { db: SqlExecutor; key: string; path: string; everyMs: number; now: () => Date; log?: (message: string, error: unknown) => void }) {
  let lastSeq = -1;
  const write = async (): Promise<AuditCheckpoint | undefined> => {
    const checkpoint = await takeCheckpoint(options.db, options.key, options.now());
    if (checkpoint.seq === lastSeq) return undefined;
    appendFileSync(options.path, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    lastSeq = checkpoint.seq;
    return checkpoint;
  };
  const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
  const timer = setInterval(() => {
    write().catch((error: unknown) => log(`Jifen: the audit witness ${options.path} could not be written`, error));
  }, options.everyMs);
  timer.unref();
  return { write, stop: () => clearInterval(timer) };
}
