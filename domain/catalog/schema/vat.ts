import * as z from 'zod';
import { Name } from './basics';
import { checkUnique, type Path, type Report } from './checks';

/** ISO 3166-1 alpha-2 country code. */
export const Country = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 country code such as CH.');

/**
 * A VAT rate of a jurisdiction (a country) from a date on. Invoice lines show the rate in force on
 * their date for the customer's country; a country with no rate shows none.
 */
export const VatRate = z.strictObject({
  country: Country,
  name: Name.optional(),
  /** Percent with at most two decimals (8.1 for 8.1 %). */
  percent: z.number().min(0).max(100).refine((p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'At most two decimals.'),
  /** In force from this date (YYYY-MM-DD) until the next rate of the same country. */
  since: z.iso.date(),
});
export type VatRate = z.infer<typeof VatRate>;

export function checkVat(rates: readonly VatRate[], at: Path, report: Report): void {
  checkUnique(rates, (r) => `${r.country}/${r.since}`, (i) => [...at, i, 'since'], report, 'rate for country and date');
}

/** The VAT rate in force for `country` on `date` (YYYY-MM-DD), if the catalog has one. */
export function vatRateOn(rates: readonly VatRate[], country: string | undefined, date: string): VatRate | undefined {
  if (!country) return undefined;
  return rates
    .filter((r) => r.country === country && r.since <= date)
    .reduce<VatRate | undefined>((latest, r) => (latest && latest.since >= r.since ? latest : r), undefined);
}
