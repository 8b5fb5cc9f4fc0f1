import { describe, expect, it } from 'vitest';
import type { ContractView } from '../../domain/contract/view';
import { Locale } from '../../events/contract';
import { isMailed, MAILED_TYPES, render } from '../../functions/notifier/render';
import { en } from '../../functions/notifier/templates/en';
import { templatesFor } from '../../functions/notifier/templates/index';
import type { MailedEvent, MailedType, Templates } from '../../functions/notifier/templates/types';
import { functions } from '../../infra/topology';

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
      expect.arrayContaining(['ContractActivated', 'ContractExpired', 'RenewalReminded', 'ContractLapsed', 'ContractRenewed', 'ContractReinstated', 'SystemReviewDue']),
    );
  });

  it('mails exactly the event types the notifier rule routes to it', () => {
    const [trigger] = functions.notifier.triggers;
    expect([...trigger.pattern['detail-type']].sort()).toEqual([...MAILED_TYPES].sort());
    expect([...MAILED_TYPES].sort()).toEqual([...types].sort());
    for (const type of types) expect(isMailed(type)).toBe(true);
    expect(isMailed('ContractOrdered')).toBe(false);
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
