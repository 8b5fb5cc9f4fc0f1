import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { presets } from '../../domain/catalog/presets/index';
import { rebuildLedger } from '../../domain/ledger/rebuild';
import { mailsTo, uniqueEmail } from '../support/local-runtime';
import { allEvents, ledgerOrder, storedLedger } from '../support/stored-data';
import { presetRuntime } from '../support/preset-journey';
import { q3ProfiContract } from '../support/q3-contract';

/**
 * A Q3 customer's rental year through the HTTP API (`q3-support-concept-fr.txt`): a profi licence
 * with two main modules and CHF 1,200 rent gets 25 free minutes; work is logged on several cases
 * (rounded per case to 5 minutes), training, forms and programming are billed at their rates, user
 * support past the credit at the half fare; a correction reverses and re-books; every reply states
 * the balance; the year rolls over with what is left expired, and the new year starts afresh.
 *
 * Requests run at the real now, so the contract's first term is placed to end on the first day of
 * next month in Zurich; the roll-over and the monthly statement are fired just after.
 */
describe('a Q3 rental year: credit, overage, correction, roll-over, ledger', () => {
  const run = presetRuntime('q3');
  const call = (method: string, path: string, body?: unknown, token = run.admin) => run.rt.call(method, path, { token, ...(body === undefined ? {} : { body }) });

  const zone = 'Europe/Zurich';
  const nextMonth = DateTime.now().setZone(zone).startOf('month').plus({ months: 1 });
  const startsOn = nextMonth.minus({ months: 12 }).toISODate()!;
  const yearEnd = nextMonth.toUTC();

  it('grants 25 minutes, books work per case and rate, corrects, mails balances, rolls over with nothing carried, and bills it all in the ledger', async () => {
    const email = uniqueEmail('q3-year');
    const customerId = `Q3-${Date.now()}`;
    const created = await call('POST', '/v1/contracts', q3ProfiContract({ name: 'Hélène Favre', email, locale: 'fr', customerId }, startsOn, { addOns: [{ addOnId: 'half-fare' }] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const contractId: string = created.body.contractId;
    await run.rt.settle();

    const ticket = async (subject: string) => {
      const opened = await call('POST', '/v1/tickets', {
        contractId, channel: 'email', category: 'general', severity: 'normal', subject, description: 'Question sur la comptabilité.',
        contact: { name: 'Hélène Favre', email, locale: 'fr' },
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      return opened.body.ticketId as string;
    };
    const work = async (ticketId: string, body: Record<string, unknown>) => {
      const logged = await call('POST', `/v1/tickets/${ticketId}/work-logs`, body);
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
      return logged.body;
    };
    const [t1, t2, t3, t4] = [await ticket('Écriture'), await ticket('Formation'), await ticket('Formulaire'), await ticket('Salaires')];
    await run.rt.settle();

    // Case 1: 7 + 2 minutes of support → one 10-minute case, from the credit.
    const first = await work(t1, { minutes: 7, activity: 'user-support' });
    expect(first.booking).toEqual({ basis: 'billable', yearStartsOn: startsOn, billableMinutes: 10, creditMinutes: 10 });
    expect(first.balance).toMatchObject({ grantedMinutes: 25, usedMinutes: 10, leftMinutes: 15 });
    expect((await work(t1, { minutes: 2, activity: 'user-support' })).booking.billableMinutes).toBe(0);
    // Case 2: training is not paid by the credit (no Support+) and the half fare does not apply to it.
    expect((await work(t2, { minutes: 60, activity: 'training' })).booking.billed).toEqual({ minutes: 60, perHour: { amount: 17_500, currency: 'CHF' }, amount: { amount: 17_500, currency: 'CHF' } });
    expect((await work(t2, { minutes: 30, activity: 'first-installation', freeReason: 'first-installation' })).booking.basis).toBe('free');
    // Case 3: forms at CHF 175/h, programming at CHF 195/h; then the forms entry is corrected.
    const forms = await work(t3, { minutes: 40, activity: 'forms' });
    expect(forms.booking.billed.amount).toEqual({ amount: 11_667, currency: 'CHF' });
    expect((await work(t3, { minutes: 15, activity: 'programming' })).booking.billed.amount).toEqual({ amount: 4_875, currency: 'CHF' });
    // Case 4: 20 minutes of support use the 15 left; 5 are billed at the half fare (CHF 119/h).
    const pastCredit = await work(t4, { minutes: 20, activity: 'user-support', note: 'Clôture annuelle' });
    expect(pastCredit.booking).toMatchObject({ creditMinutes: 15, billed: { minutes: 5, perHour: { amount: 11_900 }, reducedBy: 'half-fare', amount: { amount: 992 } } });
    expect(pastCredit.balance).toMatchObject({ leftMinutes: 0 });

    const corrected = await call('POST', `/v1/tickets/${t3}/work-logs/${forms.entryId}/corrections`, { minutes: 25, activity: 'forms', reason: 'Saisie erronée' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.changes).toEqual([
      expect.objectContaining({ entryId: forms.entryId, reversed: expect.objectContaining({ billableMinutes: 40 }), rebooked: expect.objectContaining({ billableMinutes: 25, billed: expect.objectContaining({ amount: { amount: 7_292, currency: 'CHF' } }) }) }),
    ]);
    // Case 1 corrected from 7 to 1 minute: the case is 5 minutes now, 5 minutes of credit come back.
    const back = await call('POST', `/v1/tickets/${t1}/work-logs/${first.entryId}/corrections`, { minutes: 1, activity: 'user-support', reason: 'Doublon' });
    expect(back.body.balance).toMatchObject({ usedMinutes: 20, leftMinutes: 5 });

    // Every support e-mail states the balance.
    expect((await call('POST', `/v1/tickets/${t4}/actions`, { action: 'reply', body: 'Voici la marche à suivre.' })).status).toBe(200);
    await run.rt.settle();
    const reply = (await mailsTo(email)).find((m) => m.text.includes('Voici la marche à suivre.'));
    expect(reply?.text).toMatch(/5 (min|minutes)/);

    const credit = await call('GET', `/v1/contracts/${contractId}/credit`);
    expect(credit.status).toBe(200);
    expect(credit.body.balance).toMatchObject({ grantedMinutes: 25, usedMinutes: 20, leftMinutes: 5, year: { startsOn } });

    // Renewed on time; the year rolls over at the term's end: 5 minutes expire, the new year has 25, not 30.
    expect((await call('POST', `/v1/contracts/${contractId}/renewals`)).status).toBe(200);
    await run.rt.settle();
    await run.rt.fireSchedule('credit-years', yearEnd.plus({ hours: 1 }).toJSDate());
    await run.rt.settle();
    const after = await call('GET', `/v1/contracts/${contractId}/credit?at=${encodeURIComponent(yearEnd.plus({ days: 1 }).toISO()!)}`);
    expect(after.body.balance).toMatchObject({ grantedMinutes: 25, usedMinutes: 0, leftMinutes: 25, year: { startsOn: nextMonth.toISODate() } });
    expect(after.body.closedYears).toEqual([{ startsOn, endsOn: nextMonth.toISODate(), granted: 25, used: 20, expired: 5 }]);

    // The ledger: the half-fare subscription (order and renewal), and the time beyond the credit.
    const from = nextMonth.minus({ months: 1 }).toISODate();
    const ledger = await call('GET', `/v1/customers/${customerId}/ledger?from=${from}&to=${nextMonth.plus({ days: 1 }).toISODate()}`, undefined, await run.rt.token('billing'));
    expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
    const time = ledger.body.lines.filter((l: { kind: string }) => l.kind === 'support-time').map((l: { ref: string; net: { amount: number } }) => [l.ref, l.net.amount]);
    expect(time.sort()).toEqual([['forms', -11_667], ['forms', 11_667], ['forms', 7_292], ['programming', 4_875], ['training', 17_500], ['user-support', 992]].sort());
    expect(ledger.body.lines.filter((l: { ref: string }) => l.ref === 'half-fare')).toHaveLength(2);
    for (const line of ledger.body.lines) expect(line.vat).toMatchObject({ country: 'CH', percent: 8.1 });
    const net = ledger.body.lines.reduce((sum: number, l: { net: { amount: number } }) => sum + l.net.amount, 0);
    expect(ledger.body.totals).toEqual([expect.objectContaining({ currency: 'CHF', net })]);
    expect((await call('GET', `/v1/customers/${customerId}/ledger?from=${from}&to=${nextMonth.toISODate()}`)).status).toBe(200);

    // The ledger rebuilt from the event store alone is the one the projector stored.
    const mine = (l: { customerId: string }) => l.customerId === customerId;
    expect(rebuildLedger(await allEvents(run.rt), presets.q3).filter(mine).sort(ledgerOrder)).toEqual((await storedLedger(run.rt)).filter(mine));

    // The monthly statement mails the month's lines and totals.
    const month = ledger.body.lines[0].date.slice(0, 7);
    await run.rt.fireSchedule('monthly-statements', DateTime.fromISO(`${month}-01T06:00:00Z`).plus({ months: 1 }).toJSDate());
    await run.rt.settle();
    const statement = (await mailsTo(email)).find((m) => m.subject.startsWith('Votre relevé de'));
    expect(statement?.text).toContain('Total');
    expect((await call('GET', `/v1/customers/${customerId}/ledger?from=${from}&to=${nextMonth.toISODate()}`, undefined, await run.rt.token('agent-l1'))).status).toBe(403);
  });
});
