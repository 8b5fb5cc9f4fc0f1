import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ERASED } from '../../functions/privacy/sealer';
import { subjectActivity } from '../../functions/runtime/activity';
import { sealer } from '../../functions/runtime/vault';
import { uniqueEmail } from '../support/local-runtime';
import { presetRuntime } from '../support/preset-journey';
import { allEvents } from '../support/stored-data';

const DAY = 86_400_000;

/**
 * The retention audit of unresponsive non-customers through the HTTP API (HEZO preset, default
 * settings: 730 days of silence, 30 days of grace). Two colleagues of a customer open tickets
 * through the website's support-request form, and the customer opens one too. The audit run two
 * years on flags both colleagues (the DPO's list shows them), never the customer; one of them
 * writes again during the grace and is cleared; the other is erased when the grace ends (their
 * ticket's contact reads "[erased]"), and the customer is untouched. Every run is repeated and
 * changes nothing the second time (apart from watching the cleared contact again).
 */
describe('the retention audit (HEZO preset)', () => {
  const run = presetRuntime('hezo');
  const key = () => ({ 'idempotency-key': `audit-${randomUUID()}` });
  const staff = (method: string, path: string, body?: unknown, token = run.admin) => run.rt.call(method, path, { token, ...(body === undefined ? {} : { body }) });
  const report = (contractNumber: string, contact: { name: string; email: string }) => ({
    contractNumber, serialNumber: 'QS-1001', taxId: 'PL 526-025-09-95',
    contact: { ...contact, phone: '+48 600 000 000', locale: 'pl' },
    category: 'general', severity: 'normal', subject: `Zgłoszenie od ${contact.name}`, description: 'Ramię robota zatrzymało się.',
  });
  const openTicket = async (contractId: string, contact: { name: string; email: string }) => {
    const opened = await run.rt.call('POST', '/v1/public/support-requests', { headers: key(), body: report(contractId, contact) });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return opened.body.ticketId as string;
  };
  const audit = async (at: number) => {
    const result = await run.rt.fireSchedule('privacy-audit', new Date(at));
    await run.rt.settle();
    return result as { flagged: number; cleared: number; erased: number };
  };

  it('flags silent non-customer contacts after the period, clears one who writes again, erases the other after the grace, never the customer', async () => {
    const customer = { name: 'Zakład Testowy', email: uniqueEmail('hezo-customer') };
    const silent = { name: 'Jan Milczący', email: uniqueEmail('jan') };
    const returning = { name: 'Anna Wracająca', email: uniqueEmail('anna') };
    const created = await staff('POST', '/v1/contracts', {
      customer: { ...customer, locale: 'pl', taxId: 'PL5260250995' },
      planId: 'sos-8x5-nbd', termMonths: 12, startsOn: '2026-01-01', regionId: 'pl', serialNumbers: ['QS-1001'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const contractId: string = created.body.contractId;
    await run.rt.settle();

    const silentTicket = await openTicket(contractId, silent);
    const returningTicket = await openTicket(contractId, returning);
    const customerTicket = await openTicket(contractId, customer);
    await run.rt.settle();
    const [silentId, returningId, customerId] = await Promise.all([silent, returning, customer].map((p) => sealer().subjectOf(p.email)));

    const dpo = await run.rt.token('dpo');
    const flaggedList = async () => (await staff('GET', '/v1/privacy/flagged-subjects', undefined, dpo)).body.items as { subjectId: string; lastActivityAt: string; eraseAfter: string }[];
    const ours = async () => (await flaggedList()).filter((f) => [silentId, returningId, customerId].includes(f.subjectId));

    // A day short of the period: nobody is flagged.
    const start = Math.floor(Date.now() / 1000) * 1000; // schedule events carry whole seconds
    await audit(start + 729 * DAY);
    expect(await ours()).toEqual([]);

    // The period has passed: both colleagues are flagged, to be erased after the grace; the customer is not.
    const flagAt = start + 731 * DAY;
    expect((await audit(flagAt)).flagged).toBeGreaterThanOrEqual(2);
    const eraseAfter = new Date(flagAt + 30 * DAY).toISOString();
    expect((await ours()).sort((a, b) => a.subjectId.localeCompare(b.subjectId))).toEqual(
      [silentId, returningId].sort().map((subjectId) => ({ subjectId, lastActivityAt: expect.any(String), eraseAfter })),
    );
    for (const f of await ours()) expect(Date.parse(f.lastActivityAt)).toBeLessThanOrEqual(Date.now());
    expect((await audit(flagAt)).flagged).toBe(0); // a repeat flags nothing more
    expect((await staff('GET', '/v1/privacy/flagged-subjects', undefined, await run.rt.token('agent-l1'))).status).toBe(403);
    expect((await staff('GET', '/v1/privacy/flagged-subjects?limit=1', undefined, dpo)).body).toEqual({ items: expect.any(Array), nextCursor: expect.any(String) });

    // One of them writes again during the grace (a reply taken by staff). The store notes each
    // subject once per day and container; this test cannot move the day on, so it starts the
    // container's memory afresh, as the next day's would.
    subjectActivity().forgetNoted();
    const replied = await staff('POST', `/v1/tickets/${returningTicket}/actions`, { action: 'customer-reply', body: 'Nadal nie działa.' });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    await run.rt.settle();

    // The grace has ended: the silent one is erased, the returning one cleared, the customer untouched.
    const graceEnds = flagAt + 30 * DAY + 60_000;
    const settled = await audit(graceEnds);
    expect(settled).toMatchObject({ erased: expect.any(Number), cleared: expect.any(Number) });
    expect(settled.erased).toBeGreaterThanOrEqual(1);
    expect(settled.cleared).toBeGreaterThanOrEqual(1);
    expect(await ours()).toEqual([]);
    expect((await staff('GET', `/v1/tickets/${silentTicket}`)).body.contact).toMatchObject({ name: ERASED, email: ERASED });
    expect((await staff('GET', `/v1/tickets/${returningTicket}`)).body.contact).toMatchObject({ name: returning.name, email: returning.email });
    expect((await staff('GET', `/v1/tickets/${customerTicket}`)).body.contact).toMatchObject({ name: customer.name, email: customer.email });
    expect((await staff('GET', `/v1/contracts/${contractId}`)).body.customer).toMatchObject({ name: customer.name, email: customer.email });

    const events = await allEvents(run.rt);
    const of = (subjectId: string) => events.filter((e) => e.streamId === `subject#${subjectId}`).map((e) => ({ type: e.type, payload: e.payload, actor: e.actor }));
    expect(of(silentId).map((e) => e.type)).toEqual(['SubjectFlaggedUnresponsive', 'SubjectErased']);
    expect(of(silentId)[1]).toMatchObject({ payload: { subjectId: silentId, requestedBy: 'retention-audit', kept: [] }, actor: { kind: 'system', id: 'privacy-audit' } });
    expect(of(returningId).map((e) => e.type)).toEqual(['SubjectFlaggedUnresponsive', 'SubjectFlagCleared']);
    expect(of(customerId)).toEqual([]);

    // A cleared contact is watched again: on this test's clock its reply (the real now) is already
    // older than the period at the end of the grace, so the next run flags it again. Then a
    // repeat changes nothing at all; the erased one stays erased, the customer unflagged.
    expect(await audit(graceEnds)).toMatchObject({ flagged: 1, cleared: 0, erased: 0 });
    expect(await audit(graceEnds)).toMatchObject({ flagged: 0, cleared: 0, erased: 0 });
    const after = await allEvents(run.rt);
    const types = (subjectId: string) => after.filter((e) => e.streamId === `subject#${subjectId}`).map((e) => e.type);
    expect(types(silentId)).toEqual(['SubjectFlaggedUnresponsive', 'SubjectErased']);
    expect(types(returningId)).toEqual(['SubjectFlaggedUnresponsive', 'SubjectFlagCleared', 'SubjectFlaggedUnresponsive']);
    expect(types(customerId)).toEqual([]);
    expect((await ours()).map((f) => f.subjectId)).toEqual([returningId]);
  });
});
