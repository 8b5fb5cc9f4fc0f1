import { describe, expect, it } from 'vitest';
import type { ContractView } from '../../domain/contract/view';
import { Locale } from '../../events/contract';
import { callsForMail, formatters, isMailed, MAILED_TYPES, render } from '../../functions/notifier/render';
import { en } from '../../functions/notifier/templates/en';
import { templatesFor } from '../../functions/notifier/templates/index';
import type { MailedEvent, MailedType, Templates } from '../../functions/notifier/templates/types';
import { functions } from '../../infra/topology';
import { TICKET_MAILED_TYPES } from '../../functions/notifier/tickets/render-ticket';
import { balanceFacts, balanceLineIn, CREDIT_MAILED_TYPES, renderCreditMail } from '../../functions/notifier/credit/render-credit';
import { creditWords } from '../../functions/notifier/credit/words';
import { renderStatementMail, STATEMENT_MAILED_TYPE } from '../../functions/notifier/statements/render-statement';
import { statementWords } from '../../functions/notifier/statements/words';
import { renderTicketMail } from '../../functions/notifier/tickets/render-ticket';
import { presets } from '../../domain/catalog/presets/index';
import type { CreditBalance } from '../../domain/credit/balance';
import type { TicketView } from '../../domain/ticket/view';

/** Every locale and every mailed event, derived so that a new one is covered without editing this file. */
const locales = Locale.options;
// `en` is declared as `Templates`, so its keys are exactly the interface's (no more, no fewer).
const types = Object.keys(en) as (keyof Templates)[];

/** One month name per locale, as Intl writes it in a date ("1 lutego 2026"); a new locale must add one. */
const february = { en: 'February', fr: 'février', pl: 'lutego', de: 'Februar', sv: 'februari' } satisfies Record<Locale, string>;

const name = '<b>Zoë & Co</b>';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/**
 * The event each mail is about (its own facts come from the event); every date in February. The
 * type makes a new mailed event fail to compile here until it has its sample.
 */
const events: { [T in MailedType]: MailedEvent<T> } = {
  ContractOrdered: {
    occurredAt: '2026-01-20T10:00:00.000Z',
    payload: {
      contractId: 'C-2026-0042', channel: 'website',
      customer: { name, email: 'zoe@example.com', locale: 'en', timeZone: 'Europe/Stockholm' },
      regionId: 'americas', planId: 'gold', termMonths: 12, startsOn: '2026-02-01', licencePackages: 1, addOns: [{ addOnId: 'camera-loaner' }], registeredPersons: [],
      quote: {
        lines: [
          { kind: 'plan', ref: 'gold', description: 'Gold, 12 months', quantity: 1, unitPrice: usd(250_000), amount: usd(250_000) },
          { kind: 'add-on', ref: 'camera-loaner', description: 'Camera loaner', quantity: 2, unitPrice: usd(12_345), amount: usd(24_690) },
        ],
        total: usd(274_690),
      },
    },
  },
  // Before the term ends on 1 February 2027: a renewal on time.
  RenewalRequested: { occurredAt: '2027-01-10T09:00:00.000Z', payload: { contractId: 'C-2026-0042', channel: 'website' } },
  ContractActivated: {
    occurredAt: '2026-01-20T10:00:00.000Z',
    payload: { contractId: 'C-2026-0042', termStartsOn: '2026-02-01', termEndsOn: '2027-02-01', termStartsAt: '2026-01-31T23:00:00.000Z', termEndsAt: '2027-01-31T23:00:00.000Z' },
  },
  ContractExpired: { occurredAt: '2027-02-01T00:05:00.000Z', payload: { contractId: 'C-2026-0042', expiredAt: '2027-01-31T23:00:00.000Z' } },
  // Sent on 2 January (Stockholm) for a term ending on 1 February: 30 days left.
  RenewalReminded: { occurredAt: '2027-01-01T23:15:00.000Z', payload: { contractId: 'C-2026-0042', offsetDays: 30, termEndsOn: '2027-02-01' } },
  ContractLapsed: { occurredAt: '2027-02-03T00:10:00.000Z', payload: { contractId: 'C-2026-0042', lapsedAt: '2027-02-02T23:00:00.000Z' } },
  ContractRenewed: {
    occurredAt: '2027-01-20T10:00:00.000Z',
    payload: {
      contractId: 'C-2026-0042', termStartsOn: '2027-02-01', termEndsOn: '2028-02-01', termStartsAt: '2027-01-31T23:00:00.000Z', termEndsAt: '2028-01-31T23:00:00.000Z',
      price: usd(250_000),
    },
  },
  ContractReinstated: {
    occurredAt: '2027-03-20T10:00:00.000Z',
    payload: {
      contractId: 'C-2026-0042', termStartsOn: '2027-02-01', termEndsOn: '2028-02-01', termStartsAt: '2027-01-31T23:00:00.000Z', termEndsAt: '2028-01-31T23:00:00.000Z',
      lines: [
        { kind: 'back-support', description: 'Back-support for 2 lapsed months', quantity: 2, unitPrice: usd(20_834), amount: usd(41_668) },
        { kind: 'penalty', description: 'Reactivation fee: 10 %', quantity: 1, unitPrice: usd(25_000), amount: usd(25_000) },
      ],
      total: usd(66_668),
    },
  },
  ReactivationFeePaid: {
    occurredAt: '2027-03-22T10:00:00.000Z',
    payload: { contractId: 'C-2026-0042', paid: usd(40_000), reference: 'BANK-7731', outstanding: usd(26_668) },
  },
  ContractCancelled: { occurredAt: '2027-02-10T10:00:00.000Z', payload: { contractId: 'C-2026-0042', reason: 'Customer closed the lab' } },
  SystemReviewDue: { occurredAt: '2027-02-01T00:20:00.000Z', payload: { contractId: 'C-2026-0042', dueOn: '2027-02-01' } },
};

