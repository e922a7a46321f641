import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer, type SpawnedServer } from '../../test/support/apps/spawn-server';
import { tempDatabase } from '../../test/support/databases/temp-database';

describe('npm start', () => {
  const db = tempDatabase();
  const url = db.url;
  const running: SpawnedServer[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    db.cleanup();
  });

  // Without the demo population: seeding 20,000 residents is not what this test checks, and over sqld on
  // a busy machine it took most of the 30 s a test has.
  const env = { JIFEN_DATABASE_URL: url, JIFEN_DEMO: '0' };

  it('serves healthz and the evaluation on a fresh database, stops on SIGTERM, and starts again on the same one', async () => {
    const server = await spawnServer(env);
    running.push(server);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).toContain(`(database ${url})`);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const facts = {
      birthDate: '1990-05-01',
      education: 'bachelor',
      vocational: ['qualification_level_3'],
      socialInsuranceMonths: 59,
      residenceMonths: 30,
    };
    const res = await fetch(`${server.url}/api/v1/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ruleSetId: 'provincial-common', asOf: '2026-06-30', facts }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    // Official table: age 36 → 20, bachelor → 10, level 3 → 8, 59 months × 0.5 → 29.5, 30 months × 0.25 → 7.5.
    expect(body).toMatchObject({ ruleSetId: 'provincial-common', version: 2, asOf: '2026-06-30', total: 75 });
    expect(Object.fromEntries(body.indicators.map((i: { id: string; points: number }) => [i.id, i.points]))).toEqual({
      age: 20,
      education: 10,
      vocational: 8,
      socialInsurance: 29.5,
      residence: 7.5,
    });

    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('SIGTERM');

    const again = await spawnServer(env);
    running.push(again);
    const list = await (await fetch(`${again.url}/api/v1/rule-sets`)).json();
    const provincial = list.ruleSets.find((s: { id: string }) => s.id === 'provincial-common');
    expect(provincial.latest).toMatchObject({ version: 2, publishedBy: 'seed' });
    expect(await again.stop()).toBe(0);
  });

  it('refuses a port already in use before it opens or writes anything, and says what to do', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as AddressInfo).port)));
    const fresh = tempDatabase('file');
    try {
      const failed = await spawnServer({ JIFEN_DATABASE_URL: fresh.url, JIFEN_DEMO: '1', PORT: String(port) }).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(failed).toContain(`port ${port} on 127.0.0.1 is already in use`);
      // No demo accounts were made whose one-time passwords nobody saw: the database was never created.
      expect(existsSync(fileURLToPath(fresh.url))).toBe(false);
    } finally {
      blocker.close();
      fresh.cleanup();
    }
  });
});
