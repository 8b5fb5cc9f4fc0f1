import type { Locale } from '../../../events/contract';

/** What the credit e-mails (and the balance line of every support e-mail) say, per language. */
export interface CreditWords {
  minutes(n: number): string;
  /** "Label: value" with the locale's separator. */
  colon: string;
  line: {
    left(left: number, granted: string, until: string): string;
    usedUp(granted: string, until: string): string;
    /** A contract year without credit (the catalog's table gives none, or no credit at all). */
    none: string;
    /** No contract year runs (no active term). */
    noYear: string;
  };
  balance: {
    subject(contractId: string): string;
    intro(contractId: string): string;
    year: string;
    range(from: string, until: string): string;
    granted: string;
    /** How the granted minutes add up: the credit table's and the add-ons'. */
    grantedFrom(table: string, addOns: string): string;
    used: string;
    left: string;
    covers(names: string): string;
    expiry: string;
    usedUp: string;
  };
  closed: {
    subject(contractId: string): string;
    body(contractId: string, from: string, expired: string): string;
    next(from: string, until: string, granted: string): string;
    renewed: string;
  };
}

/** Polish nouns take one of three forms after a number (1 minuta, 2 minuty, 5 minut). */
const polish = (n: number, one: string, few: string, many: string) =>
  ({ one, few, many })[new Intl.PluralRules('pl').select(n) as 'one' | 'few' | 'many'] ?? few;

