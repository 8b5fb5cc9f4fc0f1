import { loadCatalog } from './schema';

/**
 * A minimal catalog for the spine: Qualisys's tiers and terms (seed `qualisys-support-agreement.txt`:
 * Gold and Diamond 12 months, Platinum 2 years). Prices, entitlements and the other vendors'
 * policies come with the full catalog.
 */
export const minimalCatalog = loadCatalog({
  vendor: { id: 'qualisys', name: 'Qualisys' },
  defaultTimeZone: 'Europe/Stockholm',
  plans: [
    { id: 'gold', name: 'Gold', termsMonths: [12] },
    { id: 'diamond', name: 'Diamond', termsMonths: [12] },
    { id: 'platinum', name: 'Platinum', termsMonths: [24] },
  ],
});
