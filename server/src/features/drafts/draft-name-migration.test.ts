import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RULE_SETS_DIR } from '../../../../test/support/data/rule-sets';
import { tempDatabase } from '../../../../test/support/databases/temp-database';
import { DRAFT_NAME_MIGRATIONS } from '../../platform/db/migrations/draft-name-migrations';
import { migrate, MIGRATIONS } from '../../platform/db/migrations/migrations';
import { createDraftStore } from './draft-store';

describe('the draft-name migration', () => {
  let db: ReturnType<typeof tempDatabase>;
  afterEach(() => db.cleanup());

  it('keeps drafts written before it, unnamed, and then stores names', async () => {
    db = tempDatabase();
    const client = db.open();
    const added = DRAFT_NAME_MIGRATIONS.map((m) => m.id);
    await migrate(client, MIGRATIONS.filter((m) => !added.includes(m.id)));

    // A draft as the previous schema wrote it.
    const document = { ...JSON.parse(readFileSync(join(RULE_SETS_DIR, 'district-sample/2.json'), 'utf8')), version: 3 };
    await client.execute({ sql: `INSERT INTO rule_sets (id, created_at) VALUES ('district-sample', '2026-01-01T00:00:00Z')`, args: [] });
    await client.execute({
      sql: `INSERT INTO drafts (id, rule_set_id, base_version, parent_version, status, author, contributors, document, document_hash,
              revision, note, validation, cases, created_at, updated_at)
            VALUES ('old1', 'district-sample', 2, 2, 'editing', 'zhang', '["zhang"]', ?, ?, 4, '', '{"ok":true,"errors":[]}',
              '{"passed":0,"failed":0,"results":[]}', '2026-06-01T02:00:00Z', '2026-06-02T02:00:00Z')`,
      args: [JSON.stringify(document), 'a'.repeat(64)],
    });

    expect(await migrate(client)).toEqual(added);
    const store = createDraftStore(client);
    const old = await store.get('district-sample', 'old1');
    expect(old).toMatchObject({ id: 'old1', revision: 4, status: 'editing', author: 'zhang' });
    expect(old).not.toHaveProperty('name');

    expect(await store.update({ ...old!, name: '2027年春季入学积分调整', revision: 5 }, 4)).toBe(true);
    expect((await store.get('district-sample', 'old1'))?.name).toBe('2027年春季入学积分调整');
    // The schema refuses what the domain's rule refuses in length, whoever writes.
    await expect(client.execute({ sql: `UPDATE drafts SET name = ? WHERE id = 'old1'`, args: [''] })).rejects.toThrow(/CHECK/);
    await expect(client.execute({ sql: `UPDATE drafts SET name = ? WHERE id = 'old1'`, args: ['积'.repeat(61)] })).rejects.toThrow(/CHECK/);
  });
});
