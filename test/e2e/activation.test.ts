import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractDecider } from '../../domain/contract/decider';
import { mailsTo, startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';

/**
 * POST /v1/contracts/{id}/activation and the website forms' confirmation e-mails on the local
 * runtime (catalog: qualisys, the default), with the mails read from the SES emulator.
 *
 * Diamond for 12 months from 2026-03-01 in Stockholm: the term starts at 2026-02-28T23:00Z and
 * ends on 2027-03-01 (at 2027-02-28T23:00Z).
 */
describe('activating website orders, and the forms’ confirmation e-mails', () => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
  });
  afterAll(() => rt?.stop());

  const key = () => ({ 'idempotency-key': `form-${randomUUID()}` });
  const read = async (contractId: string) => (await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin })).body;
  const activate = (contractId: string, token: string, options: { headers?: Record<string, string>; body?: unknown } = {}) =>
    rt.call('POST', `/v1/contracts/${contractId}/activation`, { token, ...options });

  /** The website order form, as public-forms.test.ts sends it; answers the contract id once projected. */
  async function order(email: string, locale = 'sv', name = 'Grace Hopper'): Promise<{ contractId: string; quote: { lines: unknown[]; total: unknown } }> {
    const placed = await rt.call('POST', '/v1/public/orders', {
      headers: key(),
      body: { customer: { name, email, locale, timeZone: 'Europe/Stockholm' }, planId: 'diamond', termMonths: 12, startsOn: '2026-03-01' },
    });
    expect(placed.status).toBe(202);
    await rt.settle();
    return placed.body;
  }

  /** An order placed for a distributor's customer (the website form takes none), with the decider's PlaceOrder on the runtime's store. */
  async function distributorOrder(distributorId: string): Promise<string> {
    const [{ runCommand }, { eventStore }, { activeCatalog }] = await Promise.all([
      import('../../functions/command-runner'),
      import('../../functions/runtime/store'),
      import('../../functions/runtime/catalog'),
    ]);
    const contractId = ulid();
    await runCommand(eventStore(), {
      decider: contractDecider,
      streamId: `contract#${contractId}`,
      catalog: activeCatalog(),
      command: {
        type: 'PlaceOrder', contractId, channel: 'staff', distributorId, planId: 'gold', termMonths: 12, startsOn: '2026-03-01',
        customer: { name: 'Nils', email: uniqueEmail('nils'), locale: 'sv', timeZone: 'Europe/Stockholm' },
      },
      metadata: { occurredAt: new Date().toISOString(), correlationId: `order-${contractId}`, causationId: `order-${contractId}`, actor: { kind: 'staff', id: 'staff-1', role: 'admin' } },
      respond: () => undefined,
    });
    await rt.settle();
    return contractId;
  }

  it('mails the order received in the customer’s language; staff activate it (200), the view becomes active with the term and the activation mail follows', async () => {
    const email = uniqueEmail('grace');
    const { contractId, quote } = await order(email);
    expect((await read(contractId)).status).toBe('ordered');

    const [received, ...others] = await mailsTo(email);
    expect(others).toEqual([]);
    expect(received.subject).toBe(`Vi har tagit emot din beställning ${contractId}`);
    const text = received.text.replace(/\s/g, ' ');
    expect(text).toContain('Hej Grace Hopper!');
    expect(text).toContain('paket diamond i 12 månader med start den 1 mars 2026');
    expect(text).toContain('Paket diamond, 12 månader: 4 000,00 US$');
    expect(text).toContain('Totalt: 4 000,00 US$');
    expect(text).toContain('inte aktivt');
    expect(received.html).toContain('lang="sv"');
    expect(quote.total).toEqual({ amount: 400_000, currency: 'USD' });

    const headers = { 'idempotency-key': `activate-${contractId}` };
    const activated = await activate(contractId, admin, { headers });
    const term = { termStartsOn: '2026-03-01', termEndsOn: '2027-03-01', termStartsAt: '2026-02-28T23:00:00.000Z', termEndsAt: '2027-02-28T23:00:00.000Z' };
    expect([activated.status, activated.body]).toEqual([200, { contractId, status: 'active', term }]);
    // The same key again answers the first answer and writes nothing.
    const replay = await activate(contractId, admin, { headers });
    expect([replay.status, replay.body, replay.headers.get('idempotent-replayed')]).toEqual([200, activated.body, 'true']);

    await rt.settle();
    expect(await read(contractId)).toMatchObject({ status: 'active', ...term, firstTermStartsOn: '2026-03-01', version: 2 });
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual([`Vi har tagit emot din beställning ${contractId}`, `Ditt supportavtal ${contractId} är bekräftat`]);
    expect(mails[1].text).toContain('från 1 mars 2026');

    // A second activation is a business refusal, with the decider's code and reason.
    const again = await activate(contractId, admin, { body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'contract_active', message: expect.stringContaining('is active') });
    await rt.settle();
    expect((await read(contractId)).version).toBe(2);
    expect(await mailsTo(email)).toHaveLength(2);
  });

  it('lets billing and agent-l1 activate, and a distributor agent only its own distributor’s customer; refuses dpo, a body and unknown contracts', async () => {
    const byBilling = await order(uniqueEmail('billing'), 'en');
    expect((await activate(byBilling.contractId, await rt.token('billing'))).status).toBe(200);
    const byL1 = await order(uniqueEmail('l1'), 'de');
    expect((await activate(byL1.contractId, await rt.token('agent-l1'))).status).toBe(200);

    const ordered = await order(uniqueEmail('refused'), 'fr');
    const dpo = await activate(ordered.contractId, await rt.token('dpo'));
    expect([dpo.status, dpo.body.error.code]).toEqual([403, 'forbidden']);
    // A website order has no distributor: no distributor agent may act on it.
    const agent = await activate(ordered.contractId, await rt.token('agent-l0', 'north'));
    expect(agent.status).toBe(403);
    const withBody = await activate(ordered.contractId, admin, { body: { startsOn: '2026-04-01' } });
    expect([withBody.status, withBody.body.error.fields]).toEqual([400, [{ path: 'startsOn', message: 'Unknown field.' }]]);
    const unknown = await activate(ulid(), admin);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    await rt.settle();
    expect((await read(ordered.contractId)).status).toBe('ordered');

    const northern = await distributorOrder('north');
    const otherAgent = await activate(northern, await rt.token('agent-l0', 'south'));
    expect(otherAgent.status).toBe(403);
    expect(otherAgent.body.error.message).toContain('another distributor');
    const ownAgent = await activate(northern, await rt.token('agent-l0', 'north'));
    expect([ownAgent.status, ownAgent.body.status]).toEqual([200, 'active']);
    await rt.settle();
    expect(await read(northern)).toMatchObject({ status: 'active', distributorId: 'north', termStartsOn: '2026-03-01' });
  });

  it('mails a renewal request that matches to the address on file, in the customer’s language; a mismatch mails nothing', async () => {
    const email = uniqueEmail('Renew.Me');
    const { contractId } = await order(email, 'de', 'Grete Weiskopf');
    expect((await activate(contractId, admin)).status).toBe(200);
    await rt.settle();
    expect(await mailsTo(email)).toHaveLength(2);

    const ask = (body: unknown) => rt.call('POST', '/v1/public/renewal-requests', { headers: key(), body });
    const mismatch = await ask({ contractNumber: contractId, email: uniqueEmail('someone-else') });
    expect(mismatch.status).toBe(202);
    await rt.settle();
    expect(await mailsTo(email)).toHaveLength(2);

    const valid = await ask({ contractNumber: contractId.toLowerCase(), email: email.toUpperCase() });
    expect([valid.status, valid.body]).toEqual([202, mismatch.body]);
    await rt.settle();
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(3);
    const request = mails[2];
    expect(request.to).toEqual([email]);
    expect(request.subject).toBe(`Ihre Verlängerungsanfrage für den Supportvertrag ${contractId} ist eingegangen`);
    expect(request.text).toContain('Guten Tag Grete Weiskopf,');
    expect(request.text).toContain('Die aktuelle Laufzeit endet am 1. März 2027.');
    expect(request.text).toContain('Verlängerungsangebot');
    expect(request.html).toContain('lang="de"');
    expect(await read(contractId)).toMatchObject({ renewalRequestedAt: expect.any(String) });

    // A second request in the same term records nothing more, so it mails nothing more.
    await ask({ contractNumber: contractId, email });
    await rt.settle();
    expect(await mailsTo(email)).toHaveLength(3);
  });
});
