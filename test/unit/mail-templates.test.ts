import { describe, expect, it } from 'vitest';
import type { ContractView } from '../../domain/contract/view';
import { Locale } from '../../events/contract';
import { render } from '../../functions/notifier/render';
import { en } from '../../functions/notifier/templates/en';
import { templatesFor } from '../../functions/notifier/templates/index';
import type { Templates } from '../../functions/notifier/templates/types';

/** Every locale and every mailed event, derived so that a new one is covered without editing this file. */
const locales = Locale.options;
// `en` is declared as `Templates`, so its keys are exactly the interface's (no more, no fewer).
const types = Object.keys(en) as (keyof Templates)[];

/** One month name per locale, as Intl writes it in a date ("1 lutego 2026"); a new locale must add one. */
const february = { en: 'February', fr: 'février', pl: 'lutego', de: 'Februar', sv: 'februari' } satisfies Record<Locale, string>;

const name = '<b>Zoë & Co</b>';

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
    expect(types).toEqual(expect.arrayContaining(['ContractActivated', 'ContractExpired']));
  });

  describe.each(locales)('%s', (locale) => {
    it('has its own templates rather than falling back to English', () => {
      const chosen = templatesFor(locale);
      expect(chosen.locale).toBe(locale);
      expect(Object.keys(chosen.templates).sort()).toEqual([...types].sort());
      if (locale !== 'en') expect(chosen.templates).not.toBe(en);
    });

    it.each(types)('%s', (type) => {
      const mail = render(type, view(locale));
      const english = render(type, view('en'));

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