const mail = <T extends MailedType>(type: T, locale: Locale) => render(type, view(locale), events[type]);

const view = (locale: Locale): ContractView => ({
  contractId: 'C-2026-0042',
  channel: 'staff',
  customer: { name, email: 'zoe@example.com', locale, timeZone: 'Europe/Stockholm' },
  regionId: 'americas',
  planId: 'gold',
  // Every date the mails show falls in February, so each text names that month in its language.
  startsOn: '2026-02-01',
  termStartsOn: '2026-02-01',
  termEndsOn: '2027-02-01',
  termStartsAt: '2026-01-31T23:00:00.000Z',
  termEndsAt: '2027-01-31T23:00:00.000Z',
  termMonths: 12,
  licencePackages: 1,
  addOns: [],
  registeredPersons: [],
  quote: { lines: [], total: { amount: 0, currency: 'USD' } },
  status: 'expired',
  createdAt: '2026-01-20T10:00:00.000Z',
  expiredAt: '2027-01-31T23:00:00.000Z',
  remindedOffsets: [],
  systemReviewsDue: [],
});

describe('customer e-mail templates', () => {
  it('covers at least the known locales and e-mails', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'fr', 'pl', 'de', 'sv']));
    expect(types).toEqual(
      expect.arrayContaining(['ContractOrdered', 'RenewalRequested', 'ContractActivated', 'ContractExpired', 'RenewalReminded', 'ContractLapsed', 'ContractRenewed', 'ContractReinstated', 'SystemReviewDue']),
    );
  });

  it('mails exactly the event types the notifier rule routes to it', () => {
    const [trigger] = functions.notifier.triggers;
    expect([...trigger.pattern['detail-type']].sort()).toEqual([...MAILED_TYPES, ...TICKET_MAILED_TYPES, ...CREDIT_MAILED_TYPES, STATEMENT_MAILED_TYPE, 'MailingRequested', 'PrivacyRequestReceived', 'PrivacyRequestCompleted', 'PrivacyRequestReminded'].sort());
    expect([...MAILED_TYPES].sort()).toEqual([...types].sort());
    for (const type of types) expect(isMailed(type)).toBe(true);
    expect(isMailed('ContractActivated')).toBe(true);
    expect(isMailed('AddOnAdded')).toBe(false);
  });

  it('mails the order received only for the website form (a staff order is confirmed by its activation mail)', () => {
    expect(callsForMail('ContractOrdered', events.ContractOrdered.payload)).toBe(true);
    expect(callsForMail('ContractOrdered', { ...events.ContractOrdered.payload, channel: 'staff' })).toBe(false);
    expect(callsForMail('RenewalRequested', events.RenewalRequested.payload)).toBe(true);
    expect(callsForMail('ContractActivated', events.ContractActivated.payload)).toBe(true);
  });

  it('confirms an order before activation with the quote lines and total in the customer locale', () => {
    // The view of a contract only ordered: no term yet.
    const { termStartsOn: _a, termEndsOn: _b, termStartsAt: _c, termEndsAt: _d, ...ordered } = view('en');
    const orderedView = (locale: Locale): ContractView => ({ ...ordered, customer: { ...ordered.customer, locale }, status: 'ordered' });
    const order = (locale: Locale) => render('ContractOrdered', orderedView(locale), events.ContractOrdered).text.replace(/\s/g, ' ');
    expect(order('en')).toContain('Plan gold, 12 months: $2,500.00');
    expect(order('en')).toContain('Add-on camera-loaner (2 × $123.45): $246.90');
    expect(order('en')).toContain('Total: $2,746.90');
    expect(order('en')).toContain('starting on February 1, 2026');
    expect(order('en')).toContain('not active yet');
    expect(order('de')).toContain('Gesamt: 2.746,90 $');
    expect(order('fr')).toContain('Total : 2 746,90 $US');
    expect(order('pl')).toContain('Razem: 2746,90 USD');
    expect(order('sv')).toContain('Totalt: 2 746,90 US$');
    // Other mails still need the term.
    expect(() => render('ContractActivated', orderedView('en'), events.ContractActivated)).toThrow(/no term/);
  });

  it('confirms a renewal request, and warns of the reactivation fee once the term has ended', () => {
    const onTime = render('RenewalRequested', view('en'), events.RenewalRequested).text;
    expect(onTime).toContain('current term ends on February 1, 2027');
    expect(onTime).toContain('renewal offer');
    expect(onTime).not.toContain('reactivation fee');
    const late = render('RenewalRequested', view('en'), { ...events.RenewalRequested, occurredAt: '2027-03-10T09:00:00.000Z' }).text;
    expect(late).toContain('last term ended on February 1, 2027');
    expect(late).toContain('reactivation fee');
    expect(render('RenewalRequested', view('de'), { ...events.RenewalRequested, occurredAt: '2027-03-10T09:00:00.000Z' }).text).toContain('Reaktivierungsgebühr');
  });

  it('formats money from minor units in the customer locale, and counts the days left to the term end', () => {
    const reinstated = (locale: Locale) => mail('ContractReinstated', locale).text;
    expect(reinstated('en')).toContain('Total: $666.68');
    expect(reinstated('en')).toContain('Back-support for 2 months at $208.34 a month: $416.68');
    expect(reinstated('en')).toContain('Reactivation fee: $250.00');
    // Intl writes the locale's separators (with a no-break space where the locale uses one).
    expect(reinstated('de').replace(/\s/g, ' ')).toContain('Gesamt: 666,68 $');
    expect(reinstated('fr').replace(/\s/g, ' ')).toContain('666,68 $US');
    expect(reinstated('pl').replace(/\s/g, ' ')).toContain('Razem: 666,68 USD');
    expect(reinstated('sv').replace(/\s/g, ' ')).toContain('Totalt: 666,68 US$');
    expect(mail('ContractRenewed', 'de').text.replace(/\s/g, ' ')).toContain('2.500,00 $');
    expect(mail('RenewalReminded', 'en').text).toContain('in 30 days');
    expect(mail('RenewalReminded', 'de').text).toContain('in 30 Tagen');
    expect(mail('RenewalReminded', 'pl').text).toContain('za 30 dni');
    expect(mail('RenewalReminded', 'en').text).toContain('renewal form');
    expect(mail('ContractLapsed', 'en').text).toContain('reactivation fee');
  });

  it('says that support resumes once the reactivation fee is paid, and what is still owed after a part payment', () => {
    expect(mail('ContractReinstated', 'en').text).toContain('resume as soon as the fee is paid');
    const part = mail('ReactivationFeePaid', 'en').text;
    expect(part).toContain('received $400.00');
    expect(part).toContain('BANK-7731');
    expect(part).toContain('Still to pay: $266.68');
    const settled = render('ReactivationFeePaid', view('en'), {
      ...events.ReactivationFeePaid,
      payload: { ...events.ReactivationFeePaid.payload, outstanding: usd(0) },
    }).text;
    expect(settled).toContain('paid in full');
    expect(settled).not.toContain('Still to pay');
    expect(mail('ReactivationFeePaid', 'pl').text.replace(/\s/g, ' ')).toContain('Pozostało do zapłaty: 266,68 USD');
  });

  it('confirms a cancellation with its reason, also of an order never activated', () => {
    const { termStartsOn: _a, termEndsOn: _b, termStartsAt: _c, termEndsAt: _d, ...ordered } = view('en');
    const text = render('ContractCancelled', { ...ordered, status: 'ordered' }, events.ContractCancelled).text;
    expect(text).toContain('Reason: Customer closed the lab');
    expect(text).toContain('place a new order');
  });

  describe.each(locales)('%s', (locale) => {
    it('has its own templates rather than falling back to English', () => {
      const chosen = templatesFor(locale);
      expect(chosen.locale).toBe(locale);
      expect(Object.keys(chosen.templates).sort()).toEqual([...types].sort());
      if (locale !== 'en') expect(chosen.templates).not.toBe(en);
    });

    it.each(types)('%s', (type) => {
      const mail = render(type, view(locale), events[type] as MailedEvent<typeof type>);
      const english = render(type, view('en'), events[type] as MailedEvent<typeof type>);

      expect(mail.subject.trim()).not.toBe('');
      expect(mail.text.trim()).not.toBe('');
      expect(mail.html).toContain(`lang="${locale}"`);

      // The customer's name is text, never markup.
      expect(mail.html).toContain('&lt;b&gt;Zoë &amp; Co&lt;/b&gt;');
      expect(mail.html).not.toContain('<b>');
      expect(mail.html).not.toContain('Zoë & Co');

      expect(mail.subject).toContain('C-2026-0042');
      expect(mail.text).toContain('C-2026-0042');

      // The same facts as the English mail (whichever of these it shows), in every language.
      const v = view(locale);
      const facts = [v.contractId, v.planId, v.customer.name, v.customer.timeZone, `${v.termMonths} `].filter((fact) => english.text.includes(fact));
      for (const fact of facts) expect(mail.text).toContain(fact);

      // Dates in the customer's language.
      expect(mail.text).toContain(february[locale]);
      if (locale !== 'en') {
        expect(mail.text).not.toContain(february.en);
        expect(mail.subject).not.toBe(english.subject);
        expect(mail.text).not.toBe(english.text);
      }
    });
  });
});

