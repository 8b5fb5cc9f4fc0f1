import * as z from 'zod';
import { ContractIdParams } from './contract-id';

/** Request-body pieces shared by the routes that order a contract or change what it holds. */

/** A catalog id (plan, add-on, region …). */
export const CatalogId = z.string().trim().min(1).max(64);

/** An add-on as ordered: the catalog checks eligibility, quantity and size. */
export const AddOnBody = z.strictObject({
  addOnId: CatalogId,
  quantity: z.int().min(1).max(10_000).optional(),
  size: z.int().min(1).max(100_000).optional(),
});

/** A registered person (Support+ style seats); the person id is given by the server. */
export const PersonBody = z.strictObject({ name: z.string().trim().min(1).max(200), email: z.email().max(254) });

export const LicencePackages = z.int().min(1).max(100_000);

/** Integer minor units and an ISO 4217 code. */
export const MoneyBody = z.strictObject({
  amount: z.int().min(1).max(10_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 currency code such as CHF.'),
});

/** `{id}/…/{addOnId}` */
export const AddOnParams = ContractIdParams.extend({ addOnId: CatalogId });
/** `{id}/…/{personId}`: a ULID the server gave the person. */
export const PersonParams = ContractIdParams.extend({ personId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a person id.') });

/** Serial numbers of the devices an agreement covers. */
export const SerialNumbers = z.array(z.string().trim().min(1).max(64)).max(200);

/** A customer id: the ledger's key and a URL path segment (letters, digits, `.`, `_`, `:`, `-`). */
export const CustomerId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'A customer id of up to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit.');

/** ISO 3166-1 alpha-2: the country whose VAT applies to the customer. */
export const CountryBody = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 country code such as CH.');

/** A rental licence: its annual value (in the region's currency) and the catalog's main modules it includes. */
export const LicenceBody = z.strictObject({
  annualValue: MoneyBody,
  mainModules: z.array(CatalogId).max(50).default([]),
});
