import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo, startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';

const order = (email: string, overrides: Record<string, unknown> = {}) => ({
  customer: { name: 'Ada Lovelace', email, locale: 'en' },
  planId: 'gold',
  startsOn: '2025-02-01',
  termMonths: 12,
  timeZone: 'Europe/Stockholm',
  ...overrides,
});

/** The thin slice end to end, through HTTP on the local runtime, with the mail read from the SES emulator. */
describe('contracts through the HTTP API (local runtime)', () => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
  });
  afterAll(() => rt?.stop());

  it('creates a contract, serves it from the read model, mails a confirmation, and expires it on schedule', async () => {
    const email = uniqueEmail('ada');
    const created = await rt.call('POST', '/v1/contracts', { token: admin, body: order(email) });
    expect(created.status).toBe(201);
    const { contractId } = created.body;
    expect(created.headers.get('location')).toBe(`/v1/contracts/${contractId}`);

    await rt.settle();
    const read = await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      contractId, status: 'active', planId: 'gold', startsOn: '2025-02-01', termStartsOn: '2025-02-01', termEndsOn: '2026-02-01',
      termEndsAt: '2026-01-31T23:00:00.000Z', customer: { email, timeZone: 'Europe/Stockholm' }, channel: 'staff', regionId: 'americas',
      licencePackages: 1, quote: { total: { amount: 250_000, currency: 'USD' } },
      // Creation is two events now: the order and its activation.
      version: 2,
    });
    const [confirmation] = await mailsTo(email);
    expect(confirmation.subject).toBe(`Your support agreement ${contractId} is confirmed`);
    expect(confirmation.text).toContain('Dear Ada Lovelace');

    // The day before the term ends nothing happens; the day after, the contract expires.
    await rt.fireSchedule('expire-contracts', new Date('2026-01-30T00:05:00Z'));
    await rt.settle();
    expect((await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin })).body.status).toBe('active');
    await rt.fireSchedule('expire-contracts', new Date('2026-02-01T00:05:00Z'));
    await rt.settle();
    const expired = await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin });
    expect(expired.body).toMatchObject({ status: 'expired', expiredAt: '2026-01-31T23:00:00.000Z', version: 3 });
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual([
      `Your support agreement ${contractId} is confirmed`,
      `Your support agreement ${contractId} has expired`,
    ]);

    // A second run of the same schedule changes nothing and mails nothing.
    await rt.fireSchedule('expire-contracts', new Date('2026-02-01T00:05:00Z'));
    await rt.settle();
    expect((await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin })).body.version).toBe(3);
    expect(await mailsTo(email)).toHaveLength(2);
  });

  it('answers a repeated Idempotency-Key with the first answer, and a changed body with 422', async () => {
    const email = uniqueEmail('idem');
    const headers = { 'idempotency-key': `order-${email}` };
    const [a, b] = await Promise.all([
      rt.call('POST', '/v1/contracts', { token: admin, body: order(email), headers }),
      rt.call('POST', '/v1/contracts', { token: admin, body: order(email), headers }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.contractId).toBe(b.body.contractId);
    const again = await rt.call('POST', '/v1/contracts', { token: admin, body: order(email), headers });
    expect(again.body.contractId).toBe(a.body.contractId);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const changed = await rt.call('POST', '/v1/contracts', { token: admin, body: order(email, { termMonths: 24 }), headers });
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('idempotency_key_reused');
    await rt.settle();
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('lists each wrong field of a bad body with a 400, and writes nothing', async () => {
    const email = uniqueEmail('bad');
    const response = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: { customer: { name: '', email: 'not-an-email', locale: 'xx' }, planId: 'gold', startsOn: '2025-02-30', termMonths: 0, extra: 1 },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(
      ['customer.email', 'customer.locale', 'customer.name', 'extra', 'startsOn', 'termMonths'].sort(),
    );
    const unknownPlan = await rt.call('POST', '/v1/contracts', { token: admin, body: order(email, { planId: 'bronze' }) });
    expect(unknownPlan.status).toBe(400);
    expect(unknownPlan.body.error.fields).toEqual([{ path: 'planId', message: expect.stringContaining('Unknown plan bronze') }]);
    const wrongTerm = await rt.call('POST', '/v1/contracts', { token: admin, body: order(email, { planId: 'platinum', termMonths: 12 }) });
    expect(wrongTerm.body.error.fields).toEqual([{ path: 'termMonths', message: 'Platinum is sold for 24 months.' }]);
    await rt.settle();
    expect(await mailsTo(email)).toHaveLength(0);
  });

  it('refuses malformed JSON (400), a non-JSON body (415), an oversized body (413) and unknown routes (404)', async () => {
    expect((await rt.call('POST', '/v1/contracts', { token: admin, rawBody: '{"customer":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await rt.call('POST', '/v1/contracts', { token: admin, rawBody: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    const big = await rt.call('POST', '/v1/contracts', { token: admin, body: { pad: 'x'.repeat(70 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect((await rt.call('GET', '/v1/nothing-here', { token: admin })).status).toBe(404);
    expect((await rt.call('DELETE', '/v1/contracts', { token: admin })).status).toBe(404);
    expect((await rt.call('GET', '/v1/contracts/not-a-ulid', { token: admin })).status).toBe(400);
    expect((await rt.call('GET', '/v1/contracts/01M7YJG0YP0A9FX004VZ2GA6YN', { token: admin })).status).toBe(404);
  });

  it('needs a valid staff token (401), the right role and the right distributor (403)', async () => {
    expect((await rt.call('GET', '/v1/contracts/01M7YJG0YP0A9FX004VZ2GA6YN')).status).toBe(401);
    expect((await rt.call('GET', '/v1/contracts/01M7YJG0YP0A9FX004VZ2GA6YN', { token: 'not.a.jwt' })).status).toBe(401);
    const tampered = `${admin.slice(0, -4)}AAAA`;
    expect((await rt.call('GET', '/v1/contracts/01M7YJG0YP0A9FX004VZ2GA6YN', { token: tampered })).status).toBe(401);
    const dpo = await rt.token('dpo');
    const refused = await rt.call('POST', '/v1/contracts', { token: dpo, body: order(uniqueEmail()) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    const agentWithoutDistributor = await rt.token('agent-l0');
    expect((await rt.call('POST', '/v1/contracts', { token: agentWithoutDistributor, body: order(uniqueEmail()) })).status).toBe(403);
    const northAgent = await rt.token('agent-l0', 'north');
    const southAgent = await rt.token('agent-l0', 'south');
    const own = await rt.call('POST', '/v1/contracts', { token: northAgent, body: order(uniqueEmail()) });
    expect(own.status).toBe(201);
    const foreign = await rt.call('POST', '/v1/contracts', { token: northAgent, body: order(uniqueEmail(), { distributorId: 'south' }) });
    expect(foreign.status).toBe(403);
    await rt.settle();
    const path = `/v1/contracts/${own.body.contractId}`;
    expect((await rt.call('GET', path, { token: northAgent })).body.distributorId).toBe('north');
    expect((await rt.call('GET', path, { token: southAgent })).status).toBe(403);
    expect((await rt.call('GET', path, { token: admin })).status).toBe(200);
  });

  it('answers CORS preflights only for configured origins', async () => {
    const allowed = await fetch(`${rt.apiUrl}/v1/contracts`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example-vendor.test', 'access-control-request-method': 'POST' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example-vendor.test');
    const other = await fetch(`${rt.apiUrl}/v1/contracts`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
