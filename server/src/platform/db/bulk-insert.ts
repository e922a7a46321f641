import type { InValue } from '@libsql/client';
import type { SqlExecutor } from './database';

/**
 * Bulk INSERTs: rows travel as one JSON array per statement and SQLite unpacks them (`json_each`), so a
 * statement binds one parameter instead of thousands. JSON has no blobs: text, numbers and nulls only.
 * `suffix` is appended to each statement (e.g. an `ON CONFLICT` clause).
 *
 * @example
 * await insertRows(tx, 'children', ['id', 'name', 'birth_date'], [['c1', '张小明', '2018-09-01']]);
 */
export async function insertRows(tx: SqlExecutor, table: string, columns: readonly string[], rows: readonly InValue[][], suffix = ''): Promise<void> {
  const select = columns.map((_, i) => `value ->> ${i}`).join(', ');
  // `WHERE true` lets SQLite parse an ON CONFLICT clause after a SELECT.
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM json_each(?) WHERE true ${suffix}`;
  let part: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (part.length > 0) await tx.execute({ sql, args: [`[${part.join(',')}]`] });
    part = [];
    bytes = 0;
  };
  for (const row of rows) {
    const json = JSON.stringify(row);
    // A libsql server refuses a parameter of a few megabytes: statements stay under MAX_PARAMETER_BYTES.
    if (part.length >= MAX_ROWS || bytes + json.length > MAX_PARAMETER_BYTES) await flush();
    part.push(json);
    bytes += json.length + 1;
  }
  await flush();
}

const MAX_ROWS = 5_000;
const MAX_PARAMETER_BYTES = 1024 * 1024;

/**
 * Runs `UPDATE … WHERE id IN (…)` over many ids, 500 at a time; `args` come before the ids.
 *
 * @example
 * await updateIds(tx, 'UPDATE residents SET updated_at = ? WHERE id IN', [at], ids);
 */
export async function updateIds(tx: SqlExecutor, sql: string, args: readonly InValue[], ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    await tx.execute({ sql: `${sql} (${part.map(() => '?').join(', ')})`, args: [...args, ...part] });
  }
}
