import { daysUntil } from './days';
import { quoteText, termEndedBy } from './quote';
import type { FeeLine, Formatters, OrderLine, Templates } from './types';

// French typography: a no-break space before « : ».
const signature = 'Bien cordialement,\nL’équipe du support';

const days = (n: number) => `${n} ${n === 1 ? 'jour' : 'jours'}`;

const feeLine = (line: FeeLine, f: Formatters): string => {
  switch (line.kind) {
    case 'back-support':
      return `Support rétroactif pour ${line.quantity} mois à ${f.money(line.unitPrice)} par mois`;
    case 'penalty':
      return 'Frais de réactivation';
    case 'minimum-fee':
      return 'Complément jusqu’au montant minimal des frais de réactivation';
  }
};

const orderLine = (line: OrderLine, termMonths: number): string => {
  switch (line.kind) {
    case 'plan':
      return `Formule ${line.ref}, ${termMonths} mois`;
    case 'add-on':
      return `Option ${line.ref}`;
    case 'extra-person':
      return `Personnes enregistrées supplémentaires (${line.ref})`;
  }
};

export const fr: Templates = {
  ContractOrdered: (c, f, e) => ({
    subject: `Nous avons bien reçu votre commande ${e.payload.contractId}`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `Nous vous remercions de votre commande, enregistrée sous le numéro ${e.payload.contractId}\u00a0: formule ${e.payload.planId} pour une durée de ${e.payload.termMonths} mois, à partir du ${f.date(e.payload.startsOn)}.`,
      'Votre devis\u00a0:',
      quoteText(e.payload.quote, f, (line) => orderLine(line, e.payload.termMonths), 'Total', '\u00a0: '),
      'Votre contrat n’est pas encore actif\u00a0: nous vous le confirmerons par e-mail dès qu’il le sera. Merci de rappeler ce numéro pour toute question concernant votre commande.',
      signature,
    ],
  }),
  RenewalRequested: (c, f, e) => {
    const ended = termEndedBy(c, e.occurredAt);
    return {
      subject: `Nous avons bien reçu votre demande de renouvellement (contrat ${c.contractId})`,
      paragraphs: [
        `Bonjour ${c.customer.name},`,
        `Nous avons bien reçu votre demande de renouvellement de votre contrat de support ${c.contractId} (formule ${c.planId}). ${ended ? `Sa dernière période a pris fin le ${f.date(c.termEndsOn)}.` : `Sa période en cours se termine le ${f.date(c.termEndsOn)}.`}`,
        ...(ended ? ['Votre contrat ayant pris fin, un renouvellement tardif peut entraîner des frais de réactivation\u00a0; le cas échéant, ils figureront dans notre offre.'] : []),
        'Nous vous enverrons prochainement notre offre de renouvellement et les prochaines étapes par e-mail. Vous n’avez rien d’autre à faire pour le moment.',
        signature,
      ],
    };
  },
  ContractActivated: (c, f) => ({
    subject: `Confirmation de votre contrat de support ${c.contractId}`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `Nous vous remercions de votre commande. Votre contrat de support ${c.contractId} (formule ${c.planId}) est conclu pour une durée de ${c.termMonths} mois, du ${f.date(c.termStartsOn)} au ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      'Conservez précieusement ce numéro\u00a0: vous en aurez besoin pour toute demande d’assistance et pour renouveler votre contrat.',
      signature,
    ],
  }),
  ContractExpired: (c, f) => ({
    subject: `Votre contrat de support ${c.contractId} a expiré`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `Votre contrat de support ${c.contractId} (formule ${c.planId}) a pris fin le ${f.instant(c.expiredAt ?? c.termEndsAt, c.customer.timeZone)}. Sans contrat en cours de validité, nous ne pouvons plus vous fournir de mises à jour logicielles ni d’assistance technique.`,
      'Pour le renouveler, il vous suffit de répondre à cet e-mail ou d’utiliser le formulaire de renouvellement sur notre site internet.',
      signature,
    ],
  }),
  RenewalReminded: (c, f, e) => {
    const left = daysUntil(e.payload.termEndsOn, e.occurredAt, c.customer.timeZone);
    return {
      subject: `Votre contrat de support ${c.contractId} arrive à échéance le ${f.date(e.payload.termEndsOn)}`,
      paragraphs: [
        `Bonjour ${c.customer.name},`,
        `Votre contrat de support ${c.contractId} (formule ${c.planId}) arrive à échéance le ${f.date(e.payload.termEndsOn)}, soit dans ${days(left)}.`,
        'Pour le renouveler, il vous suffit de répondre à cet e-mail ou d’utiliser le formulaire de renouvellement sur notre site internet en indiquant votre numéro de contrat. En renouvelant avant l’échéance, vous continuez à bénéficier sans interruption des mises à jour logicielles et de l’assistance technique.',
        signature,
      ],
    };
  },
  ContractLapsed: (c, f, e) => ({
    subject: `Votre contrat de support ${c.contractId} est résilié`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `Le délai de grâce pour renouveler votre contrat de support ${c.contractId} (formule ${c.planId}) a pris fin le ${f.instant(e.payload.lapsedAt, c.customer.timeZone)}\u00a0; votre contrat n’est donc plus en vigueur.`,
      'Vous pouvez encore le renouveler, mais un renouvellement tardif peut entraîner des frais de réactivation. Répondez à cet e-mail ou utilisez le formulaire de renouvellement sur notre site internet\u00a0: nous vous enverrons un devis.',
      signature,
    ],
  }),
  ContractRenewed: (c, f, e) => ({
    subject: `Votre contrat de support ${c.contractId} est renouvelé`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `Nous vous remercions de votre renouvellement. Votre contrat de support ${c.contractId} (formule ${c.planId}) court désormais du ${f.date(e.payload.termStartsOn)} au ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      `Prix de la nouvelle période\u00a0: ${f.money(e.payload.price)}`,
      signature,
    ],
  }),
  ContractReinstated: (c, f, e) => ({
    subject: `Votre contrat de support ${c.contractId} est réactivé`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `Votre contrat de support ${c.contractId} (formule ${c.planId}) a été réactivé. La nouvelle période court du ${f.date(e.payload.termStartsOn)} au ${f.instant(e.payload.termEndsAt, c.customer.timeZone)}.`,
      'Votre contrat n’étant plus en vigueur, des frais de réactivation s’appliquent\u00a0:',
      [...e.payload.lines.map((line) => `${feeLine(line, f)}\u00a0: ${f.money(line.amount)}`), `Total\u00a0: ${f.money(e.payload.total)}`].join('\n'),
      'Les mises à jour logicielles et le support technique reprennent dès le paiement de ces frais.',
      signature,
    ],
  }),
  ReactivationFeePaid: (c, f, e) => ({
    subject: `Paiement reçu pour le contrat de support ${c.contractId}`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `Merci\u00a0: nous avons reçu ${f.money(e.payload.paid)} au titre des frais de réactivation de votre contrat de support ${c.contractId} (référence ${e.payload.reference}).`,
      e.payload.outstanding.amount > 0
        ? `Reste à payer\u00a0: ${f.money(e.payload.outstanding)}. Les mises à jour logicielles et le support technique reprendront une fois les frais entièrement réglés\u00a0; la période en cours court jusqu’au ${f.instant(c.termEndsAt, c.customer.timeZone)}.`
        : `Les frais sont entièrement réglés\u00a0: les mises à jour logicielles et le support technique sont de nouveau disponibles jusqu’au ${f.instant(c.termEndsAt, c.customer.timeZone)}.`,
      signature,
    ],
  }),
  ContractCancelled: (c, f, e) => ({
    subject: `Votre contrat de support ${c.contractId} est résilié`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `Votre contrat de support ${c.contractId} (formule ${c.planId}) a été résilié le ${f.instant(e.occurredAt, c.customer.timeZone)}. Motif\u00a0: ${e.payload.reason}`,
      'Il ne couvre désormais plus ni les mises à jour logicielles ni le support technique. Pour être de nouveau assisté, veuillez passer une nouvelle commande sur notre site.',
      signature,
    ],
  }),
  SystemReviewDue: (c, f, e) => ({
    subject: `Votre révision annuelle du système est à prévoir (contrat ${c.contractId})`,
    paragraphs: [
      `Bonjour ${c.customer.name},`,
      `La révision annuelle du système prévue par votre contrat de support ${c.contractId} (formule ${c.planId}) est à effectuer à partir du ${f.date(e.payload.dueOn)}.`,
      'Vous n’avez rien à faire\u00a0: nous vous contacterons prochainement pour convenir d’une date.',
      signature,
    ],
  }),
};
