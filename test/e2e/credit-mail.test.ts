import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailsTo, uniqueEmail } from '../support/local-runtime';
import { presetRuntime } from '../support/preset-journey';
import { q3ProfiContract } from '../support/q3-contract';

const ZONE = 'Europe/Zurich';

/**
 * The support-time credit in the customer's e-mails on the Q3 preset ("Nous vous transmettons en
 * outre dans chaque e-mail d'assistance votre avoir actuel"): a Profi rental with two main modules
 * and CHF 1,200 annual rent has 25 free minutes per rental year. Every ticket e-mail to the
 * reporter states the balance at the event's time; the website's balance request is answered by
 * e-mail in the contract customer's language; the year's close mails what expired.
 */
describe('credit balance in the e-mails (Q3 preset)', () => {
  const run = presetRuntime('q3');
  const call = (method: string, path: string, body?: unknown) => run.rt.call(method, path, { token: run.admin, ...(body === undefined ? {} : { body }) });
  const flat = (text: string) => text.replace(/\s/g, ' ');

  const customerEmail = uniqueEmail('treuhand');
  const contactEmail = uniqueEmail('helene');
  // The rental year started two months ago (in Zurich), so it runs today and ends in ten months.
  const startsOn = DateTime.now().setZone(ZONE).minus({ months: 2 }).toISODate()!;
  const endsOn = DateTime.fromISO(startsOn).plus({ months: 12 }).toISODate()!;
  const yearEndsAt = DateTime.fromISO(endsOn, { zone: ZONE }).startOf('day');
  const dateIn = (locale: string, isoDate: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
  let contractId: string;
  let ticketId: string;

  beforeAll(async () => {
    const created = await call('POST', '/v1/contracts', q3ProfiContract({ name: 'Treuhand Beispiel AG', email: customerEmail, locale: 'de', customerId: `CUST-${randomUUID().slice(0, 8)}` }, startsOn));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    contractId = created.body.contractId;
    await run.rt.settle();
  });

  it('states the balance in every ticket e-mail to the reporter, as it stands when the e-mail is sent', async () => {
    const opened = await call('POST', '/v1/tickets', {
      contractId, channel: 'email', category: 'general', severity: 'normal',
      subject: 'Le décompte des salaires ne sort pas', description: 'Le décompte de novembre reste vide.',
      contact: { name: 'Hélène Favre', email: contactEmail, locale: 'fr' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    ticketId = opened.body.ticketId;
    await run.rt.settle();

    // 7 minutes round up to 10, paid from the credit; then the reply.
    const logged = await call('POST', `/v1/tickets/${ticketId}/work-logs`, { minutes: 7, activity: 'user-support' });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    await run.rt.settle();
    const replied = await call('POST', `/v1/tickets/${ticketId}/actions`, { action: 'reply', body: 'Veuillez relancer le décompte.' });
    expect(replied.body.recorded).toEqual(['AgentReplied']);
    await run.rt.settle();

    const mails = await mailsTo(contactEmail);
    expect(mails.map((m) => flat(m.subject))).toEqual([`Nous avons bien reçu votre demande d’assistance ${ticketId}`, `Re : votre demande d’assistance ${ticketId}`]);
    const until = dateIn('fr', endsOn);
    expect(flat(mails[0].text)).toContain(`Votre avoir de temps d’assistance : il reste 25 sur 25 minutes dans l’année contractuelle jusqu’au ${flat(until)}.`);
    expect(flat(mails[1].text)).toContain('Veuillez relancer le décompte.');
    expect(flat(mails[1].text)).toContain(`Votre avoir de temps d’assistance : il reste 15 sur 25 minutes dans l’année contractuelle jusqu’au ${flat(until)}.`);
    // Before the signature.
    expect(mails[1].text.trimEnd().endsWith('Votre équipe d’assistance')).toBe(true);
  });

  it('mails the balance asked for on the website to the contract customer, in German, once', async () => {
    const key = `balance-${randomUUID()}`;
    const ask = () => run.rt.call('POST', '/v1/public/credit-balance-requests', { body: { contractNumber: contractId, email: customerEmail }, headers: { 'idempotency-key': key } });
    expect((await ask()).status).toBe(202);
    expect((await ask()).status).toBe(202);
    await run.rt.settle();

    const mails = (await mailsTo(customerEmail)).filter((m) => m.subject === `Ihr Support-Zeitguthaben aus Vertrag ${contractId}`);
    expect(mails).toHaveLength(1);
    const text = flat(mails[0].text);
    expect(text).toContain('Guten Tag Treuhand Beispiel AG,');
    expect(text).toContain(`Vertragsjahr: ${flat(dateIn('de', startsOn))} bis ${flat(dateIn('de', endsOn))}`);
    expect(text).toContain('Gewährt: 25 Minuten (25 Minuten aus Ihrem Plan, 0 Minuten aus Zusatzleistungen)');
    expect(text).toContain('Verbraucht: 10 Minuten');
    expect(text).toContain('Verbleibend: 15 Minuten');
    expect(text).toContain('Das Guthaben gilt für: E-mail or phone support, without data checks.');
    expect(text).toContain('verfällt am Ende des Vertragsjahres: Es wird nie ins nächste übertragen.');
    expect(mails[0].html).toContain('lang="de"');
  });

  it('notes the year’s close with the minutes that expired unused, once', async () => {
    const fire = async (at: DateTime) => {
      await run.rt.fireSchedule('credit-years', at.toJSDate());
      await run.rt.settle();
    };
    await fire(yearEndsAt.plus({ minutes: 30 }));
    await fire(yearEndsAt.plus({ days: 1, minutes: 30 }));
    const mails = (await mailsTo(customerEmail)).filter((m) => m.subject.startsWith('Ihr Vertragsjahr ist zu Ende'));
    expect(mails).toHaveLength(1);
    const text = flat(mails[0].text);
    expect(text).toContain(`das am ${flat(dateIn('de', startsOn))} begonnene Vertragsjahr Ihres Supportvertrags ${contractId} ist zu Ende. 15 Minuten Ihres Support-Zeitguthabens blieben ungenutzt`);
    // The term ends with the year: no next year runs yet.
    expect(text).toContain('Ihr Guthaben wird mit Ihrem nächsten Vertragsjahr neu gewährt.');
  });
});
