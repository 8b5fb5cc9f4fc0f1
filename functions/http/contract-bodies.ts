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
