import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';

/** GET /v1/contracts/{id}/entitlements on the local runtime, with the default (qualisys) catalog. */
describe('entitlements through the HTTP API', () => {
  let rt: TestRuntime;
  let admin: string;
  let contractId: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
    const created = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: { customer: { name: 'Ada', email: uniqueEmail(), locale: 'en' }, planId: 'gold', startsOn: '2026-01-01', termMonths: 12, timeZone: 'Europe/Stockholm' },
    });
    contractId = created.body.contractId;
    await rt.settle();
  });
  afterAll(() => rt?.stop());

  const at = (instant: string) => rt.call('GET', `/v1/contracts/${contractId}/entitlements?at=${encodeURIComponent(instant)}`, { token: admin });

  it('covers the Gold channels and services during the term, and says why the others are not covered', async () => {
    const answer = await at('2026-06-01T12:00:00Z');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ contractId, status: 'active', at: '2026-06-01T12:00:00.000Z' });
    // qualisys-support-agreement.txt: phone, e-mail and remote desktop support in every tier.
    for (const channel of ['email', 'phone', 'remote-desktop']) expect(answer.body.channels[channel]).toEqual({ covered: true });
    expect(answer.body.services['qtm-upgrades']).toEqual({ covered: true });
    // The camera loaner is a Diamond and Platinum benefit.
    expect(answer.body.services['camera-loaner'].covered).toBe(false);
    expect(answer.body.services['camera-loaner'].reason).toMatch(/Diamond.*Platinum/);
  });

  it('covers nothing before the term starts or once it has ended, with the reason', async () => {
    const before = await at('2025-12-31T12:00:00Z');
    expect(before.body.channels.email.covered).toBe(false);
    const after = await at('2027-01-02T12:00:00Z');
    expect(after.body.channels.email.covered).toBe(false);
    expect(after.body.services['qtm-upgrades'].reason).toBeTruthy();
  });

  it('refuses a malformed instant with a 400 naming the field, and an unknown contract with a 404', async () => {
    const bad = await rt.call('GET', `/v1/contracts/${contractId}/entitlements?at=tomorrow`, { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['at']);
    expect((await rt.call('GET', '/v1/contracts/01M7YJG0YP0A9FX004VZ2GA6YN/entitlements', { token: admin })).status).toBe(404);
    const agent = await rt.token('agent-l0', 'elsewhere');
    expect((await rt.call('GET', `/v1/contracts/${contractId}/entitlements`, { token: agent })).status).toBe(403);
  });
});
