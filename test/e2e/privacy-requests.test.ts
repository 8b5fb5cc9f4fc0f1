import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { streamId } from '../../events/envelope';
import { PRIVACY_REQUEST_CATEGORY } from '../../domain/privacy/request';
import type { SubjectView } from '../../domain/privacy/subject-view';
import { ERASED } from '../../functions/privacy/sealer';
import { WITHHELD } from '../../functions/privacy/subject-export';
import { eventStore } from '../../functions/runtime/store';
import { links, sealer } from '../../functions/runtime/vault';
import { viewStore } from '../../functions/runtime/views';
import { mailsTo, uniqueEmail } from '../support/local-runtime';
import { presetRuntime } from '../support/preset-journey';
import { q3ProfiContract } from '../support/q3-contract';

/**
 * The rights of `qualisys-privacy-policy.txt` through the public privacy-request form, on the Q3
 * preset: every request is confirmed through a signed, expiring link e-mailed to the address on
 * file before anything happens; the form's answer never tells whether an address is known; the
 * DPO lists requests with their one-month deadline and is reminded before it.
 */
describe('privacy requests through the website (Q3 preset)', () => {
  const run = presetRuntime('q3');
  const submit = (body: unknown, key = randomUUID()) => run.rt.call('POST', '/v1/public/privacy-requests', { body, headers: { 'idempotency-key': key } });
  const confirm = (token: string) => run.rt.call('POST', '/v1/public/privacy-requests/confirmations', { body: { token } });
  const dpo = async (method: string, path: string, body?: unknown) => run.rt.call(method, path, { token: await run.rt.token('dpo'), ...(body === undefined ? {} : { body }) });

  /** A Q3 customer with a contract (and so, data on file). */
  async function customer(locale = 'fr', more: Record<string, unknown> = {}) {
    const email = uniqueEmail('privacy');
    const name = `Prune ${randomUUID().slice(0, 6)}`;
    const startsOn = DateTime.now().setZone('Europe/Zurich').minus({ months: 1 }).toISODate()!;
    const created = await run.rt.call('POST', '/v1/contracts', { token: run.admin, body: q3ProfiContract({ name, email, locale }, startsOn, more) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await run.rt.settle();
    return { email, name, contractId: created.body.contractId as string };
  }

  /** The token of the newest confirmation link mailed to `email`. */
  async function linkTo(email: string): Promise<string> {
    await run.rt.settle();
    const mails = await mailsTo(email);
    const text = mails.map((m) => m.text).reverse().find((t) => t.includes('/privacy.html?token='));
    expect(text, `no confirmation link mailed to ${email}`).toBeDefined();
    return decodeURIComponent(/\/privacy\.html\?token=(\S+)/.exec(text!)![1]!);
  }

  const requestIdOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')).id as string;

  it('answers the same for an unknown address, mails it nothing and writes nothing', async () => {
    const known = await customer();
    const unknown = uniqueEmail('stranger');
    const a = await submit({ email: unknown, right: 'access' });
    const b = await submit({ email: known.email, right: 'access' });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual(b.body);
    await run.rt.settle();
    expect(await mailsTo(unknown)).toEqual([]);
    expect((await mailsTo(known.email)).filter((m) => m.text.includes('privacy.html?token='))).toHaveLength(1);
    // A key reused with another body is refused alike, whether the address is known or not.
    for (const email of [unknown, known.email]) {
      const key = randomUUID();
      expect((await submit({ email, right: 'access' }, key)).status).toBe(202);
      const reused = await submit({ email, right: 'erasure' }, key);
      expect(reused.status, email).toBe(422);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
    }
    await run.rt.settle();
    expect(await mailsTo(unknown)).toEqual([]);
    // A retried submission (same Idempotency-Key) records and mails nothing more.
    const key = randomUUID();
    await submit({ email: known.email, right: 'portability' }, key);
    await submit({ email: known.email, right: 'portability' }, key);
    await run.rt.settle();
    expect((await mailsTo(known.email)).filter((m) => m.text.includes('privacy.html?token='))).toHaveLength(3);
    // A fourth request within 24 hours: the same answer, but no more links (no inbox is flooded).
    const fourth = await submit({ email: known.email, right: 'erasure' });
    expect(fourth.body).toEqual(a.body);
    await run.rt.settle();
    expect((await mailsTo(known.email)).filter((m) => m.text.includes('privacy.html?token='))).toHaveLength(3);
  });

  it('access: the confirmed link answers a JSON export of everything held, opened, with the events; portability the same', async () => {
    const person = await customer('de');
    expect((await submit({ email: person.email, right: 'access', language: 'de' })).status).toBe(202);
    const token = await linkTo(person.email);
    const mail = (await mailsTo(person.email)).find((m) => m.text.includes(token.slice(0, 20)) || m.text.includes(encodeURIComponent(token).slice(0, 20)))!;
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Datenschutzanfrage');

    const confirmed = await confirm(token);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ right: 'access', status: 'completed', outcome: 'exported' });
    const exported = confirmed.body.export;
    expect(exported).toMatchObject({ format: 'support-ledger/subject-export', version: 1, subject: { email: person.email } });
    expect(exported.processing.map((p: { legalBasis: string }) => p.legalBasis)).toEqual(expect.arrayContaining(['contract', 'legal obligation', 'legitimate interest']));
    const contract = exported.streams.find((s: { streamId: string }) => s.streamId === `contract#${person.contractId}`);
    expect(contract).toMatchObject({ own: true, view: { customer: { name: person.name, email: person.email } } });
    expect(contract.events[0]).toMatchObject({ type: 'ContractOrdered', by: 'staff', payload: { customer: { name: person.name, email: person.email } } });
    expect(JSON.stringify(exported)).not.toContain('sealed:1:');
    // The request itself is in the export, as one of the person's own records.
    expect(exported.streams.some((s: { category: string }) => s.category === PRIVACY_REQUEST_CATEGORY)).toBe(true);

    // Following the link again exports afresh and records nothing more.
    expect((await confirm(token)).status).toBe(200);
    const { events } = await eventStore().load(streamId(PRIVACY_REQUEST_CATEGORY, requestIdOf(token)));
    expect(events.map((e) => e.type)).toEqual(['PrivacyRequestReceived', 'PrivacyRequestConfirmed', 'PrivacyRequestCompleted']);
    await run.rt.settle();
    expect((await mailsTo(person.email)).filter((m) => m.subject === 'Ihre Datenschutzanfrage ist beantwortet')).toHaveLength(1);

    expect((await submit({ email: person.email, right: 'portability' })).status).toBe(202);
    const portable = await confirm(await linkTo(person.email));
    expect(portable.body).toMatchObject({ right: 'portability', outcome: 'exported', export: { format: 'support-ledger/subject-export' } });
  });

  it('an export shows another person in the same records as withheld', async () => {
    const customerOf = await customer('en', { addOns: [{ addOnId: 'support-plus' }] });
    const colleague = uniqueEmail('colleague');
    const added = await run.rt.call('POST', `/v1/contracts/${customerOf.contractId}/registered-persons`, { token: run.admin, body: { name: 'Colette Colleague', email: colleague } });
    expect(added.status, JSON.stringify(added.body)).toBeLessThan(300);
    const opened = await run.rt.call('POST', '/v1/tickets', {
      token: run.admin,
      body: {
        contractId: customerOf.contractId, channel: 'email', category: 'general', severity: 'normal', subject: 'Payroll run', description: 'It stops',
        contact: { name: 'Colette Colleague', email: colleague, locale: 'en' },
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    await run.rt.settle();
    expect((await submit({ email: colleague, right: 'access' })).status).toBe(202);
    const exported = (await confirm(await linkTo(colleague))).body.export;
    const ticket = exported.streams.find((s: { category: string }) => s.category === 'ticket');
    expect(ticket).toMatchObject({ own: true, view: { contact: { name: 'Colette Colleague', email: colleague } } });
    // On the customer's contract the colleague sees their own entry, and the customer withheld.
    const contract = exported.streams.find((s: { streamId: string }) => s.streamId === `contract#${customerOf.contractId}`);
    expect(contract.own).toBe(false);
    expect(contract.view.customer).toMatchObject({ name: WITHHELD, email: WITHHELD });
    expect(JSON.stringify(contract)).toContain(colleague);
    expect(JSON.stringify(exported)).not.toContain(customerOf.email);
  });

  it('rectification: confirmed requests wait for the DPO, listed by deadline, reminded before it, answered by e-mail', async () => {
    const person = await customer('en');
    expect((await submit({ email: person.email, right: 'rectification', details: 'My name is spelt Prüne' })).status).toBe(202);
    const token = await linkTo(person.email);
    const requestId = requestIdOf(token);
    // Before confirmation the DPO sees it among all requests, not among the open ones.
    expect((await dpo('GET', '/v1/privacy/requests?status=all')).body.items.some((i: { requestId: string; status: string }) => i.requestId === requestId && i.status === 'awaiting-confirmation')).toBe(true);
    expect((await dpo('POST', `/v1/privacy/requests/${requestId}/completion`, { outcome: 'rectified', note: 'Done' })).status).toBe(409);

    const confirmed = await confirm(token);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', requestId });
    const dueBy = DateTime.fromISO(confirmed.body.dueBy);
    expect(Math.round(dueBy.diffNow('days').days)).toBeGreaterThanOrEqual(27);
    await run.rt.settle();

    const open = await dpo('GET', '/v1/privacy/requests?status=open');
    expect(open.status).toBe(200);
    const listed = open.body.items.find((i: { requestId: string }) => i.requestId === requestId);
    expect(listed).toMatchObject({ right: 'rectification', status: 'confirmed', email: person.email, details: 'My name is spelt Prüne', overdue: false });
    expect((await run.rt.call('GET', '/v1/privacy/requests', { token: await run.rt.token('agent-l1') })).status).toBe(403);

    // Reminders 7 days and 1 day before the deadline, each once, to the catalog's address (Q3: its support address).
    const before = (await mailsTo('support@q3software.ch')).filter((m) => m.subject.includes(requestId)).length;
    await run.rt.fireSchedule('privacy-deadlines', dueBy.minus({ days: 7 }).plus({ hours: 1 }).toJSDate());
    await run.rt.fireSchedule('privacy-deadlines', dueBy.minus({ days: 7 }).plus({ hours: 2 }).toJSDate());
    await run.rt.settle();
    await run.rt.fireSchedule('privacy-deadlines', dueBy.minus({ days: 1 }).plus({ hours: 1 }).toJSDate());
    await run.rt.settle();
    const reminders = (await mailsTo('support@q3software.ch')).filter((m) => m.subject.includes(requestId));
    expect(reminders.length - before).toBe(2);
    expect(reminders.map((m) => m.subject)).toEqual(expect.arrayContaining([`Privacy request ${requestId} is due in 7 days`, `Privacy request ${requestId} is due in 1 day`]));
    expect(reminders.map((m) => m.text).join('\n')).not.toContain(person.email);

    // The DPO corrects the name on file (the e-mail address names the subject: not correctable here).
    const corrected = await dpo('PATCH', `/v1/contracts/${person.contractId}/customer`, { name: 'Prüne Corrigée', reason: `privacy request ${requestId}` });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect((await dpo('PATCH', `/v1/contracts/${person.contractId}/customer`, {})).body.error.fields).toEqual([{ path: 'name', message: 'Give at least one of name, taxId, locale.' }]);
    expect((await dpo('PATCH', `/v1/contracts/${person.contractId}/customer`, { email: 'other@example.com' })).body.error.fields[0].path).toBe('email');
    await run.rt.settle();
    expect((await run.rt.call('GET', `/v1/contracts/${person.contractId}`, { token: run.admin })).body.customer).toMatchObject({ name: 'Prüne Corrigée', email: person.email });
    const done = await dpo('POST', `/v1/privacy/requests/${requestId}/completion`, { outcome: 'rectified', note: 'Your name now reads Prüne.' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ recorded: true });
    expect((await dpo('POST', `/v1/privacy/requests/${requestId}/completion`, { outcome: 'refused', note: 'x' })).body).toMatchObject({ recorded: false, outcome: 'rectified' });
    await run.rt.settle();
    const answer = (await mailsTo(person.email)).find((m) => m.subject === 'Your privacy request has been answered');
    expect(answer?.text).toContain('Your name now reads Prüne.');
    expect((await dpo('GET', '/v1/privacy/requests?status=open')).body.items.some((i: { requestId: string }) => i.requestId === requestId)).toBe(false);
    expect((await dpo('POST', `/v1/privacy/requests/${requestId}/completion`, { outcome: 'maybe', note: '' })).body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['note', 'outcome']);
  });

  it('lists a confirmed request past its month as overdue', async () => {
    const person = await customer('en');
    const subjectId = await sealer().subjectOf(person.email);
    const requestId = ulid();
    const receivedAt = DateTime.utc().minus({ days: 40 });
    const id = streamId(PRIVACY_REQUEST_CATEGORY, requestId);
    const { position } = await eventStore().load(id);
    await eventStore().append(
      position,
      [
        {
          type: 'PrivacyRequestReceived',
          payload: { requestId, right: 'rectification', subjectId, email: person.email, language: 'en', channel: 'staff', linkExpiresAt: receivedAt.plus({ hours: 48 }).toISO()!, dueBy: receivedAt.plus({ months: 1 }).toISO()! },
        },
        { type: 'PrivacyRequestConfirmed', payload: { requestId } },
      ],
      { occurredAt: receivedAt.toISO()!, correlationId: randomUUID(), causationId: randomUUID(), actor: { kind: 'staff', id: 'dpo-hq', role: 'dpo' } },
    );
    await run.rt.settle();
    const overdue = await dpo('GET', '/v1/privacy/requests?status=overdue');
    expect(overdue.body.items.find((i: { requestId: string }) => i.requestId === requestId)).toMatchObject({ overdue: true, email: person.email });
  });

  it('an answered access link gives the export again for 15 minutes, then has expired', async () => {
    const person = await customer('en');
    const subjectId = await sealer().subjectOf(person.email);
    const requestId = ulid();
    const at = DateTime.utc().minus({ minutes: 20 });
    const meta = { occurredAt: at.toISO()!, correlationId: randomUUID(), causationId: randomUUID(), actor: { kind: 'customer' as const, id: 'website' } };
    const { position } = await eventStore().load(streamId(PRIVACY_REQUEST_CATEGORY, requestId));
    await eventStore().append(
      position,
      [
        { type: 'PrivacyRequestReceived', payload: { requestId, right: 'access', subjectId, email: person.email, language: 'en', channel: 'website', linkExpiresAt: at.plus({ hours: 48 }).toISO()!, dueBy: at.plus({ months: 1 }).toISO()! } },
        { type: 'PrivacyRequestConfirmed', payload: { requestId } },
        { type: 'PrivacyRequestCompleted', payload: { requestId, outcome: 'exported' } },
      ],
      meta,
    );
    const late = await confirm(await links().sign('privacy-confirmation', requestId, at.plus({ hours: 48 }).toISO()!));
    expect(late.status, JSON.stringify(late.body)).toBe(410);
    expect(late.body.error.code).toBe('link_expired');
    expect(JSON.stringify(late.body)).not.toContain(person.email);
  });

  it.each([
    ['restriction', ['marketing', 'surveys', 'analytics']],
    ['objection', ['marketing', 'surveys', 'analytics']],
    ['marketing-opt-out', ['marketing']],
  ])('%s: the confirmed link stops the optional processing it covers', async (right, stopped) => {
    const person = await customer('sv');
    expect((await submit({ email: person.email, right, language: 'sv' })).status).toBe(202);
    const confirmed = await confirm(await linkTo(person.email));
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ right, outcome: 'limited', stopped });
    await run.rt.settle();
    const subjectId = await sealer().subjectOf(person.email);
    const view = await viewStore().get<SubjectView>(`subject#${subjectId}`);
    expect(Object.keys(view!.view.limited).sort()).toEqual([...stopped].sort());
    const answer = (await mailsTo(person.email)).find((m) => m.subject === 'Din begäran om personuppgifter är besvarad');
    // Analytics stopped: the person's next website request keeps no network address for analytics.
    expect((await submit({ email: person.email, right: 'access' })).status).toBe(202);
    const next = requestIdOf(await linkTo(person.email));
    const [nextReceived] = (await eventStore().load(streamId(PRIVACY_REQUEST_CATEGORY, next))).events as { origin?: { security: string; analytics?: string } }[];
    expect(nextReceived!.origin?.security).toBeDefined();
    expect(nextReceived!.origin?.analytics === undefined).toBe(stopped.includes('analytics'));
    // The answer says what stopped: opting out stops marketing only.
    expect(answer?.text).toContain(right === 'marketing-opt-out' ? 'Vi skickar inga fler marknadsföringsmejl' : 'marknadsföringsmejl, enkäter och analys');
  });

  it('erasure: the confirmed link erases the person and says what is kept, why and until when', async () => {
    const person = await customer('pl');
    expect((await submit({ email: person.email, right: 'erasure', language: 'pl' })).status).toBe(202);
    const token = await linkTo(person.email);
    expect((await mailsTo(person.email)).at(-1)?.subject).toBe('Prosimy o potwierdzenie wniosku dotyczącego danych osobowych');
    const erased = await confirm(token);
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({ right: 'erasure', outcome: 'erased' });
    expect(erased.body.kept).toEqual([expect.objectContaining({ reason: expect.stringMatching(/Accounting law/), until: `${DateTime.utc().year + 10}-12-31` })]);
    await run.rt.settle();
    expect((await run.rt.call('GET', `/v1/contracts/${person.contractId}`, { token: run.admin })).body.customer).toMatchObject({ name: ERASED, email: ERASED });
    expect((await dpo('GET', '/v1/privacy/requests?status=all')).body.items.find((i: { requestId: string }) => i.requestId === requestIdOf(token))).toMatchObject({
      status: 'completed', outcome: 'erased', email: ERASED,
    });
    // Following the link again erases nothing more.
    expect((await confirm(token)).body).toMatchObject({ outcome: 'erased' });
    const subject = await eventStore().load(`subject#${await sealer().subjectOf(person.email)}`);
    expect(subject.events.filter((e) => e.type === 'SubjectErased')).toHaveLength(1);
    // Afterwards the address is one we do not know: the form mails it nothing.
    const mailsBefore = (await mailsTo(person.email)).length;
    expect((await submit({ email: person.email, right: 'access' })).status).toBe(202);
    await run.rt.settle();
    expect(await mailsTo(person.email)).toHaveLength(mailsBefore);
  });

  it('refuses a forged or altered link (400) and an expired one (410), changing nothing', async () => {
    const person = await customer('en');
    expect((await submit({ email: person.email, right: 'erasure' })).status).toBe(202);
    const token = await linkTo(person.email);
    const requestId = requestIdOf(token);
    const [claims, mac] = token.split('.') as [string, string];
    const otherClaims = Buffer.from(JSON.stringify({ p: 'privacy-confirmation', id: ulid(), exp: 4_102_444_800 })).toString('base64url');
    const forged = [
      `${claims}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`,
      `${otherClaims}.${mac}`,
      'not-a-token',
      await links().sign('unsubscribe', requestId, DateTime.utc().plus({ days: 1 }).toISO()!),
    ];
    for (const bad of forged) {
      const refused = await confirm(bad);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.code).toBe('invalid_link');
    }
    const expired = await confirm(await links().sign('privacy-confirmation', requestId, DateTime.utc().minus({ minutes: 1 }).toISO()!));
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('link_expired');
    expect((await run.rt.call('POST', '/v1/public/privacy-requests/confirmations', { body: { token, extra: 1 } })).status).toBe(400);
    expect((await submit({ email: 'nope', right: 'everything' })).body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'right']);

    const { events } = await eventStore().load(streamId(PRIVACY_REQUEST_CATEGORY, requestId));
    expect(events.map((e) => e.type)).toEqual(['PrivacyRequestReceived']);
    expect((await run.rt.call('GET', `/v1/contracts/${person.contractId}`, { token: run.admin })).body.customer.email).toBe(person.email);
  });
});
