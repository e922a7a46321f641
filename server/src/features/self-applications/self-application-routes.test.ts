import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationForm, EVIDENCE, residentApp } from '../../../../test/support/apps/resident-app';
import { listAudit } from '../../platform/db/audit-log';

let env: Awaited<ReturnType<typeof residentApp>>;
beforeEach(async () => {
  // Tuesday 30 September 2025, 10:00 in China: the eve of the National Day holiday (1–8 October).
  env = await residentApp('2025-09-30T02:00:00Z');
  for (const [id, permit, name] of [['res-1', '330106199001011234', '张小三'], ['res-2', '330106198805052345', '李四']] as const) {
    await env.residents.createResident({ id, permitNumber: permit, name, residenceRegistrationDate: '2020-03-01' }, '2025-01-01T00:00:00Z');
  }
});
afterEach(() => env.cleanup());

const patents = (files = [{ name: '专利证书.pdf', bytes: EVIDENCE.pdf }], extra: Record<string, string> = {}) =>
  applicationForm({ indicator: 'inventionPatents', claim: JSON.stringify({ facts: { inventionPatents: 2 } }), note: '两项发明专利', ...extra }, files);

describe('self-applications (自主申请)', () => {
  it('routes a claim to the indicator\'s department with a deadline of 10 working days across National Day and an adjusted Saturday', async () => {
    const res = await env.asResident('res-1', 'POST', '/api/v1/self-applications', patents());
    expect(res.status).toBe(201);
    const app = await res.json();
    // 9, 10, 11 (Saturday, worked in lieu), 13, 14, 15, 16, 17, 20, 21 October.
    expect(app).toMatchObject({ residentId: 'res-1', department: '区科学技术局', status: 'pending', submittedOn: '2025-09-30', dueOn: '2025-10-21', submittedBy: 'resident:res-1', overdue: false });
    expect(app.evidence).toEqual([expect.objectContaining({ name: '专利证书.pdf', mediaType: 'application/pdf', size: EVIDENCE.pdf.length })]);
    expect(app.resident.permitNumber).toBe('3301**********1234');

    const file = await env.asResident('res-1', 'GET', `/api/v1/self-applications/${app.id}/evidence/${app.evidence[0].id}`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(EVIDENCE.pdf);
    expect((await env.asResident('res-2', 'GET', `/api/v1/self-applications/${app.id}`)).status).toBe(403);
    expect((await env.asResident('res-1', 'POST', '/api/v1/self-applications', patents(undefined, { residentId: 'res-2' }))).status).toBe(403);
  });

  it('refuses evidence by its content: a lying extension, a program named .pdf, an oversized file — and stores nothing', async () => {
    const cases = [
      { file: { name: 'certificate.pdf', bytes: EVIDENCE.png }, message: 'certificate.pdf is named .pdf but its content is PNG' },
      { file: { name: 'scan.pdf', bytes: EVIDENCE.exe, type: 'application/pdf' }, message: /scan\.pdf is not a PDF, JPEG or PNG file by its content/ },
      { file: { name: 'photo.jpg', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff) }, message: 'photo.jpg is larger than 5 MB' },
    ];
    for (const { file, message } of cases) {
      const res = await env.asResident('res-1', 'POST', '/api/v1/self-applications', patents([{ name: 'ok.png', bytes: EVIDENCE.png }, file]));
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.fields).toHaveLength(1);
      expect(body.error.fields[0].path).toBe('files.1');
      expect(body.error.fields[0].message).toMatch(message);
    }
    const jpegNamedJpeg = await env.asResident('res-1', 'POST', '/api/v1/self-applications', patents([{ name: 'scan.JPEG', bytes: EVIDENCE.jpeg }]));
    expect(jpegNamedJpeg.status).toBe(201);
    const list = await (await env.asResident('res-1', 'GET', '/api/v1/self-applications')).json();
    expect(list.applications).toHaveLength(1);
  });

  it('refuses a claim of a fact the indicator does not read, naming the field', async () => {
    const form = applicationForm({ indicator: 'inventionPatents', claim: JSON.stringify({ facts: { inventionPatents: -1, honours: ['national_honour'] } }) }, [{ name: 'a.pdf', bytes: EVIDENCE.pdf }]);
    const res = await env.asResident('res-1', 'POST', '/api/v1/self-applications', form);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['claim.facts.honours', 'claim.facts.inventionPatents']);
  });

  it('refuses volunteer points claimed as earned after the day of submission, in Chinese and English', async () => {
    const form = applicationForm({ indicator: 'volunteerService', claim: JSON.stringify({ ledger: { points: 2, earnedOn: '2025-10-01' } }) }, [{ name: 'a.pdf', bytes: EVIDENCE.pdf }]);
    const res = await env.asResident('res-1', 'POST', '/api/v1/self-applications', form);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual([
      { path: 'claim.ledger.earnedOn', message: 'must not be after today 2025-09-30: points are recorded once earned', messageZh: '不得晚于今天 2025-09-30：积分在取得之后才能记入' },
    ]);
    expect((await (await env.asResident('res-1', 'GET', '/api/v1/self-applications')).json()).applications).toHaveLength(0);
  });

  it('lets only a reviewer of that department decide; approval sets the fact with provenance and re-scores', async () => {
    const app = await (await env.asResident('res-1', 'POST', '/api/v1/self-applications', patents())).json();
    const housing = await env.staff('zhou', ['reviewer'], ['区住房和城乡建设局']);
    const science = await env.staff('qian', ['reviewer'], ['区科学技术局']);
    expect((await housing('POST', `/api/v1/self-applications/${app.id}/approve`)).status).toBe(403);
    expect((await (await housing('GET', '/api/v1/self-applications')).json()).applications).toEqual([]);

    env.clock.set('2025-10-09T03:00:00Z');
    const queue = await (await science('GET', '/api/v1/self-applications?status=pending')).json();
    expect(queue.applications.map((a: { id: string }) => a.id)).toEqual([app.id]);
    expect(queue.applications[0].resident).toEqual({ id: 'res-1', name: '张小三', permitNumber: '3301**********1234' });
    const approved = await science('POST', `/api/v1/self-applications/${app.id}/approve`);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', decidedBy: 'qian' });
    expect((await science('POST', `/api/v1/self-applications/${app.id}/approve`)).status).toBe(409);

    const record = await env.residents.getRecord('res-1');
    expect(record?.facts.inventionPatents).toMatchObject({ value: 2, provenance: { kind: 'reviewer', source: 'qian', evidence: `application:${app.id}` } });
    expect((await env.residents.getScore('res-1', 'district-sample'))?.indicators.inventionPatents).toBe(10);
    const audit = await listAudit(env.client, { target: `application:${app.id}`, limit: 10 });
    expect(audit.entries.map((e) => e.action)).toEqual(['application-approved', 'application-submitted']);
  });

  it('rejects with a reason, and lists what is past its deadline with the working days overdue', async () => {
    const first = await (await env.asResident('res-1', 'POST', '/api/v1/self-applications', patents())).json();
    const second = await (await env.asResident('res-2', 'POST', '/api/v1/self-applications', patents())).json();
    const science = await env.staff('qian', ['reviewer'], ['区科学技术局']);
    const missing = await science('POST', `/api/v1/self-applications/${second.id}/reject`, { reason: '' });
    expect(missing.status).toBe(422);
    const rejected = await (await science('POST', `/api/v1/self-applications/${second.id}/reject`, { reason: '证书无法辨认，请重新上传清晰扫描件' })).json();
    expect(rejected).toMatchObject({ status: 'rejected', reason: '证书无法辨认，请重新上传清晰扫描件' });
    expect(await env.residents.getRecord('res-2').then((r) => r?.facts.inventionPatents)).toBeUndefined();

    env.clock.set('2025-10-21T15:59:00Z'); // 23:59 on the last review day, China time
    expect((await (await science('GET', '/api/v1/self-applications?overdue=true')).json()).applications).toEqual([]);
    env.clock.set('2025-10-23T02:00:00Z'); // Thursday: two working days late
    const overdue = await (await science('GET', '/api/v1/self-applications?overdue=true')).json();
    expect(overdue.applications.map((a: { id: string; workingDaysOverdue: number; overdue: boolean }) => [a.id, a.workingDaysOverdue, a.overdue])).toEqual([[first.id, 2, true]]);
  });
});
