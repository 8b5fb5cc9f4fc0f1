import type { Catalog } from '../catalog/schema/catalog';
import { vatRateOn } from '../catalog/schema/vat';
import type { LedgerLine, SignedMoney } from './line';

/** `numerator / denominator` rounded half away from zero (denominator > 0), in integers. */
export function divideHalfAwayFromZero(numerator: number, denominator: number): number {
  const magnitude = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return numerator < 0 && magnitude > 0 ? -magnitude : magnitude;
}

/**
 * The VAT of a net amount: the rate the catalog has in force for `country` on `date`, and
 * net × percent / 100 rounded half away from zero to a minor unit (so a reversal's VAT is exactly
 * the negative of the original's). Undefined when the catalog has no rate for the country.
 */
export function vatOf(catalog: Catalog, country: string | undefined, date: string, net: SignedMoney): LedgerLine['vat'] {
  const rate = vatRateOn(catalog.vat, country, date);
  if (!rate) return undefined;
  // Percent has at most two decimals: hundredths of a percent are whole, so the product is exact.
  const hundredths = Math.round(rate.percent * 100);
  return { country: rate.country, percent: rate.percent, amount: { amount: divideHalfAwayFromZero(net.amount * hundredths, 10_000), currency: net.currency } };
}
