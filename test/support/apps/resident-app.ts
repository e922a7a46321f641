import { randomBytes } from 'node:crypto';
import { createApp } from '../../../server/src/app';
import { issueResidentToken } from '../../../server/src/features/credentials/caller-auth';
import type { LifecycleContext } from '../../../server/src/platform/db/context';
import { createLibsqlResidentRepository } from '../../../server/src/features/residents/residents-repository';
import { createRuleSetResolver } from '../../../server/src/features/rule-sets/rule-set-resolver';
import { issueCredential } from '../../../server/src/features/credentials/service-credentials';
import { addStaff, openSession } from '../callers/staff';
import { seededDatabase } from '../databases/seeded-database';

/**
 * The whole app over a real libsql database with the shipped rule sets, the resident workflow mounted, and
 * a clock the test sets. Callers: staff (`asStaff`), residents with real tokens (`asResident`), department
 * systems with real service credentials (`feedToken`).
 *
 * @example
 * const env = await residentApp('2026-03-02T02:00:00Z'); await env.asResident('res-1', 'GET', '/api/v1/residents/res-1'); env.cleanup();
 */
export async function residentApp(now: string) {
  const { db, client, clock, ruleSets } = await seededDatabase(now, '2025-01-01T00:00:00Z');
  const resolver = createRuleSetResolver(ruleSets);
  const ctx: LifecycleContext = { db: client, ruleSets, now: clock.now };
  const residentTokenSecret = randomBytes(32);
  const errors: unknown[] = [];
  const app = createApp({ ruleSets, resolver, database: client, now: clock.now, log: (_m, error) => errors.push(error), residents: { residentTokenSecret } });

  const send = (headers: Record<string, string>, method: string, path: string, body?: unknown) => {
    const json = body !== undefined && !(body instanceof FormData);
    return app.request(path, {
      method,
      headers: { ...headers, ...(json ? { 'content-type': 'application/json' } : {}) },
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    });
  };

  /** A staff member with these roles and departments; each request comes from a fresh session (the test clock jumps). */
  const staff = async (username: string, roles: string[], departments: string[] = ['*']) => {
    const user = await addStaff(ctx, username, roles, departments);
    return async (method: string, path: string, body?: unknown) => {
      const { cookie, csrfToken } = await openSession(ctx, user.id);
      return send({ cookie: `jifen_session=${cookie}`, 'x-csrf-token': csrfToken }, method, path, body);
    };
  };

  const asResident = async (residentId: string, method: string, path: string, body?: unknown) => {
    const { token } = await issueResidentToken(residentTokenSecret, residentId, clock.now());
    return send({ authorization: `Bearer ${token}` }, method, path, body);
  };

  const feedToken = async (source: string, purpose: 'feed' | 'resident-app' = 'feed') =>
    (await issueCredential(client, { purpose, source, label: source, createdBy: 'test', at: clock.now().toISOString() })).token;

  const withToken = (token: string, method: string, path: string, body?: unknown) => send({ authorization: `Bearer ${token}` }, method, path, body);

  return { app, client, ctx, clock, errors, resolver, residents: createLibsqlResidentRepository(client), staff, asResident, feedToken, withToken, cleanup: db.cleanup };
}

/** Tiny but genuine evidence files, recognised by their content. */
export const EVIDENCE = {
  pdf: new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')),
  png: new Uint8Array(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
  ),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
  /** A Windows executable's header. */
  exe: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array(64).fill(0)]),
};

/** A multipart form for `POST /api/v1/self-applications`. */
export function applicationForm(fields: Record<string, string>, files: { name: string; bytes: Uint8Array; type?: string }[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new File([Buffer.from(f.bytes)], f.name, { type: f.type ?? 'application/octet-stream' }));
  return form;
}
