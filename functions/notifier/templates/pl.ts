import { daysUntil } from './days';
import { quoteText, termEndedBy } from './quote';
import type { FeeLine, Formatters, OrderLine, Templates } from './types';

// A Polish salutation with the name needs the customer's gender and the vocative case, which we
// do not have (the name may also be a company), so the mail greets with "Dzień dobry," and names
// the customer in a summary line instead. No comma after the closing.
const signature = 'Z poważaniem\nZespół wsparcia technicznego';

const plural = new Intl.PluralRules('pl');
const monthForms: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'miesiąc', few: 'miesiące', many: 'miesięcy' };
/** "na 1 miesiąc", "na 3 miesiące", "na 12 miesięcy". */
const months = (n: number) => `${n} ${monthForms[plural.select(n)] ?? 'miesięcy'}`;
/** "za 1 dzień", "za 30 dni". */
const days = (n: number) => `${n} ${n === 1 ? 'dzień' : 'dni'}`;

const feeLine = (line: FeeLine, f: Formatters): string => {
  switch (line.kind) {
    case 'back-support':
      return `Wsparcie za okres wsteczny: ${months(line.quantity)} po ${f.money(line.unitPrice)}`;
    case 'penalty':
      return 'Opłata za reaktywację';
    case 'minimum-fee':
      return 'Wyrównanie do minimalnej opłaty za reaktywację';
  }
};

const orderLine = (line: OrderLine, termMonths: number): string => {
  switch (line.kind) {
    case 'plan':
      return `Pakiet ${line.ref}, ${months(termMonths)}`;
    case 'add-on':
      return `Opcja dodatkowa ${line.ref}`;
    case 'extra-person':
      return `Dodatkowe osoby zarejestrowane (${line.ref})`;
  }
};

