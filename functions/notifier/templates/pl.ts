import type { Templates } from './types';

// A Polish salutation with the name needs the customer's gender and the vocative case, which we
// do not have (the name may also be a company), so the mail greets with "Dzień dobry," and names
// the customer in a summary line instead. No comma after the closing.
const signature = 'Z poważaniem\nZespół wsparcia technicznego';

const plural = new Intl.PluralRules('pl');
const monthForms: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'miesiąc', few: 'miesiące', many: 'miesięcy' };
/** "na 1 miesiąc", "na 3 miesiące", "na 12 miesięcy". */
const months = (n: number) => `${n} ${monthForms[plural.select(n)] ?? 'miesięcy'}`;

export const pl: Templates = {
  ContractActivated: (c, f) => ({
    subject: `Potwierdzenie zawarcia umowy serwisowej nr ${c.contractId}`,
    paragraphs: [
      'Dzień dobry,',
      `Dziękujemy za zamówienie. Potwierdzamy zawarcie umowy serwisowej nr ${c.contractId} na ${months(c.termMonths)}.`,
      `Klient: ${c.customer.name}\nPakiet: ${c.planId}\nOkres obowiązywania: od ${f.date(c.termStartsOn)} do ${f.instant(c.termEndsAt, c.customer.timeZone)}`,
      'Prosimy zachować numer umowy – będzie potrzebny przy każdym zgłoszeniu do działu wsparcia oraz przy jej przedłużeniu.',
      signature,
    ],
  }),
  ContractExpired: (c, f) => ({
    subject: `Umowa serwisowa nr ${c.contractId} wygasła`,
    paragraphs: [
      'Dzień dobry,',
      `Informujemy, że umowa serwisowa nr ${c.contractId} wygasła. Bez aktywnej umowy nie możemy już dostarczać aktualizacji oprogramowania ani świadczyć wsparcia technicznego.`,
      `Klient: ${c.customer.name}\nPakiet: ${c.planId}\nData wygaśnięcia: ${f.instant(c.expiredAt ?? c.termEndsAt, c.customer.timeZone)}`,
      'Aby przedłużyć umowę, wystarczy odpowiedzieć na tę wiadomość lub skorzystać z formularza przedłużenia na naszej stronie internetowej.',
      signature,
    ],
  }),
};
