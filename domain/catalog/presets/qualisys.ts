import { loadCatalog } from '../load';
import type { CatalogInput, PlanInput } from '../schema/index';

/**
 * Qualisys system support, from `qualisys-support-agreement.txt`. The published terms are those for
 * the Americas; the seed names no prices at all, so every amount here is an example value.
 */
const everyTier = {
  // The tier table: rows marked "+" for Gold, Diamond and Platinum.
  channels: ['email', 'phone', 'remote-desktop', 'portal'],
  services: ['qtm-upgrades', 'plugin-upgrades', 'bug-fixes', 'info-updates', 'website-login', 'paf-support', 'video-tutorials'],
} as const;
// Rows marked "+" from Diamond up.
const diamondAdds = ['camera-loaner', 'online-tune-up', 'online-advanced-training'] as const;
// Rows marked "+" for Platinum only (the "2-year software support" row is Platinum's 24-month term).
const platinumAdds = ['onsite-training-day', 'lab-setup-review'] as const;

// "We promise response within two business days" for e-mail.
const sla: PlanInput['sla'] = {
  window: 'office-hours-sweden',
  targets: [{ metric: 'first-response', channel: 'email', within: { unit: 'business-days', value: 2 }, from: 'report' }],
};

const officeHours = [{ from: '09:00', to: '17:00' }];