describe('credit, ticket-balance and statement e-mails', () => {
  const year = { startsOn: '2026-02-01', endsOn: '2027-02-01', startsAt: '2026-01-31T23:00:00.000Z', endsAt: '2027-01-31T23:00:00.000Z' };
  const balance = (overrides: Partial<CreditBalance> = {}): CreditBalance => ({
    contractId: 'C-2026-0042', at: '2026-06-01T10:00:00.000Z', year, includedMinutes: 25, addOnMinutes: 120, grantedMinutes: 145, usedMinutes: 30, leftMinutes: 115,
    covers: ['user-support', 'training'], closedYears: [], ...overrides,
  });
  const facts = (b = balance()) => balanceFacts(presets.q3, b);
  const flat = (text: string) => text.replace(/\s/g, ' ');
  const ticket = (locale: Locale) =>
    ({ ticketId: 'T-77', contractId: 'C-2026-0042', subject: 'Salaires', timeZone: 'Europe/Zurich', clocks: [], contact: { name, email: 'zoe@example.com', locale } }) as unknown as TicketView;
  const reply = { payload: { ticketId: 'T-77', agentId: 'a1', body: 'Voici la réponse.' }, occurredAt: '2026-06-01T10:00:00.000Z' };

  it('states the balance in one line: minutes left and the year end, used up, or none', () => {
    expect(balanceLineIn('en', balance())).toBe('Your support-time credit: 115 of 145 minutes left in the contract year until February 1, 2027.');
    expect(flat(balanceLineIn('fr', balance()))).toContain('il reste 115 sur 145 minutes dans l’année contractuelle jusqu’au 1 février 2027');
    expect(balanceLineIn('de', balance())).toContain('noch 115 von 145 Minuten im Vertragsjahr bis 1. Februar 2027');
    expect(balanceLineIn('pl', balance({ leftMinutes: 2 }))).toContain('pozostało 2 z 145 minut');
    expect(balanceLineIn('en', balance({ leftMinutes: 0, usedMinutes: 145 }))).toContain('is used up: further time is billed at the rates of your agreement');
    expect(balanceLineIn('en', balance({ includedMinutes: 0, addOnMinutes: 0, grantedMinutes: 0, leftMinutes: 0, usedMinutes: 0, noCreditReason: 'below' }))).toContain('includes none this contract year');
    const { year: _y, ...noYear } = balance();
    expect(balanceLineIn('sv', noYear)).toContain('inget avtalsår');
  });

  it('ends every e-mail to the reporter with the balance when given, before the signature; staff e-mails and mails without it have none', () => {
    const mail = renderTicketMail('AgentReplied', ticket('fr'), reply, presets.q3, balance())!;
    const paragraphs = mail.text.split('\n\n');
    expect(flat(paragraphs.at(-2)!)).toBe(flat(balanceLineIn('fr', balance())));
    expect(paragraphs.at(-1)).toContain('Meilleures salutations');
    expect(renderTicketMail('AgentReplied', ticket('fr'), reply, presets.q3)!.text).not.toContain('avoir de temps');
  });

  describe.each(locales)('%s', (locale) => {
    const contract = view(locale);

    it('mails the balance asked for: year, granted (table + add-ons), used, left, what it pays for, and that it expires', () => {
      const mail = renderCreditMail('CreditBalanceRequested', contract, facts(), { payload: { contractId: 'C-2026-0042', channel: 'website' } });
      expect(mail.to).toBe('zoe@example.com');
      expect(mail.subject).toContain('C-2026-0042');
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(mail.html).toContain('&lt;b&gt;Zoë &amp; Co&lt;/b&gt;');
      const text = flat(mail.text);
      for (const fact of ['145', '25', '120', '30', '115', 'E-mail or phone support, without data checks', 'Training (remote session)', february[locale]]) expect(text).toContain(fact);
      expect(text).toContain(flat(creditWords[locale].balance.expiry));
      expect(text).toContain(flat(creditWords[locale].balance.usedUp));
    });

    it('notes a closed year with the minutes expired, and the new year when one runs', () => {
      const next = balance({ year: { startsOn: '2027-02-01', endsOn: '2028-02-01', startsAt: '2027-01-31T23:00:00.000Z', endsAt: '2028-01-31T23:00:00.000Z' }, usedMinutes: 0, leftMinutes: 145 });
      const closed = { payload: { contractId: 'C-2026-0042', yearStartsOn: '2026-02-01', expiredMinutes: 20 } };
      const text = flat(renderCreditMail('CreditYearClosed', contract, facts(next), closed).text);
      expect(text).toContain(flat(creditWords[locale].minutes(20)));
      expect(text).toContain(flat(creditWords[locale].minutes(145)));
      expect(text).toContain('2028');
      const { year: _y, ...ended } = next;
      expect(flat(renderCreditMail('CreditYearClosed', contract, facts(ended), closed).text)).toContain(flat(creditWords[locale].closed.renewed));
    });

    it('mails the statement with each line (date, description, net, VAT) and the totals per currency', () => {
      const mail = renderStatementMail(contract, statement);
      const text = flat(mail.text);
      expect(mail.subject).toContain(locale === 'pl' ? 'luty' : february[locale]);
      expect(text).toContain('Support time, ticket T-1');
      expect(text).toContain('Profi, rental year');
      expect(text).toContain(flat(formatters(locale).money({ amount: 129_720, currency: 'CHF' })));
      expect(text).toContain(flat(formatters(locale).percent(8.1)));
      expect(text).toContain(flat(statementWords[locale].more(3)));
    });
  });

  const chf = (amount: number) => ({ amount, currency: 'CHF' });
  const statement = {
    customerId: 'CUST-1', month: '2026-02', contractId: 'C-2026-0042', moreLines: 3,
    lines: [
      { lineId: 'L1', date: '2026-02-03', contractId: 'C-2026-0042', kind: 'support-time', description: 'Support time, ticket T-1', net: chf(4_375), vatPercent: 8.1, vat: chf(354) },
      { lineId: 'L2', date: '2026-02-04', contractId: 'C-2026-0042', kind: 'agreement', description: 'Profi, rental year', net: chf(120_000), vatPercent: 8.1, vat: chf(9_720) },
    ],
    totals: [{ net: chf(120_000), vat: chf(9_720), gross: chf(129_720) }],
  };

  it('writes the statement line and total in English as the brief shows them', () => {
    const text = flat(renderStatementMail(view('en'), statement).text);
    expect(text).toContain('February 3, 2026 — Support time, ticket T-1: CHF 43.75 net, VAT 8.1%: CHF 3.54');
    expect(text).toContain('Total: CHF 1,200.00 net + CHF 97.20 VAT = CHF 1,297.20');
    expect(text).toContain('3 more lines are not listed here');
  });
});