export const creditWords: Record<Locale, CreditWords> = {
  en: {
    minutes: (n) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
    colon: ': ',
    line: {
      left: (l, g, u) => `Your support-time credit: ${l} of ${g} left in the contract year until ${u}.`,
      usedUp: (g, u) => `Your support-time credit (${g} in the contract year until ${u}) is used up: further time is billed at the rates of your agreement.`,
      none: 'Your support-time credit: your agreement includes none this contract year, so support time is billed at the rates of your agreement.',
      noYear: 'Your support-time credit: none, as no contract year of your agreement runs at this time.',
    },
    balance: {
      subject: (id) => `Your support-time credit under agreement ${id}`,
      intro: (id) => `as you asked, here is the support-time credit of your support agreement ${id}:`,
      year: 'Contract year',
      range: (from, until) => `${from} until ${until}`,
      granted: 'Granted',
      grantedFrom: (table, addOns) => `${table} from your plan, ${addOns} from add-ons`,
      used: 'Used',
      left: 'Left',
      covers: (names) => `The credit pays for: ${names}.`,
      expiry: 'Unused credit expires at the end of the contract year: it is never carried over into the next one.',
      usedUp: 'Once the credit is used up, further time is billed at the rates of your agreement.',
    },
    closed: {
      subject: (id) => `Your contract year has ended: support-time credit of agreement ${id}`,
      body: (id, from, expired) => `the contract year of your support agreement ${id} that began on ${from} has ended. ${expired} of its support-time credit remained unused and have expired: credit is never carried over.`,
      next: (from, until, granted) => `Your new contract year runs from ${from} until ${until}, with ${granted} of credit.`,
      renewed: 'Your credit is granted anew with your next contract year.',
    },
  },
  fr: {
    minutes: (n) => `${n} ${n <= 1 ? 'minute' : 'minutes'}`,
    colon: '\u00a0: ',
    line: {
      left: (l, g, u) => `Votre avoir de temps d’assistance\u00a0: il reste ${l} sur ${g} dans l’année contractuelle jusqu’au ${u}.`,
      usedUp: (g, u) => `Votre avoir de temps d’assistance (${g} dans l’année contractuelle jusqu’au ${u}) est épuisé\u00a0: le temps supplémentaire est facturé aux tarifs de votre contrat.`,
      none: 'Votre avoir de temps d’assistance\u00a0: votre contrat n’en comprend pas pour cette année contractuelle\u00a0; le temps d’assistance est facturé aux tarifs de votre contrat.',
      noYear: 'Votre avoir de temps d’assistance\u00a0: aucun, car aucune année contractuelle de votre contrat n’est en cours.',
    },
    balance: {
      subject: (id) => `Votre avoir de temps d’assistance du contrat ${id}`,
      intro: (id) => `Comme demandé, voici l’avoir de temps d’assistance de votre contrat d’assistance ${id}\u00a0:`,
      year: 'Année contractuelle',
      range: (from, until) => `du ${from} au ${until}`,
      granted: 'Accordé',
      grantedFrom: (table, addOns) => `${table} selon votre formule, ${addOns} selon vos options`,
      used: 'Utilisé',
      left: 'Restant',
      covers: (names) => `L’avoir couvre\u00a0: ${names}.`,
      expiry: 'L’avoir non utilisé expire à la fin de l’année contractuelle\u00a0: il n’est jamais reporté sur l’année suivante.',
      usedUp: 'Une fois l’avoir épuisé, le temps supplémentaire est facturé aux tarifs de votre contrat.',
    },
    closed: {
      subject: (id) => `Votre année contractuelle est terminée\u00a0: avoir de temps d’assistance du contrat ${id}`,
      body: (id, from, expired) => `L’année contractuelle de votre contrat d’assistance ${id} commencée le ${from} est terminée. ${expired} de votre avoir de temps d’assistance n’ont pas été utilisées et ont expiré\u00a0: l’avoir n’est jamais reporté.`,
      next: (from, until, granted) => `Votre nouvelle année contractuelle court du ${from} au ${until}, avec un avoir de ${granted}.`,
      renewed: 'Votre avoir est à nouveau accordé avec votre prochaine année contractuelle.',
    },
  },
  de: {
    minutes: (n) => `${n} ${n === 1 ? 'Minute' : 'Minuten'}`,
    colon: ': ',
    line: {
      left: (l, g, u) => `Ihr Support-Zeitguthaben: noch ${l} von ${g} im Vertragsjahr bis ${u}.`,
      usedUp: (g, u) => `Ihr Support-Zeitguthaben (${g} im Vertragsjahr bis ${u}) ist aufgebraucht: weitere Zeit wird zu den Ansätzen Ihres Vertrags verrechnet.`,
      none: 'Ihr Support-Zeitguthaben: Ihr Vertrag enthält in diesem Vertragsjahr keines; Supportzeit wird zu den Ansätzen Ihres Vertrags verrechnet.',
      noYear: 'Ihr Support-Zeitguthaben: keines, da derzeit kein Vertragsjahr Ihres Vertrags läuft.',
    },
    balance: {
      subject: (id) => `Ihr Support-Zeitguthaben aus Vertrag ${id}`,
      intro: (id) => `wie gewünscht, hier das Support-Zeitguthaben Ihres Supportvertrags ${id}:`,
      year: 'Vertragsjahr',
      range: (from, until) => `${from} bis ${until}`,
      granted: 'Gewährt',
      grantedFrom: (table, addOns) => `${table} aus Ihrem Plan, ${addOns} aus Zusatzleistungen`,
      used: 'Verbraucht',
      left: 'Verbleibend',
      covers: (names) => `Das Guthaben gilt für: ${names}.`,
      expiry: 'Nicht genutztes Guthaben verfällt am Ende des Vertragsjahres: Es wird nie ins nächste übertragen.',
      usedUp: 'Ist das Guthaben aufgebraucht, wird weitere Zeit zu den Ansätzen Ihres Vertrags verrechnet.',
    },
    closed: {
      subject: (id) => `Ihr Vertragsjahr ist zu Ende: Support-Zeitguthaben aus Vertrag ${id}`,
      body: (id, from, expired) => `das am ${from} begonnene Vertragsjahr Ihres Supportvertrags ${id} ist zu Ende. ${expired} Ihres Support-Zeitguthabens blieben ungenutzt und sind verfallen: Guthaben wird nie übertragen.`,
      next: (from, until, granted) => `Ihr neues Vertragsjahr läuft vom ${from} bis ${until}, mit ${granted} Guthaben.`,
      renewed: 'Ihr Guthaben wird mit Ihrem nächsten Vertragsjahr neu gewährt.',
    },
  },
  sv: {
    minutes: (n) => `${n} ${n === 1 ? 'minut' : 'minuter'}`,
    colon: ': ',
    line: {
      left: (l, g, u) => `Ditt tillgodohavande av supporttid: ${l} av ${g} kvar under avtalsåret till ${u}.`,
      usedUp: (g, u) => `Ditt tillgodohavande av supporttid (${g} under avtalsåret till ${u}) är förbrukat: ytterligare tid debiteras enligt avtalets priser.`,
      none: 'Ditt tillgodohavande av supporttid: ditt avtal ger inget under detta avtalsår, så supporttid debiteras enligt avtalets priser.',
      noYear: 'Ditt tillgodohavande av supporttid: inget, eftersom inget avtalsår löper just nu.',
    },
    balance: {
      subject: (id) => `Ditt tillgodohavande av supporttid enligt avtal ${id}`,
      intro: (id) => `här är, som du bad om, tillgodohavandet av supporttid för ditt supportavtal ${id}:`,
      year: 'Avtalsår',
      range: (from, until) => `${from} till ${until}`,
      granted: 'Beviljat',
      grantedFrom: (table, addOns) => `${table} från din plan, ${addOns} från tillägg`,
      used: 'Förbrukat',
      left: 'Kvar',
      covers: (names) => `Tillgodohavandet gäller för: ${names}.`,
      expiry: 'Outnyttjat tillgodohavande förfaller när avtalsåret tar slut: det förs aldrig över till nästa år.',
      usedUp: 'När tillgodohavandet är förbrukat debiteras ytterligare tid enligt avtalets priser.',
    },
    closed: {
      subject: (id) => `Ditt avtalsår har tagit slut: supporttid enligt avtal ${id}`,
      body: (id, from, expired) => `avtalsåret för ditt supportavtal ${id} som började den ${from} har tagit slut. ${expired} av tillgodohavandet användes inte och har förfallit: tillgodohavande förs aldrig över.`,
      next: (from, until, granted) => `Ditt nya avtalsår löper från ${from} till ${until}, med ${granted} tillgodo.`,
      renewed: 'Tillgodohavandet beviljas på nytt med ditt nästa avtalsår.',
    },
  },
  pl: {
    minutes: (n) => `${n} ${polish(n, 'minuta', 'minuty', 'minut')}`,
    colon: ': ',
    line: {
      left: (l, g, u) => `Pula bezpłatnego czasu wsparcia: pozostało ${l} z ${g} w roku umownym trwającym do ${u}.`,
      usedUp: (g, u) => `Pula bezpłatnego czasu wsparcia (${g} w roku umownym trwającym do ${u}) została wykorzystana: dalszy czas rozliczamy według stawek z umowy.`,
      none: 'Pula bezpłatnego czasu wsparcia: umowa nie obejmuje jej w tym roku umownym, więc czas wsparcia rozliczamy według stawek z umowy.',
      noYear: 'Pula bezpłatnego czasu wsparcia: brak, ponieważ obecnie nie trwa żaden rok umowny.',
    },
    balance: {
      subject: (id) => `Pula bezpłatnego czasu wsparcia w ramach umowy nr ${id}`,
      intro: (id) => `zgodnie z prośbą przesyłamy stan puli bezpłatnego czasu wsparcia w ramach umowy serwisowej nr ${id}:`,
      year: 'Rok umowny',
      range: (from, until) => `od ${from} do ${until}`,
      granted: 'Przyznano',
      grantedFrom: (table, addOns) => `${table} z planu, ${addOns} z usług dodatkowych`,
      used: 'Wykorzystano',
      left: 'Pozostało',
      covers: (names) => `Pula obejmuje: ${names}.`,
      expiry: 'Niewykorzystany czas wygasa z końcem roku umownego: nigdy nie przechodzi na kolejny rok.',
      usedUp: 'Po wykorzystaniu puli dalszy czas rozliczamy według stawek z umowy.',
    },
    closed: {
      subject: (id) => `Rok umowny dobiegł końca: czas wsparcia w ramach umowy nr ${id}`,
      body: (id, from, expired) => `rok umowny umowy serwisowej nr ${id}, rozpoczęty ${from}, dobiegł końca. Niewykorzystany czas wsparcia (${expired}) wygasł: pula nigdy nie przechodzi na kolejny rok.`,
      next: (from, until, granted) => `Nowy rok umowny trwa od ${from} do ${until}; pula wynosi ${granted}.`,
      renewed: 'Pula zostanie przyznana ponownie wraz z kolejnym rokiem umownym.',
    },
  },
};

export const creditWordsFor = (locale: Locale): CreditWords => (Object.hasOwn(creditWords, locale) ? creditWords[locale] : creditWords.en);