const data: CatalogInput = {
  vendor: { id: 'qualisys', name: 'Qualisys' },
  defaultTimeZone: 'Europe/Stockholm',
  regions: [
    // "These terms are valid only for those located in North or South America."
    { id: 'americas', name: 'North, Central and South America', currency: 'USD' },
    // "Outside of North, South, or Central America, we have different prices, terms and conditions."
    // example value: the seed names neither that region's currency nor its prices.
    { id: 'international', name: 'Outside the Americas', currency: 'EUR' },
  ],
  // example value: the vendor's home rate (Sweden) for customers there; orders name the customer's
  // country. The Americas have no VAT (US sales tax is not modelled).
  vat: [{ country: 'SE', name: 'Moms', percent: 25, since: '1990-07-01' }],
  services: [
    { id: 'qtm-upgrades', name: 'Upgrade to the latest version of QTM' },
    { id: 'plugin-upgrades', name: 'Software plugin upgrades (MATLAB, MotionBuilder, LabVIEW)' },
    { id: 'bug-fixes', name: 'Bug fixes' },
    { id: 'info-updates', name: 'Biannual info updates' },
    { id: 'website-login', name: 'Website login' },
    { id: 'paf-support', name: 'PAF analysis module support' },
    { id: 'video-tutorials', name: 'QAcademy online tutorial videos' },
    { id: 'camera-loaner', name: 'Camera loaner program' },
    { id: 'online-tune-up', name: 'Online tune-up' },
    { id: 'online-advanced-training', name: 'Online advanced training' },
    { id: 'onsite-training-day', name: 'On-site training day' },
    { id: 'lab-setup-review', name: 'Motion capture/lab setup quality review' },
    { id: 'service-maintenance', name: 'Clinical service and maintenance program' },
    { id: 'hardware-repair', name: 'Hardware repairs under extended warranty' },
  ],
  serviceWindows: [
    // Phone support "is handled by our staff in Sweden and follows the respective working schedule".
    // example value: the seed names no hours; office hours in Sweden, Swedish public holidays off.
    {
      id: 'office-hours-sweden',
      name: 'Office hours in Sweden',
      calendar: { timeZone: 'Europe/Stockholm', hours: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours }, holidays: { country: 'se', types: ['public'] } },
    },
  ],
  customerSegments: [{ id: 'clinical', name: 'Qualisys Clinical System (QCS) customers' }],
  plans: [
    {
      id: 'gold',
      name: 'Gold',
      termsMonths: [12], // "Our basic support package starts at 12 months"
      prices: [
        { region: 'americas', termMonths: 12, amount: 250_000, currency: 'USD' }, // example value: the seed names no price
        { region: 'international', termMonths: 12, amount: 230_000, currency: 'EUR' }, // example value: the seed names no price
      ],
      entitlements: { channels: [...everyTier.channels], services: [...everyTier.services] },
      sla,
    },
    {
      id: 'diamond',
      name: 'Diamond',
      termsMonths: [12],
      prices: [
        { region: 'americas', termMonths: 12, amount: 400_000, currency: 'USD' }, // example value: the seed names no price
        { region: 'international', termMonths: 12, amount: 370_000, currency: 'EUR' }, // example value: the seed names no price
      ],
      entitlements: { channels: [...everyTier.channels], services: [...everyTier.services, ...diamondAdds] },
      sla,
    },
    {
      id: 'platinum',
      name: 'Platinum',
      termsMonths: [24], // "the platinum package includes 2 YEARS of software support"
      prices: [
        { region: 'americas', termMonths: 24, amount: 950_000, currency: 'USD' }, // example value: the seed names no price
        { region: 'international', termMonths: 24, amount: 880_000, currency: 'EUR' }, // example value: the seed names no price
      ],
      entitlements: {
        channels: [...everyTier.channels],
        services: [...everyTier.services, ...diamondAdds, ...platinumAdds],
        // "One onsite training day"; per two-year term (the seed does not say per year).
        allowances: [{ service: 'onsite-training-day', count: 1, per: 'term' }],
      },
      sla,
    },
  ],
  addOns: [
    {
      id: 'extended-hardware-warranty',
      name: 'Extended hardware warranty',
      // "can be in addition to or independent of software and support"
      standalone: true,
      // "A current calibration/data trial is required prior to purchasing/renewing"
      requires: [{ id: 'calibration-trial', name: 'A current calibration/data trial', at: ['order', 'renewal'] }],
      // "pricing is based on the size of the total camera system"
      // example value: the seed names neither the bands nor the prices.
      pricing: {
        kind: 'by-size',
        per: 'year',
        unit: 'camera',
        bands: [
          { upTo: 8, prices: [{ region: 'americas', amount: 120_000, currency: 'USD' }, { region: 'international', amount: 110_000, currency: 'EUR' }] },
          { upTo: 16, prices: [{ region: 'americas', amount: 220_000, currency: 'USD' }, { region: 'international', amount: 200_000, currency: 'EUR' }] },
          { upTo: 32, prices: [{ region: 'americas', amount: 400_000, currency: 'USD' }, { region: 'international', amount: 370_000, currency: 'EUR' }] },
          { upTo: null, prices: [{ region: 'americas', amount: 700_000, currency: 'USD' }, { region: 'international', amount: 650_000, currency: 'EUR' }] },
        ],
      },
      grants: { services: ['hardware-repair'] },
      // "shipping cost to the factory in Sweden for repairs is included"; "Coverage of all shipment costs in case of RMA"
      shipping: { paidBy: 'vendor' },
      // "Prioritized servicing in case of failure"
      priority: true,
    },
    {
      id: 'camera-loaner',
      name: 'Camera loaner program',
      // "available for those on Diamond and Platinum plans"
      eligiblePlans: ['diamond', 'platinum'],
      // The tier table lists the loaner under Diamond and Platinum, so joining costs nothing here;
      // what the customer pays is the shipping (the feature list's "additional support purchase"
      // footnote is an open question).
      pricing: { kind: 'included' },
      // "Shipping costs to and from are charged to the customer."
      shipping: { paidBy: 'customer' },
      // "If the camera is not returned, the user will be billed at the existing list price."
      // example value: the seed names no return deadline (30 days after the repaired camera is back).
      loan: { returnWithinDays: 30, notReturned: 'billed-at-list-price' },
    },
    {
      id: 'qcs',
      name: 'Qualisys Clinical System (QCS) support',
      // "includes everything covered by the Diamond plan, plus a service and maintenance program"
      eligiblePlans: ['diamond'],
      // "Participation in the QCS support agreement program is mandatory for QCS customers."
      mandatoryFor: ['clinical'],
      grants: { services: ['service-maintenance'] },
      // example value: the seed names no price.
      pricing: { kind: 'fixed', per: 'year', prices: [{ region: 'americas', amount: 300_000, currency: 'USD' }, { region: 'international', amount: 280_000, currency: 'EUR' }] },
    },
    // PAF analysis module support is "included in the system support agreement": it is the
    // `paf-support` service of every tier, not an add-on.
  ],
  renewal: {
    // example value: the seed names no reminder dates.
    reminderDaysBefore: [60, 30, 7],
    // example value: the seed has no late-renewal rule; only that updates and support need an active contract.
    late: {
      graceDays: 30,
      backdateToAnniversary: true,
      backSupport: null,
      penaltyPercent: 10,
      minimumFee: [
        { region: 'americas', amount: 25_000, currency: 'USD' },
        { region: 'international', amount: 23_000, currency: 'EUR' },
      ],
      cutoffDays: 365,
    },
  },
  contacts: [
    { purpose: 'support', channel: 'portal', address: 'https://support.qualisys.com' },
    { purpose: 'privacy', channel: 'email', address: 'privacy@qualisys.se' },
  ],
  // "your contract needs to be active" for updates and technical support.
  outOfScopeWork: 'refused',
};

export const qualisysCatalog = loadCatalog(data);
