import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { mailsTo, uniqueEmail } from '../support/local-runtime';
import { presetRuntime } from '../support/preset-journey';

/**
 * Tickets through the HTTP API on the local runtime with the HEZO preset: the website
 * support-request form (contract number, serial number, the end user's tax id), the
 * acknowledgement e-mail with the SLA due times in Polish, the every-minute SLA sweep raising the
 * warning and the breach once each (mailed to the provider's support and escalation addresses),
 * staff replies and notes, escalation, queues, and the refusals.
 */
describe('tickets and SLA clocks (HEZO preset)', () => {
  const run = presetRuntime('hezo');
  const key = () => ({ 'idempotency-key': `ticket-${randomUUID()}` });
  const staff = (method: string, path: string, body?: unknown, token = run.admin) => run.rt.call(method, path, { token, ...(body === undefined ? {} : { body }) });

  async function contract(overrides: Record<string, unknown> = {}) {
    const email = uniqueEmail('hezo');
    const created = await staff('POST', '/v1/contracts', {
      customer: { name: 'Zakład Testowy', email, locale: 'pl', taxId: 'PL5260250995' },
      planId: 'sos-8x5-nbd', termMonths: 12, startsOn: '2026-01-01', regionId: 'pl', serialNumbers: ['QS-1001', 'QS-1002'], ...overrides,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await run.rt.settle();
    return { contractId: created.body.contractId as string, email };
  }

  const report = (contractNumber: string, contactEmail: string, overrides: Record<string, unknown> = {}) => ({
    contractNumber, serialNumber: 'QS-1001', taxId: 'PL 526-025-09-95',
    contact: { name: 'Jan Kowalski', email: contactEmail, phone: '+48 600 000 000', locale: 'pl' },
    category: 'general', severity: 'high', subject: 'Biblioteka taśmowa nie odpowiada', description: 'Ramię robota zatrzymało się.', ...overrides,
  });
  const submit = (body: unknown, headers = key()) => run.rt.call('POST', '/v1/public/support-requests', { headers, body });

  it('opens a ticket from the website form, acknowledges it in Polish with the due times, and answers a mismatch neutrally', async () => {
    const { contractId } = await contract();
    const contact = uniqueEmail('jan');
    const neutral = { received: true, message: expect.any(String) };

    // Wrong serial, wrong tax id, unknown contract, malformed number: the same 202, nothing written.
    for (const body of [report(contractId, contact, { serialNumber: 'QS-9999' }), report(contractId, contact, { taxId: 'PL0000000000' }), report(ulid(), contact), report('HEZO-123', contact)]) {
      const answer = await submit(body);
      expect([answer.status, answer.body]).toEqual([202, neutral]);
    }

    const headers = key();
    const opened = await submit(report(contractId, contact), headers);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const { ticketId } = opened.body;
    expect(opened.body).toMatchObject({ reference: ticketId, handler: { provider: 'vendor' }, priority: false });
    // SOS 8x5 NBD: a 1-hour reaction and an engineer on site by the end of the next business day, in Warsaw business hours.
    expect(opened.body.sla.map((s: { metric: string }) => s.metric)).toEqual(['reaction', 'on-site']);
    expect(opened.body.sla[0]).toEqual({ metric: 'reaction', dueAt: expect.any(String), dueAtLocal: expect.stringContaining('(Europe/Warsaw)') });
    // A retry with the same key answers the same and opens nothing more.
    const again = await submit(report(contractId, contact), headers);
    expect([again.status, again.body.ticketId]).toEqual([201, ticketId]);

    await run.rt.settle();
    const listed = await staff('GET', `/v1/tickets?contractId=${contractId}`);
    expect(listed.body.items.map((t: { ticketId: string }) => t.ticketId)).toEqual([ticketId]);
    const mails = await mailsTo(contact);
    expect(mails.map((m) => m.subject)).toEqual([`Przyjęliśmy zgłoszenie serwisowe nr ${ticketId}`]);
    expect(mails[0].text).toContain('Pierwszy kontakt z naszej strony: ');
    expect(mails[0].text).toContain('Serwisant na miejscu: ');
    expect(mails[0].html).toContain('lang="pl"');
  });

  it('warns at 80 % and breaches at 100 % of the reaction time, once each, mailing support and escalation; a public reply stops the clock, a note does not', async () => {
    const { contractId } = await contract();
    const contact = uniqueEmail('anna');
    const opened = await submit(report(contractId, contact, { severity: 'critical' }));
    const { ticketId } = opened.body;
    await run.rt.settle();
    const view = async () => (await staff('GET', `/v1/tickets/${ticketId}`)).body;
    const [reaction] = (await view()).clocks;
    expect(reaction).toMatchObject({ metric: 'reaction', status: 'running', targetMinutes: 60, warned: false });
    const sweep = async (at: string) => {
      await run.rt.fireSchedule('check-slas', new Date(at));
      await run.rt.settle();
    };
    const alerts = async () => (await Promise.all(['pomoc@myhezo.pl', 'escalation@myhezo.pl'].map(mailsTo))).flat().filter((m) => m.subject.includes(ticketId)).map((m) => m.subject);

    await sweep(new Date(Date.parse(reaction.warnAt) - 60_000).toISOString());
    expect(await alerts()).toEqual([]);
    await sweep(reaction.warnAt);
    await sweep(reaction.warnAt); // a repeated sweep raises nothing more
    expect(await alerts()).toEqual([expect.stringMatching(/^SLA warning: reaction on /)]);
    expect((await view()).clocks[0]).toMatchObject({ warned: true, breached: false, dueAt: reaction.dueAt });

    // An internal note is not a response.
    expect((await staff('POST', `/v1/tickets/${ticketId}/actions`, { action: 'note', body: 'Sprawdzam logi' })).body.recorded).toEqual(['InternalNoteAdded']);
    await sweep(reaction.dueAt);
    await sweep(new Date(Date.parse(reaction.dueAt) + 60_000).toISOString());
    await run.rt.settle();
    expect((await alerts()).sort()).toEqual([expect.stringMatching(/^SLA breached/), expect.stringMatching(/^SLA breached/), expect.stringMatching(/^SLA warning/)]);

    // A public reply: the customer gets it; the reaction clock stops (not met: it was breached).
    const replied = await staff('POST', `/v1/tickets/${ticketId}/actions`, { action: 'reply', body: 'Serwisant jest w drodze.' });
    expect(replied.body.recorded).toEqual(['AgentReplied']);
    await run.rt.settle();
    expect((await view()).clocks[0]).toMatchObject({ status: 'stopped', breached: true, met: false });
    const customerMails = await mailsTo(contact);
    expect(customerMails.map((m) => m.subject)).toEqual([`Przyjęliśmy zgłoszenie serwisowe nr ${ticketId}`, `Odp.: zgłoszenie serwisowe nr ${ticketId}`]);
    expect(customerMails[1].text).toContain('Serwisant jest w drodze.');
    expect(customerMails.some((m) => m.text.includes('Sprawdzam logi'))).toBe(false);
  });

  it('escalates to the escalation contact with a reason, resolves, and keeps the vendor queue for its own staff', async () => {
    const { contractId } = await contract();
    const { ticketId } = (await submit(report(contractId, uniqueEmail('ela')))).body;
    await run.rt.settle();
    const queue = await staff('GET', '/v1/tickets?queue=vendor&limit=200');
    expect(queue.body.items.map((t: { ticketId: string }) => t.ticketId)).toContain(ticketId);
    expect((await staff('GET', '/v1/tickets?queue=vendor', undefined, await run.rt.token('agent-l0', 'north'))).status).toBe(403);
    expect((await staff('GET', `/v1/tickets/${ticketId}`, undefined, await run.rt.token('agent-l0', 'north'))).status).toBe(403);

    const escalated = await staff('POST', `/v1/tickets/${ticketId}/actions`, { action: 'escalate', to: 'escalation-contact', reason: 'Klient zgłasza przestój produkcji' });
    expect(escalated.body.recorded).toEqual(['TicketEscalated']);
    const noLevel = await staff('POST', `/v1/tickets/${ticketId}/actions`, { action: 'escalate', to: 'next-level', reason: 'x' });
    expect([noLevel.status, noLevel.body.error.code]).toEqual([409, 'no_next_level']);
    const bad = await staff('POST', `/v1/tickets/${ticketId}/actions`, { action: 'resolve' });
    expect([bad.status, bad.body.error.fields[0].path]).toEqual([400, 'resolution']);
    expect((await staff('POST', `/v1/tickets/${ticketId}/actions`, { action: 'resolve', resolution: 'Wymieniono napęd.' })).body.recorded).toEqual(['TicketResolved']);
    expect((await staff('POST', `/v1/tickets/${ticketId}/actions`, { action: 'reply', body: 'x' })).body.error.code).toBe('ticket_resolved');
    await run.rt.settle();
    const escalations = (await mailsTo('escalation@myhezo.pl')).filter((m) => m.subject === `Escalation: ticket ${ticketId}`);
    expect(escalations).toHaveLength(1);
    expect(escalations[0].text).toContain('Klient zgłasza przestój produkcji');
    const view = (await staff('GET', `/v1/tickets/${ticketId}`)).body;
    expect(view).toMatchObject({ status: 'resolved', resolution: 'Wymieniono napęd.', escalations: [{ toEscalationContact: true, reason: 'Klient zgłasza przestój produkcji' }] });
    const after = await staff('GET', '/v1/tickets?queue=vendor&limit=200');
    expect(after.body.items.map((t: { ticketId: string }) => t.ticketId)).not.toContain(ticketId);
  });

  it('refuses a report under an agreement that has ended, offering renewal; requires the serial number the plan asks for', async () => {
    const { contractId } = await contract({ startsOn: '2024-01-01' });
    const refused = await submit(report(contractId, uniqueEmail('late')));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'not_entitled', message: expect.stringContaining('ended'), remedy: { action: 'renew', hint: expect.stringContaining('renewal form') } });
    const { contractId: current } = await contract();
    const missing = await submit(report(current, uniqueEmail('x'), { serialNumber: undefined }));
    expect([missing.status, missing.body.error.fields]).toEqual([400, [{ path: 'serialNumber', message: expect.stringContaining('serial number') }]]);
    const staffMismatch = await staff('POST', '/v1/tickets', { contractId: current, channel: 'phone', ...report(current, uniqueEmail('y'), { serialNumber: 'QS-9999' }), contractNumber: undefined, taxId: undefined });
    expect(staffMismatch.status).toBe(409);
  });

  it('ships a replacement once the fault is verified; the faulty device is due back in 7 days, with a reminder and an overdue notice mailed in Polish', async () => {
    const { contractId } = await contract();
    const contact = uniqueEmail('rma');
    const { ticketId } = (await submit(report(contractId, contact))).body;
    await run.rt.settle();
    const act = (body: unknown) => staff('POST', `/v1/tickets/${ticketId}/actions`, body);
    expect((await act({ action: 'ship-replacement' })).body.error.code).toBe('not_verified');
    expect((await act({ action: 'accept' })).body.recorded).toEqual(['TicketAccepted']);
    const shipped = await act({ action: 'ship-replacement' });
    expect(shipped.body.recorded).toEqual(['ReplacementShipped']);
    await run.rt.settle();
    const { rma } = (await staff('GET', `/v1/tickets/${ticketId}`)).body;
    const dueAt = Date.parse(rma.returnDueAt);
    expect(dueAt - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const sweep = async (at: number) => {
      await run.rt.fireSchedule('device-returns', new Date(at));
      await run.rt.settle();
    };
    // Schedule times have whole seconds: each sweep runs a minute after the instant it is meant for.
    await sweep(dueAt - 2 * 86_400_000 - 3_600_000);
    expect(await mailsTo(contact)).toHaveLength(2);
    await sweep(dueAt - 2 * 86_400_000 + 60_000);
    await sweep(dueAt - 2 * 86_400_000 + 120_000);
    await sweep(dueAt + 60_000);
    const subjects = (await mailsTo(contact)).map((m) => m.subject);
    expect(subjects.slice(1)).toEqual([
      `Urządzenie zastępcze zostało wysłane (zgłoszenie nr ${ticketId})`,
      `Przypomnienie o zwrocie urządzenia (zgłoszenie nr ${ticketId})`,
      `Minął termin zwrotu uszkodzonego urządzenia (zgłoszenie nr ${ticketId})`,
    ]);
    expect((await act({ action: 'record-return', device: 'faulty' })).body.recorded).toEqual(['FaultyDeviceReturned']);
    expect((await act({ action: 'record-return', device: 'loaner' })).body.error.code).toBe('nothing_out');
  });
});
