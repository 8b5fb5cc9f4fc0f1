import { loadCatalog } from '../load';
import type { CatalogInput } from '../schema/index';

/**
 * OnyxCeph³ support categories and levels, from `onyxceph-support-levels.txt`: software maintenance
 * (obligatory, by the vendor, EUR 99 + VAT per licence package and year), technical support
 * (optional, by the distributor, levels 0 and 1) and user support (optional, by support partners).
 */
const data: CatalogInput = {
  vendor: { id: 'onyxceph', name: 'OnyxCeph³ (Image Instruments)' },
  // example value: the seed names no zone; the vendor is based in Germany.
  defaultTimeZone: 'Europe/Berlin',
  // The seed gives one price in EUR for everyone.
  regions: [{ id: 'worldwide', name: 'All regions', currency: 'EUR' }],
  // "EUR 99.00 + VAT": the customer's country decides the rate. example value: the German rate,
  // for customers of the vendor's home market; other countries' rates are added as needed.
  vat: [{ country: 'DE', name: 'Umsatzsteuer', percent: 19, since: '2007-01-01' }],
  services: [
    { id: 'updates', name: 'Software updates' },
    { id: 'upgrades', name: 'Software upgrades' },
    { id: 'technical-support', name: 'Technical support on designated topics' },
    { id: 'user-support', name: 'User support' },
    { id: 'training', name: 'Training in the use of the software' },
  ],
  plans: [
    {
      id: 'software-maintenance',
      name: 'Software maintenance',
      // "Provided by Image Instruments", status "obligatory".
      provider: 'vendor',
      obligatory: true,
      termsMonths: [12], // "a uniform annual fee"
      // "EUR 99 plus VAT per license package, regardless of license type, program version, and
      // license scope. The maintenance fee is also charged for multiple licenses."
      pricePer: 'licence-package',
      prices: [{ region: 'worldwide', termMonths: 12, amount: 9_900, currency: 'EUR' }],
      // "Software maintenance includes the provision of Updates, Upgrades"
      entitlements: { channels: [], services: ['updates', 'upgrades'] },
    },
    {
      id: 'technical-support',
      name: 'Technical support',
      // "Provided by Distributor", status "optional"; "The extent to which he charges annual or
      // one-time fees for this is up to his own decision": no list price.
      provider: 'distributor',
      // example value: the seed names no term.
      termsMonths: [12],
      // example value: the seed names no channels for technical support.
      entitlements: { channels: ['email', 'phone'], services: ['technical-support'] },
      supportLevels: ['level-0', 'level-1'],
    },
    {
      id: 'user-support',
      name: 'User support',
      // "Provided by Supportpartner", status "optional"; "The costs charged for this are determined
      // independently by the respective support provider": no list price.
      provider: 'support-partner',
      // example value: the seed names no term.
      termsMonths: [12],
      // "License packages do not include training or user support", obtained from support partners.
      // example value: the seed names no channels.
      entitlements: { channels: ['email', 'phone'], services: ['user-support', 'training'] },
    },
  ],
  supportLevels: [
    {
      id: 'level-0',
      name: 'Level 0',
      // "Provided by distributor / reseller"; "responsible for providing technical support (level 0 support) as the initial contact"
      providedBy: 'distributor',
      firstContact: true,
      topics: [
        { id: 'server-installation', name: 'Server installation' },
        { id: 'client-installation', name: 'Client installation' },
        { id: 'server-client-connection', name: 'Server–client connection' },
        { id: 'pms-interface', name: 'Establish PMS interface' },
        { id: 'ims-interfaces', name: 'Establish IMS interfaces (2D/3D)' },
        { id: 'activation-request', name: 'Software activation request' },
        { id: 'activation', name: 'Software activation' },
        { id: 'licence-renewal', name: 'Renew/extend licence' },
        { id: 'database-backup', name: 'Database backup' },
        { id: 'software-update', name: 'Software update' },
        { id: 'database-migration', name: 'Database migration' },
      ],
      // "For problems that cannot be solved in this way ... Customer may contact Image Instruments."
      escalatesTo: 'level-1',
    },
    {
      id: 'level-1',
      name: 'Level 1',
      // "Provided by Image Instruments"
      providedBy: 'vendor',
      firstContact: false,
      topics: [
        { id: 'patch-installation', name: 'Installation of patches' },
        { id: 'system-settings', name: 'Other system settings' },
        { id: 'database-restore', name: 'Database restore' },
        { id: 'troubleshooting', name: 'Troubleshooting / error messages' },
      ],
    },
  ],
  // "If the Software was purchased through a reseller, the reseller will charge these costs to its
  // end users and will remit this amount to Image Instruments as part of its annual billing."
  resellerBilling: { endUserInvoicedBy: 'reseller', remittance: 'annual-billing' },
  renewal: {
    // example value: the seed names no reminder dates.
    reminderDaysBefore: [30, 7],
    // example value: the seed has no late-renewal rule. Maintenance is obligatory, so a lapsed
    // customer can always come back (no cut-off), paying the lapsed year and a small minimum fee.
    late: {
      graceDays: 60,
      backdateToAnniversary: true,
      backSupport: null,
      penaltyPercent: 0,
      minimumFee: [{ region: 'worldwide', amount: 2_500, currency: 'EUR' }],
      cutoffDays: null,
    },
  },
  // User support is "determined independently by the respective support provider".
  outOfScopeWork: 'quoted',
};

export const onyxcephCatalog = loadCatalog(data);
