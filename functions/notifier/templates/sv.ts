import { daysUntil } from './days';
import { quoteText, termEndedBy } from './quote';
import type { FeeLine, Formatters, OrderLine, Templates } from './types';

const signature = 'Med vänliga hälsningar\nSupportteamet';

const months = (n: number) => `${n} ${n === 1 ? 'månad' : 'månader'}`;
const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagar'}`;

const feeLine = (line: FeeLine, f: Formatters): string => {
  switch (line.kind) {
    case 'back-support':
      return `Retroaktiv support för ${months(line.quantity)} à ${f.money(line.unitPrice)} per månad`;
    case 'penalty':
      return 'Återaktiveringsavgift';
    case 'minimum-fee':
      return 'Utfyllnad till lägsta återaktiveringsavgift';
  }
};

const orderLine = (line: OrderLine, termMonths: number): string => {
  switch (line.kind) {
    case 'plan':
      return `Paket ${line.ref}, ${months(termMonths)}`;
    case 'add-on':
      return `Tillval ${line.ref}`;
    case 'extra-person':
      return `Ytterligare registrerade personer (${line.ref})`;
  }
};

export const sv: Templates = {
  ContractOrdered: (c, f, e) => ({
    subject: `Vi har tagit emot din beställning ${e.payload.contractId}`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Tack för din beställning, som vi har registrerat med nummer ${e.payload.contractId}: paket ${e.payload.planId} i ${months(e.payload.termMonths)} med start den ${f.date(e.payload.startsOn)}.`,
      'Din offert:',
      quoteText(e.payload.quote, f, (line) => orderLine(line, e.payload.termMonths), 'Totalt'),
      'Avtalet är ännu inte aktivt – vi bekräftar via mejl så snart det är det. Ange gärna numret om du har frågor om din beställning.',
      signature,
    ],
  }),
  RenewalRequested: (c, f, e) => {
    const ended = termEndedBy(c, e.occurredAt);
    return {
      subject: `Vi har tagit emot din begäran om förnyelse av avtal ${c.contractId}`,
      paragraphs: [
        `Hej ${c.customer.name}!`,
        `Tack för att du vill förnya ditt supportavtal ${c.contractId} (paket ${c.planId}). ${ended ? `Den senaste perioden löpte ut den ${f.date(c.termEndsOn)}.` : `Den nuvarande perioden löper ut den ${f.date(c.termEndsOn)}.`}`,
        ...(ended ? ['Eftersom perioden redan har löpt ut kan en sen förnyelse medföra en återaktiveringsavgift; i så fall framgår den av vår offert.'] : []),
        'Vi skickar snart en offert för förnyelsen och information om nästa steg via mejl. Du behöver inte göra något mer just nu.',
        signature,
      ],
    };
  },
  ContractActivated: (c, f) => ({
    subject: `Ditt supportavtal ${c.contractId} är bekräftat`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Tack för din beställning. Ditt supportavtal ${c.contractId} (paket ${c.planId}) gäller i ${months(c.termMonths)}, från ${f.date(c.termStartsOn)} till ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      'Spara gärna avtalsnumret – du behöver det när du kontaktar supporten eller vill förnya avtalet.',
      signature,
    ],
  }),
  ContractExpired: (c, f) => ({
    subject: `Ditt supportavtal ${c.contractId} har löpt ut`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Ditt supportavtal ${c.contractId} (paket ${c.planId}) löpte ut den ${f.instant(c.expiredAt ?? c.termEndsAt, c.customer.timeZone)}. Utan ett giltigt avtal kan vi tyvärr inte längre erbjuda programuppdateringar eller teknisk support.`,
      'Vill du förnya avtalet? Svara bara på det här mejlet eller använd förnyelseformuläret på vår webbplats.',
      signature,
    ],
  }),
  RenewalReminded: (c, f, e) => {
    const left = daysUntil(e.payload.termEndsOn, e.occurredAt, c.customer.timeZone);
    return {
      subject: `Ditt supportavtal ${c.contractId} löper ut den ${f.date(e.payload.termEndsOn)}`,
      paragraphs: [
        `Hej ${c.customer.name}!`,
        `Ditt supportavtal ${c.contractId} (paket ${c.planId}) löper ut den ${f.date(e.payload.termEndsOn)}, om ${days(left)}.`,
        'Vill du förnya det? Svara bara på det här mejlet eller använd förnyelseformuläret på vår webbplats och ange ditt avtalsnummer. Förnyar du före slutdatumet fortsätter programuppdateringar och teknisk support utan avbrott.',
        signature,
      ],
    };
  },
  ContractLapsed: (c, f, e) => ({
    subject: `Ditt supportavtal ${c.contractId} har upphört`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Fristen för att förnya ditt supportavtal ${c.contractId} (paket ${c.planId}) gick ut den ${f.instant(e.payload.lapsedAt, c.customer.timeZone)}, så avtalet har nu upphört.`,
      'Du kan fortfarande förnya det, men en sen förnyelse kan medföra en återaktiveringsavgift. Svara på det här mejlet eller använd förnyelseformuläret på vår webbplats så skickar vi en offert.',
      signature,
    ],
  }),
  ContractRenewed: (c, f, e) => ({
    subject: `Ditt supportavtal ${c.contractId} är förnyat`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Tack för att du förnyar. Ditt supportavtal ${c.contractId} (paket ${c.planId}) gäller nu från ${f.date(e.payload.termStartsOn)} till ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      `Pris för den nya perioden: ${f.money(e.payload.price)}`,
      signature,
    ],
  }),
  ContractReinstated: (c, f, e) => ({
    subject: `Ditt supportavtal ${c.contractId} är återaktiverat`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Ditt supportavtal ${c.contractId} (paket ${c.planId}) är återaktiverat. Den nya perioden gäller från ${f.date(e.payload.termStartsOn)} till ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      'Eftersom avtalet hade upphört tillkommer en återaktiveringsavgift:',
      [...e.payload.lines.map((line) => `${feeLine(line, f)}: ${f.money(line.amount)}`), `Totalt: ${f.money(e.payload.total)}`].join('\n'),
      'Programuppdateringar och teknisk support gäller igen så snart avgiften är betald.',
      signature,
    ],
  }),
  ReactivationFeePaid: (c, f, e) => ({
    subject: `Betalning mottagen för supportavtal ${c.contractId}`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Tack! Vi har tagit emot ${f.money(e.payload.paid)} för återaktiveringsavgiften för ditt supportavtal ${c.contractId} (referens ${e.payload.reference}).`,
      e.payload.outstanding.amount > 0
        ? `Kvar att betala: ${f.money(e.payload.outstanding)}. Programuppdateringar och teknisk support gäller igen när avgiften är helt betald; den nuvarande perioden gäller till ${f.instant(c.termEndsAt, c.customer.timeZone)}.`
        : `Avgiften är nu helt betald, och programuppdateringar och teknisk support gäller igen till ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      signature,
    ],
  }),
  ContractCancelled: (c, f, e) => ({
    subject: `Ditt supportavtal ${c.contractId} har sagts upp`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Ditt supportavtal ${c.contractId} (paket ${c.planId}) sades upp ${f.instant(e.occurredAt, c.customer.timeZone)}. Orsak: ${e.payload.reason}`,
      'Från och med nu omfattar det varken programuppdateringar eller teknisk support. Lägg en ny beställning på vår webbplats om du vill ha support igen.',
      signature,
    ],
  }),
  SystemReviewDue: (c, f, e) => ({
    subject: `Dags för den årliga systemgenomgången (avtal ${c.contractId})`,
    paragraphs: [
      `Hej ${c.customer.name}!`,
      `Den årliga systemgenomgången som ingår i ditt supportavtal ${c.contractId} (paket ${c.planId}) ska göras från och med den ${f.date(e.payload.dueOn)}.`,
      'Du behöver inte göra något – vi hör av oss inom kort för att boka en tid.',
      signature,
    ],
  }),
};