export const pl: Templates = {
  ContractOrdered: (c, f, e) => ({
    subject: `Potwierdzenie przyjęcia zamówienia nr ${e.payload.contractId}`,
    paragraphs: [
      'Dzień dobry,',
      `Dziękujemy za zamówienie. Przyjęliśmy je pod numerem ${e.payload.contractId}.`,
      `Klient: ${c.customer.name}\nPakiet: ${e.payload.planId}\nOkres obowiązywania: ${months(e.payload.termMonths)}\nData rozpoczęcia: ${f.date(e.payload.startsOn)}`,
      'Wycena:',
      quoteText(e.payload.quote, f, (line) => orderLine(line, e.payload.termMonths), 'Razem'),
      'Umowa nie jest jeszcze aktywna – potwierdzimy jej aktywację w osobnej wiadomości. W razie pytań dotyczących zamówienia prosimy podawać jego numer.',
      signature,
    ],
  }),
  RenewalRequested: (c, f, e) => {
    const ended = termEndedBy(c, e.occurredAt);
    return {
      subject: `Potwierdzenie otrzymania wniosku o przedłużenie umowy nr ${c.contractId}`,
      paragraphs: [
        'Dzień dobry,',
        `Otrzymaliśmy wniosek o przedłużenie umowy serwisowej nr ${c.contractId}.`,
        `Klient: ${c.customer.name}\nPakiet: ${c.planId}\nKoniec okresu obowiązywania: ${f.date(c.termEndsOn)}`,
        ...(ended ? ['Ponieważ okres obowiązywania umowy już upłynął, późne przedłużenie może wiązać się z opłatą za reaktywację – w takim przypadku uwzględnimy ją w ofercie.'] : []),
        'Wkrótce prześlemy ofertę przedłużenia wraz z informacją o dalszych krokach. Na razie nie muszą Państwo nic robić.',
        signature,
      ],
    };
  },
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
  RenewalReminded: (c, f, e) => {
    const left = daysUntil(e.payload.termEndsOn, e.occurredAt, c.customer.timeZone);
    return {
      subject: `Umowa serwisowa nr ${c.contractId} wygasa ${f.date(e.payload.termEndsOn)}`,
      paragraphs: [
        'Dzień dobry,',
        `Przypominamy, że umowa serwisowa nr ${c.contractId} wygasa ${f.date(e.payload.termEndsOn)}, czyli za ${days(left)}.`,
        `Klient: ${c.customer.name}\nPakiet: ${c.planId}`,
        'Aby przedłużyć umowę na kolejny okres, wystarczy odpowiedzieć na tę wiadomość lub skorzystać z formularza przedłużenia na naszej stronie internetowej, podając numer umowy. Przedłużenie przed upływem terminu zapewnia ciągłość aktualizacji oprogramowania i wsparcia technicznego.',
        signature,
      ],
    };
  },
  ContractLapsed: (c, f, e) => ({
    subject: `Umowa serwisowa nr ${c.contractId} utraciła ważność`,
    paragraphs: [
      'Dzień dobry,',
      `Informujemy, że dodatkowy termin na przedłużenie umowy serwisowej nr ${c.contractId} upłynął i umowa utraciła ważność.`,
      `Klient: ${c.customer.name}\nPakiet: ${c.planId}\nKoniec dodatkowego terminu: ${f.instant(e.payload.lapsedAt, c.customer.timeZone)}`,
      'Umowę nadal można przedłużyć, jednak późne przedłużenie może wiązać się z opłatą za reaktywację. Wystarczy odpowiedzieć na tę wiadomość lub skorzystać z formularza przedłużenia na naszej stronie internetowej – prześlemy wycenę.',
      signature,
    ],
  }),
  ContractRenewed: (c, f, e) => ({
    subject: `Umowa serwisowa nr ${c.contractId} została przedłużona`,
    paragraphs: [
      'Dzień dobry,',
      `Dziękujemy za przedłużenie umowy serwisowej nr ${c.contractId}.`,
      `Klient: ${c.customer.name}\nPakiet: ${c.planId}\nNowy okres obowiązywania: od ${f.date(e.payload.termStartsOn)} do ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}\nCena: ${f.money(e.payload.price)}`,
      signature,
    ],
  }),
  ContractReinstated: (c, f, e) => ({
    subject: `Umowa serwisowa nr ${c.contractId} została reaktywowana`,
    paragraphs: [
      'Dzień dobry,',
      `Umowa serwisowa nr ${c.contractId} została reaktywowana. Ponieważ utraciła wcześniej ważność, naliczamy opłatę za reaktywację.`,
      `Klient: ${c.customer.name}\nPakiet: ${c.planId}\nNowy okres obowiązywania: od ${f.date(e.payload.termStartsOn)} do ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}`,
      [...e.payload.lines.map((line) => `${feeLine(line, f)}: ${f.money(line.amount)}`), `Razem: ${f.money(e.payload.total)}`].join('\n'),
      'Aktualizacje oprogramowania i wsparcie techniczne zostaną wznowione po uiszczeniu opłaty.',
      signature,
    ],
  }),
  ReactivationFeePaid: (c, f, e) => ({
    subject: `Otrzymaliśmy płatność za umowę serwisową nr ${c.contractId}`,
    paragraphs: [
      'Dzień dobry,',
      `dziękujemy: otrzymaliśmy ${f.money(e.payload.paid)} tytułem opłaty za reaktywację umowy serwisowej nr ${c.contractId} (tytuł płatności: ${e.payload.reference}).`,
      e.payload.outstanding.amount > 0
        ? `Pozostało do zapłaty: ${f.money(e.payload.outstanding)}. Aktualizacje oprogramowania i wsparcie techniczne zostaną wznowione po uiszczeniu całej opłaty; bieżący okres obowiązywania trwa do ${f.instant(c.termEndsAt, c.customer.timeZone)}.`
        : `Opłata została uiszczona w całości. Aktualizacje oprogramowania i wsparcie techniczne są ponownie dostępne do ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      `Klient: ${c.customer.name}`,
      signature,
    ],
  }),
  ContractCancelled: (c, f, e) => ({
    subject: `Umowa serwisowa nr ${c.contractId} została rozwiązana`,
    paragraphs: [
      'Dzień dobry,',
      `umowa serwisowa nr ${c.contractId} (pakiet ${c.planId}) została rozwiązana ${f.instant(e.occurredAt, c.customer.timeZone)}. Powód: ${e.payload.reason}`,
      'Od tej chwili nie obejmuje ona aktualizacji oprogramowania ani wsparcia technicznego. Aby ponownie korzystać ze wsparcia, prosimy złożyć nowe zamówienie na naszej stronie.',
      `Klient: ${c.customer.name}`,
      signature,
    ],
  }),
  SystemReviewDue: (c, f, e) => ({
    subject: `Zbliża się coroczny przegląd systemu (umowa nr ${c.contractId})`,
    paragraphs: [
      'Dzień dobry,',
      `Coroczny przegląd systemu objęty umową serwisową nr ${c.contractId} przypada na ${f.date(e.payload.dueOn)}.`,
      `Klient: ${c.customer.name}\nPakiet: ${c.planId}`,
      'Nie muszą Państwo nic robić – wkrótce skontaktujemy się, aby ustalić termin.',
      signature,
    ],
  }),
};
