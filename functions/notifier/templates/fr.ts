import type { Templates } from './types';

// French typography: a no-break space before « : ».
const signature = 'Bien cordialement,\nL’équipe du support';

export const fr: Templates = {
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
};
