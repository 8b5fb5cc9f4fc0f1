import * as z from 'zod';
import { Amount, Currency } from '../money';
import { Id, Name } from './basics';
import { checkUnique, type Path } from './checks';
import type { Refs } from './refs';

/**
 * A sales region: a vendor prices (and may term) its plans per region, each in one currency.
 * Every price the catalog gives for a region is in that region's currency.
 */
export const Region = z.strictObject({
  id: Id,
  name: Name,
  currency: Currency,
  /** The country whose VAT applies to its customers unless an order names another (ISO 3166-1 alpha-2). */
  country: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 country code such as CH.').optional(),
});
export type Region = z.infer<typeof Region>;

/** A net amount charged in one region. */
export const RegionalMoney = z.strictObject({ region: Id, amount: Amount, currency: Currency });
export type RegionalMoney = z.infer<typeof RegionalMoney>;

/** The region must exist and the currency must be the region's. */
export function checkRegionalMoney(money: { region: string; currency: string }, at: Path, refs: Refs): void {
  const region = refs.regions.get(money.region);
  if (!region) refs.report([...at, 'region'], `Unknown region ${money.region}.`);
  else if (region.currency !== money.currency)
    refs.report([...at, 'currency'], `Region ${region.id} is priced in ${region.currency}, not ${money.currency}.`);
}

/** A list with at most one amount per region, each in the region's currency. */
export function checkRegionalList(list: readonly RegionalMoney[], at: Path, refs: Refs): void {
  list.forEach((money, i) => checkRegionalMoney(money, [...at, i], refs));
  checkUnique(list, (m) => m.region, (i) => [...at, i, 'region'], refs.report, 'amount for region');
}
