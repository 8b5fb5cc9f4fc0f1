import * as z from 'zod';

/**
 * Money: an integer amount of minor units (cents, Rappen, grosze) and an ISO 4217 currency.
 * Catalog prices are net: VAT is a per-jurisdiction rate applied on invoice lines, never here.
 */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const Currency = z
  .string()
  .refine((code) => /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code), {
    error: 'Not an ISO 4217 currency code (CHF, EUR, USD …).',
    // An unknown currency makes every comparison with it meaningless: check nothing further.
    abort: true,
  });
export type Currency = z.infer<typeof Currency>;

/** 100 million in major units: a plausible ceiling for any single catalog price. */
export const MAX_AMOUNT = 10_000_000_000;

export const Amount = z
  .int({ error: 'Amounts are integers in minor units (CHF 175.00 is 17500).' })
  .min(0, 'Amounts cannot be negative.')
  .max(MAX_AMOUNT, 'Amount is implausibly large.');

export const Money = z.strictObject({ amount: Amount, currency: Currency });
export type Money = z.infer<typeof Money>;

/** Digits after the decimal point in a currency (2 for CHF, EUR, USD, PLN; 0 for JPY). */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** `CHF 175.00`: for messages, never for invoices (those are formatted in the customer's locale). */
export const formatMoney = ({ amount, currency }: Money): string => {
  const digits = minorDigits(currency);
  return `${currency} ${(amount / 10 ** digits).toFixed(digits)}`;
};
