import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectDecider, SUBJECT_CATEGORY } from '../../domain/privacy/subject';
import type { DomainEvent } from '../../events/catalog';
import { streamId } from '../../events/envelope';
import { INTEGRATION_SOURCE, toIntegrationDetail } from '../../events/integration';
import { runCommand } from '../../functions/command-runner';
import { notifyMailing } from '../../functions/notifier/mailings/notify-mailing';
import { activeCatalog } from '../../functions/runtime/catalog';
import { eventStore } from '../../functions/runtime/store';
import { links, sealer } from '../../functions/runtime/vault';
import { startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';
import { allEvents } from '../support/stored-data';

interface StoredMail {
  subject: string;
  text: string;
  html: string;
  headers: { name: string; value: string }[];
}

/**
 * Mailings (POST /v1/mailings) and the unsubscribe link (POST /v1/public/unsubscribe) through the
 * HTTP API on the local runtime, with every e-mail read from the SES emulator: opting out,
 * objecting and restricting stop marketing and surveys; service e-mails and product-safety
 * notices still go out; a redelivered mailing sends nothing twice.
 */
describe('mailings, unsubscribe links and what an opt-out stops', () => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
  });
  afterAll(() => rt?.stop());

  const mails = async (to: string): Promise<StoredMail[]> => {
    const { emails } = (await (await fetch(`${rt.mailUrl}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] }; body: { text: string; html: string }; headers?: { name: string; value: string }[] }[];
    };
    return emails.filter((m) => m.destination.to.includes(to)).map((m) => ({ subject: m.subject, text: m.body.text, html: m.body.html, headers: m.headers ?? [] }));
  };
  const subjects = async (to: string) => (await mails(to)).map((m) => m.subject);

  async function customer(name: string, locale: string): Promise<{ email: string; contractId: string }> {
    const email = uniqueEmail(name.toLowerCase());
    const created = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: { customer: { name, email, locale }, planId: 'gold', startsOn: new Date().toISOString().slice(0, 10), termMonths: 12, timeZone: 'Europe/Stockholm' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return { email, contractId: created.body.contractId };
  }

  const mailing = async (kind: string, subject: string, contractIds: string[], extra: Record<string, unknown> = {}) => {
    const sent = await rt.call('POST', '/v1/mailings', { token: admin, body: { kind, subject, text: `${subject}: first paragraph.\n\nSecond paragraph.`, audience: { contractIds }, ...extra } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await rt.settle();
    return sent.body as { mailingId: string; recorded: boolean };
  };

  const tokenIn = (mail: StoredMail) => {
    const link = /(\S+\/unsubscribe\.html\?token=(\S+))$/.exec(mail.text);
    expect(link, mail.text).not.toBeNull();
    return { link: link![1]!, token: decodeURIComponent(link![2]!) };
  };

  const subjectEvents = async (email: string) => {
    const id = streamId(SUBJECT_CATEGORY, await sealer().subjectOf(email));
    return (await allEvents(rt)).filter((e) => e.streamId === id);
  };

  it('an unsubscribed customer gets no more marketing, still product-safety notices and service e-mails; forged and expired links change nothing', async () => {
    const ada = await customer('Ada', 'en');
    const bea = await customer('Bea', 'de');
    await rt.settle();

    // 1. The first marketing mailing reaches both, in each one's language, with an unsubscribe link and the RFC 8058 headers.
    await mailing('marketing', 'Autumn news 1', [ada.contractId, bea.contractId]);
    const [adaNews] = (await mails(ada.email)).filter((m) => m.subject === 'Autumn news 1');
    const [beaNews] = (await mails(bea.email)).filter((m) => m.subject === 'Autumn news 1');
    expect(adaNews!.text).toMatch(/^Dear Ada,\n\nAutumn news 1: first paragraph\.\n\nSecond paragraph\.\n\n/);
    expect(adaNews!.text).toContain('To receive no more marketing e-mails, unsubscribe here: http://localhost:5173/unsubscribe.html?token=');
    expect(beaNews!.text).toMatch(/^Guten Tag Bea,/);
    expect(beaNews!.text).toContain('Wenn Sie keine Werbe-E-Mails mehr erhalten möchten, melden Sie sich hier ab: http://localhost:5173/unsubscribe.html?token=');
    const { link, token } = tokenIn(adaNews!);
    expect(adaNews!.html).toContain(`<a href="${link}">`);
    expect(adaNews!.headers).toEqual(
      expect.arrayContaining([
        { name: 'List-Unsubscribe', value: `<${rt.apiUrl}/v1/public/unsubscribe?token=${encodeURIComponent(token)}>` },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      ]),
    );

    // 2. Forged and expired tokens: 400 / 410, nothing recorded.
    const eventsBefore = (await allEvents(rt)).length;
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const refusedForged = await rt.call('POST', '/v1/public/unsubscribe', { body: { token: forged } });
    expect([refusedForged.status, refusedForged.body.error.code]).toEqual([400, 'invalid_link']);
    const [claims] = token.split('.');
    const otherSubject = JSON.parse(Buffer.from(claims!, 'base64url').toString('utf8')).id as string;
    const expired = await links().sign('unsubscribe', otherSubject, '2020-01-01T00:00:00.000Z');
    const refusedExpired = await rt.call('POST', '/v1/public/unsubscribe', { body: { token: expired } });
    expect([refusedExpired.status, refusedExpired.body.error.code]).toEqual([410, 'link_expired']);
    const wrongPurpose = await links().sign('privacy-confirmation', otherSubject, '2099-01-01T00:00:00.000Z');
    expect((await rt.call('POST', '/v1/public/unsubscribe', { body: { token: wrongPurpose } })).status).toBe(400);
    expect((await rt.call('POST', '/v1/public/unsubscribe', { body: {} })).status).toBe(400);
    expect((await allEvents(rt)).length).toBe(eventsBefore);

    // 3. Ada follows the link from her e-mail: marketing stops; a repeat records nothing.
    const unsubscribed = await rt.call('POST', '/v1/public/unsubscribe', { body: { token } });
    expect([unsubscribed.status, unsubscribed.body]).toEqual([200, { unsubscribed: true, purposes: ['marketing'] }]);
    expect((await rt.call('POST', '/v1/public/unsubscribe', { body: { token } })).status).toBe(200);
    expect((await subjectEvents(ada.email)).map((e) => [e.type, e.payload])).toEqual([
      ['ProcessingLimited', { subjectId: await sealer().subjectOf(ada.email), basis: 'opt-out', purposes: ['marketing'] }],
    ]);
    await rt.settle();

    // 4. The second marketing mailing reaches only Bea.
    await mailing('marketing', 'Autumn news 2', [ada.contractId, bea.contractId]);
    expect(await subjects(ada.email)).not.toContain('Autumn news 2');
    expect(await subjects(bea.email)).toContain('Autumn news 2');

    // 5. A product-safety notice still reaches both, without an unsubscribe link.
    await mailing('product-safety', 'Safety notice: camera cable', [ada.contractId, bea.contractId]);
    const [adaSafety] = (await mails(ada.email)).filter((m) => m.subject === 'Safety notice: camera cable');
    expect(adaSafety!.text).toMatch(/^Dear Ada,\n\nThis is a product-safety notice\./);
    expect(adaSafety!.text).not.toContain('/unsubscribe.html');
    expect(adaSafety!.headers.map((h) => h.name)).not.toContain('List-Unsubscribe');
    expect(await subjects(bea.email)).toContain('Safety notice: camera cable');

    // 6. Service e-mails the contract needs still go to Ada.
    const before = (await mails(ada.email)).length;
    const cancelled = await rt.call('POST', `/v1/contracts/${ada.contractId}/cancellation`, { token: admin, body: { reason: 'The practice closes.' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await rt.settle();
    const after = await mails(ada.email);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.text).toContain('The practice closes.');
  });

  it('surveys skip subjects who restricted or objected; opting out of marketing does not stop surveys; a survey’s own link stops surveys (one-click too)', async () => {
    const [cleo, dora, emil] = [await customer('Cleo', 'fr'), await customer('Dora', 'sv'), await customer('Emil', 'pl')];
    await rt.settle();
    // Cleo asked to restrict processing, Dora objected (as the privacy-request flow would record them).
    for (const [who, basis] of [[cleo, 'restriction'], [dora, 'objection']] as const) {
      const subjectId = await sealer().subjectOf(who.email);
      await runCommand(eventStore(), {
        decider: subjectDecider,
        streamId: streamId(SUBJECT_CATEGORY, subjectId),
        catalog: activeCatalog(),
        command: { type: 'LimitProcessing', subjectId, basis, purposes: ['marketing', 'surveys'] },
        metadata: { occurredAt: new Date().toISOString(), correlationId: `test-${basis}`, causationId: `test-${basis}`, actor: { kind: 'staff', id: 'dpo-1', role: 'dpo' } },
        respond: () => null,
      });
    }
    await rt.settle();

    await mailing('survey', 'How did we do?', [cleo.contractId, dora.contractId, emil.contractId]);
    expect(await subjects(cleo.email)).not.toContain('How did we do?');
    expect(await subjects(dora.email)).not.toContain('How did we do?');
    const [emilSurvey] = (await mails(emil.email)).filter((m) => m.subject === 'How did we do?');
    expect(emilSurvey!.text).toContain('Aby nie otrzymywać więcej ankiet, wypisz się tutaj: http://localhost:5173/unsubscribe.html?token=');
    // A product-safety notice goes to all three, whatever they stopped.
    await mailing('product-safety', 'Recall: power supply', [cleo.contractId, dora.contractId, emil.contractId]);
    for (const who of [cleo, dora, emil]) expect(await subjects(who.email)).toContain('Recall: power supply');

    // Emil unsubscribes from surveys with one click (RFC 8058: the mail client POSTs to the List-Unsubscribe address).
    const oneClick = emilSurvey!.headers.find((h) => h.name === 'List-Unsubscribe')!.value.slice(1, -1);
    expect(oneClick.startsWith(`${rt.apiUrl}/v1/public/unsubscribe?token=`)).toBe(true);
    const clicked = await fetch(oneClick, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect([clicked.status, await clicked.json()]).toEqual([200, { unsubscribed: true, purposes: ['surveys'] }]);
    await rt.settle();
    await mailing('survey', 'One more question', [emil.contractId]);
    expect(await subjects(emil.email)).not.toContain('One more question');
    // Surveys only: his marketing goes on.
    await mailing('marketing', 'Winter offers', [emil.contractId]);
    expect(await subjects(emil.email)).toContain('Winter offers');
  });

  it('a repeated request records nothing; a redelivered MailingRequested, or a rerun after a failure, sends nothing twice', async () => {
    const fay = await customer('Fay', 'en');
    const gus = await customer('Gus', 'en');
    await rt.settle();
    const first = await mailing('marketing', 'Spring news', [fay.contractId, gus.contractId], { mailingId: 'spring-news-2027' });
    expect(first).toMatchObject({ mailingId: 'spring-news-2027', recorded: true });
    expect(await mailing('marketing', 'Spring news', [fay.contractId, gus.contractId], { mailingId: 'spring-news-2027' })).toMatchObject({ recorded: false });
    const changed = await rt.call('POST', '/v1/mailings', { token: admin, body: { mailingId: 'spring-news-2027', kind: 'marketing', subject: 'Other', text: 'Other', audience: { contractIds: [fay.contractId] } } });
    expect([changed.status, changed.body.error.code]).toEqual([409, 'mailing_exists']);
    expect((await rt.call('POST', '/v1/mailings', { token: await rt.token('agent-l1'), body: { kind: 'marketing', subject: 'x', text: 'x', audience: { contractIds: [fay.contractId] } } })).status).toBe(403);
    const tooMany = await rt.call('POST', '/v1/mailings', { token: admin, body: { kind: 'marketing', subject: 'x', text: 'x', audience: { contractIds: Array.from({ length: 501 }, () => fay.contractId) } } });
    expect([tooMany.status, tooMany.body.error.fields.map((f: { path: string }) => f.path)]).toEqual([400, ['audience.contractIds']]);
    const unknown = await rt.call('POST', '/v1/mailings', { token: admin, body: { kind: 'survey', subject: 'x', text: 'x', audience: { contractIds: [fay.contractId, '01KAC0000000000000000000ZZ'] } } });
    expect([unknown.status, unknown.body.error.fields]).toEqual([400, [{ path: 'audience.contractIds.1', message: 'No such contract.' }]]);

    const event = (await allEvents(rt)).find((e) => e.type === 'MailingRequested' && e.payload.mailingId === 'spring-news-2027') as DomainEvent;
    const count = async () => (await subjects(fay.email)).filter((s) => s === 'Spring news').length + (await subjects(gus.email)).filter((s) => s === 'Spring news').length;
    expect(await count()).toBe(2);

    // Redelivered by the bus: the notifier's event record answers.
    const bus = new EventBridgeClient({ endpoint: process.env.AWS_ENDPOINT_URL_EVENTBRIDGE, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const put = await bus.send(
      new PutEventsCommand({ Entries: [{ EventBusName: 'support-ledger', Source: INTEGRATION_SOURCE, DetailType: event.type, Detail: JSON.stringify(toIntegrationDetail(event)) }] }),
    );
    expect(put.FailedEntryCount ?? 0).toBe(0);
    await rt.settle();
    expect(await count()).toBe(2);

    // Run again without that record (as after a run that failed halfway, whose record Powertools removed): each recipient's own record answers.
    expect(await notifyMailing(toIntegrationDetail(event))).toMatchObject({ sent: 0, skipped: 0 });
    expect(await count()).toBe(2);
    bus.destroy();

    // An erased customer gets nothing, not even a product-safety notice (there is no address left to write to).
    expect((await rt.call('POST', '/v1/privacy/erasures', { token: await rt.token('dpo'), body: { email: gus.email } })).status).toBe(200);
    await rt.settle();
    await mailing('product-safety', 'Recall: foot pedal', [fay.contractId, gus.contractId]);
    expect(await subjects(fay.email)).toContain('Recall: foot pedal');
    expect(await subjects(gus.email)).not.toContain('Recall: foot pedal');

    // A customer with two contracts in the audience (one person, whatever the address's case) gets one copy.
    const second = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: { customer: { name: 'Fay', email: fay.email.toUpperCase(), locale: 'en' }, planId: 'gold', startsOn: new Date().toISOString().slice(0, 10), termMonths: 12, timeZone: 'Europe/Stockholm' },
    });
    expect(second.status).toBe(201);
    await rt.settle();
    await mailing('product-safety', 'Recall: battery pack', [fay.contractId, second.body.contractId]);
    const battery = async (to: string) => (await mails(to)).filter((m) => m.subject === 'Recall: battery pack').length;
    expect((await battery(fay.email)) + (await battery(fay.email.toUpperCase()))).toBe(1);
  });
});
