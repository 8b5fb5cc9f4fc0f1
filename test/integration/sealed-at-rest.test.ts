import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEALED_PREFIX } from '../../events/sealed';
import { mailsTo, uniqueEmail } from '../support/local-runtime';
import { presetRuntime } from '../support/preset-journey';
import { scanAll } from '../support/stored-data';

/**
 * Personal data is stored only sealed (issue 6): through the local runtime (HEZO preset: tax id,
 * serial numbers, the website support-request form), a contract and a ticket with distinctive
 * personal values leave none of them in clear in any table (events, views, idempotency records,
 * the vault), while the API answers and the e-mails show them in clear.
 */
describe('personal data at rest (local runtime, HEZO preset)', () => {
  const run = presetRuntime('hezo');
  const tag = randomUUID().slice(0, 8);
  const fixture = {
    customerName: `Pracownia Szyfrów ${tag}`,
    customerEmail: uniqueEmail(`szyfr${tag}`),
    taxId: 'PL5260250995',
    contactName: `Halina Tajemnicza ${tag}`,
    contactEmail: uniqueEmail(`halina${tag}`),
    phone: '+48 601 234 567',
    subject: `Sejf ${tag} nie otwiera się`,
    description: `Zamek elektroniczny ${tag} pokazuje błąd E7.`,
    reply: `Technik ${tag} przyjedzie jutro.`,
    note: `Klient ${tag} dzwonił dwa razy.`,
  };

  it('stores no personal value in clear anywhere, while the API and the e-mails show them', async () => {
    const admin = (method: string, path: string, body?: unknown) => run.rt.call(method, path, { token: run.admin, ...(body === undefined ? {} : { body }) });

    const created = await run.rt.call('POST', '/v1/contracts', {
      token: run.admin,
      headers: { 'idempotency-key': `contract-${tag}` },
      body: {
        customer: { name: fixture.customerName, email: fixture.customerEmail, locale: 'pl', taxId: fixture.taxId },
        planId: 'sos-8x5-nbd', termMonths: 12, startsOn: '2026-01-01', regionId: 'pl', serialNumbers: ['QS-1001'],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { contractId } = created.body;
    await run.rt.settle();

    const opened = await run.rt.call('POST', '/v1/public/support-requests', {
      headers: { 'idempotency-key': `report-${tag}` },
      body: {
        contractNumber: contractId, serialNumber: 'QS-1001', taxId: 'pl 526-025-09-95',
        contact: { name: fixture.contactName, email: fixture.contactEmail, phone: fixture.phone, locale: 'pl' },
        category: 'general', severity: 'high', subject: fixture.subject, description: fixture.description,
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const { ticketId } = opened.body;
    await run.rt.settle();
    expect((await admin('POST', `/v1/tickets/${ticketId}/actions`, { action: 'reply', body: fixture.reply })).body.recorded).toEqual(['AgentReplied']);
    expect((await admin('POST', `/v1/tickets/${ticketId}/actions`, { action: 'note', body: fixture.note })).body.recorded).toEqual(['InternalNoteAdded']);
    await run.rt.settle();

    // At rest: every table, raw.
    const stored = Object.fromEntries(
      await Promise.all(Object.entries(run.rt.tables).map(async ([id, table]) => [id, JSON.stringify(await scanAll(run.rt, table))] as const)),
    );
    const everything = Object.values(stored).join('\n').toLowerCase();
    for (const [field, value] of Object.entries(fixture)) expect(everything.includes(value.toLowerCase()), `${field} in clear at rest`).toBe(false);
    // The tax id is not stored in another spelling, nor the addresses' local parts apart.
    expect(everything).not.toContain('5260250995');
    for (const email of [fixture.customerEmail, fixture.contactEmail]) expect(everything).not.toContain(email.split('@')[0].toLowerCase());
    // What was written is there, sealed.
    expect(stored.events).toContain(SEALED_PREFIX);
    expect(stored.views).toContain(SEALED_PREFIX);

    // In the answers, in clear.
    const contract = await admin('GET', `/v1/contracts/${contractId}`);
    expect(contract.status).toBe(200);
    expect(contract.body.customer).toMatchObject({ name: fixture.customerName, email: fixture.customerEmail, taxId: fixture.taxId });
    const ticket = await admin('GET', `/v1/tickets/${ticketId}`);
    expect(ticket.status).toBe(200);
    expect(ticket.body).toMatchObject({
      contact: { name: fixture.contactName, email: fixture.contactEmail, phone: fixture.phone },
      subject: fixture.subject,
      description: fixture.description,
    });
    const bodies = (ticket.body.messages as { body: string }[]).map((m) => m.body);
    expect(bodies).toEqual(expect.arrayContaining([fixture.reply, fixture.note]));
    expect(JSON.stringify([contract.body, ticket.body])).not.toContain(SEALED_PREFIX);
    // Found by the customer's e-mail, in any case.
    const listed = await admin('GET', `/v1/contracts?customerEmail=${encodeURIComponent(fixture.customerEmail.toUpperCase())}`);
    expect(listed.body.items.map((c: { contractId: string }) => c.contractId)).toEqual([contractId]);

    // In the e-mails, in clear, to the addresses given.
    const customerMails = await mailsTo(fixture.customerEmail);
    expect(customerMails.length).toBeGreaterThan(0);
    expect(customerMails.some((m) => m.text.includes(fixture.customerName))).toBe(true);
    const contactMails = await mailsTo(fixture.contactEmail);
    expect(contactMails.map((m) => m.subject)).toEqual([`Przyjęliśmy zgłoszenie serwisowe nr ${ticketId}`, `Odp.: zgłoszenie serwisowe nr ${ticketId}`]);
    expect(contactMails[1].text).toContain(fixture.reply);
    expect(contactMails.some((m) => m.text.includes(fixture.note))).toBe(false);
    for (const mail of [...customerMails, ...contactMails]) expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(SEALED_PREFIX);
  });
});
