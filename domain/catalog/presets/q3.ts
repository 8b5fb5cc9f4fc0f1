import { loadCatalog } from '../load';
import type { CatalogInput, PlanInput } from '../schema/index';

/**
 * Q3 support concept, from `q3-support-concept-fr.txt` (French). Support comes with a current rental
 * licence of one of four variants; each rental year includes free support time (from CHF 100 of
 * annual rent), then support is billed by the hour. Prices are net (footnote 1).
 */
const chf = (francs: number) => ({ amount: francs * 100, currency: 'CHF' });

const variant = (id: string, name: string): PlanInput => ({
  id,
  name,
  // Credit is granted "par année (loyer annuel)": the rental year.
  termsMonths: [12],
  // No list price: the rent depends on the variant and the modules, and the seed names none.
  // Without a current rental licence "nous ne pouvons plus vous fournir de support".
  requires: [{ id: 'current-rental-licence', name: 'A current Q3 rental licence', at: ['order', 'renewal', 'ticket'] }],
  entitlements: {
    // "par e-mail", "par téléphone (Q3 Infoline)", "par formation / séance de télémaintenance"
    channels: ['email', 'phone', 'remote-desktop'],
    services: ['first-installation', 'user-support'],
  },
});

const data: CatalogInput = {
  vendor: { id: 'q3', name: 'Q3 Software' },
  // example value: the seed names no zone; its Infoline is a Bern (031) number, so Switzerland.
  defaultTimeZone: 'Europe/Zurich',
  regions: [{ id: 'ch', name: 'Switzerland', currency: 'CHF', country: 'CH' }],
  // Footnote 1: prices "hors TVA". example values: the Swiss standard rates (7.7 %, 8.1 % from 2024).
  vat: [
    { country: 'CH', name: 'Swiss VAT', percent: 7.7, since: '2018-01-01' },
    { country: 'CH', name: 'Swiss VAT', percent: 8.1, since: '2024-01-01' },
  ],
  services: [
    { id: 'first-installation', name: 'Installation and licence entry at the first installation (first-level service)' },
    { id: 'user-support', name: 'E-mail or phone support, without data checks' },
    { id: 'training', name: 'Training (remote session)' },
    { id: 'data-checks', name: 'Data checks' },
    { id: 'forms', name: 'Form adaptations' },
    { id: 'programming', name: 'Individual programming' },
    { id: 'direct-line', name: 'Direct line to the support team' },
  ],
  plans: [variant('standard', 'Standard'), variant('advanced', 'Advanced'), variant('profi', 'Profi'), variant('premium', 'Premium')],
  addOns: [
    {
      id: 'half-fare',
      name: 'Half-fare subscription',
      // "L'abonnement demi-tarif est aussi valable pour vos demandes d'assistance."
      // example value: the seed names no price for the subscription itself.
      pricing: { kind: 'fixed', per: 'year', prices: [{ region: 'ch', ...chf(240) }] },
    },
    {
      id: 'support-plus',
      name: 'Support+',
      // "pour les licences de location Profi et Premium"
      eligiblePlans: ['profi', 'premium'],
      // "un abonnement annuel «Support+» pour CHF 565.-"
      pricing: { kind: 'fixed', per: 'year', prices: [{ region: 'ch', ...chf(565) }] },
      // "valable pour une personne enregistrée"; "Chaque personne enregistrée supplémentaire coûte
      // CHF 115.- par année"; table: extra user "abo demi-tarif obligatoire".
      seats: { included: 1, extra: { per: 'year', prices: [{ region: 'ch', ...chf(115) }], requiresAddOn: 'half-fare' } },
      // "120 minutes supplémentaires"; "également valable pour le contrôle des données et la formation"
      credit: { extraMinutes: 120, alsoCovers: ['data-checks', 'training'] },
      // "Ligne PME directe vers l'équipe d'assistance"
      grants: { services: ['direct-line'] },
      // "Traitement prioritaire par rapport à toutes les autres demandes d'assistance"
      priority: true,
      // "La quantité des abonnements Support+ est limitée."
      // example value: the seed says the number is limited but names none.
      capacity: { maxActive: 50 },
    },
  ],
  credit: {
    period: 'contract-year',
    // Footnote 2: "valable dès un loyer annuel de CHF 100.-"
    minimumAnnualValue: [{ region: 'ch', ...chf(100) }],
    // The free minutes follow the e-mail/phone rows of the table ("à cela gratuit par année").
    covers: ['user-support'],
    // Footnote 3: "Modules principaux sont: COFI, Salaires, Factures, Créanciers"
    mainModules: [
      { id: 'cofi', name: 'COFI (financial accounting)' },
      { id: 'payroll', name: 'Salaires (payroll)' },
      { id: 'invoices', name: 'Factures (invoices)' },
      { id: 'creditors', name: 'Créanciers (creditors)' },
    ],
    scopes: [
      { id: 'single-module', name: 'Single module', minMainModules: 0 },
      { id: 'several-main-modules', name: 'Several main modules', minMainModules: 2 },
    ],
    allowances: [
      { plan: 'standard', scope: 'single-module', minutes: 5 },
      { plan: 'advanced', scope: 'single-module', minutes: 10 },
      { plan: 'profi', scope: 'single-module', minutes: 15 },
      { plan: 'premium', scope: 'single-module', minutes: 25 },
      { plan: 'standard', scope: 'several-main-modules', minutes: 10 },
      { plan: 'advanced', scope: 'several-main-modules', minutes: 15 },
      { plan: 'profi', scope: 'several-main-modules', minutes: 25 },
      { plan: 'premium', scope: 'several-main-modules', minutes: 35 },
    ],
    // Footnote 2: "ne peut pas être vendu, cumulé ou repris dans la prochaine période de loyer"
    sellable: false,
    cumulative: false,
    carriesOver: false,
    // "Nous vous transmettons en outre dans chaque e-mail d'assistance votre avoir actuel."
    balanceInEveryReply: true,
  },
  billing: {
    // "Unité de temps minimale par cas de support: 5 min."
    minimumUnitMinutes: 5,
    rates: [
      // "CHF 175.-/h"; "avec un abonnement demi-tarif ... seulement CHF 119.-/h"
      { service: 'user-support', region: 'ch', perHour: chf(175), reduced: { withAddOn: 'half-fare', perHour: chf(119) } },
      // "Formation, contrôle de données, formulaires: 175.-/h"; the half fare "n'est pas valable
      // pour la contrôle des données, adaptations des formulaires et formations".
      { service: 'training', region: 'ch', perHour: chf(175) },
      { service: 'data-checks', region: 'ch', perHour: chf(175) },
      { service: 'forms', region: 'ch', perHour: chf(175) },
      // "Programmation individuelle: 195.-/h"; the half fare is for answering support requests only.
      { service: 'programming', region: 'ch', perHour: chf(195) },
    ],
    // "Les demandes d'assistance sont en règle générale payantes, sauf ..."
    freeCases: [
      { id: 'first-installation', name: 'Installation at the first installation (first-level service)' },
      { id: 'licence-entry', name: 'Entering the licence code at the first installation' },
      { id: 'verified-software-error', name: 'A software error verified by Q3' },
    ],
  },
  renewal: {
    // example value: the seed names no reminder dates.
    reminderDaysBefore: [30, 14],
    // example value: the seed has no late-renewal rule; only that without a current rental
    // licence there is no support. Here the rental year keeps its anniversary, and after 90 days
    // a new rental order is needed.
    late: {
      graceDays: 14,
      backdateToAnniversary: true,
      backSupport: null,
      penaltyPercent: 0,
      minimumFee: [{ region: 'ch', ...chf(50) }],
      cutoffDays: 90,
    },
  },
  contacts: [
    { purpose: 'support', channel: 'email', address: 'support@q3software.ch' },
    { purpose: 'support', channel: 'phone', address: '031 511 49 49' },
  ],
  // Once the credit is used up, support requests are billed by the hour.
  outOfScopeWork: 'billed-hourly',
};

export const q3Catalog = loadCatalog(data);
