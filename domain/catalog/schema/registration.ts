import * as z from 'zod';
import { checkUnique, type Path } from './checks';
import type { Refs } from './refs';

/** Facts a customer gives to register or to report a fault; code checks them, so they are a fixed set. */
export const CustomerFact = z.enum(['end-user-tax-id', 'device-serial-number', 'contract-number', 'licence-number']);
export type CustomerFact = z.infer<typeof CustomerFact>;

/** What a customer must give to register for support (e.g. on the provider's portal). */
export const Registration = z.strictObject({
  requires: z
    .array(
      z.strictObject({
        fact: CustomerFact,
        /** The value must equal the one given on the order (e.g. the end user's tax id). */
        mustMatchOrder: z.boolean().default(false),
      }),
    )
    .min(1, 'Name at least one fact, or leave out the registration.'),
});
export type Registration = z.infer<typeof Registration>;

/** Return of a faulty device after a replacement was shipped. */
export const Rma = z.strictObject({
  returnWithinDays: z.int().min(1).max(365),
  /** Who pays the return shipment (a prepaid waybill from the provider: `vendor`). */
  returnShippingPaidBy: z.enum(['customer', 'vendor']),
  /** A report is verified (interview, tests, logs) before a replacement ships. */
  verifiedBeforeReplacement: z.boolean(),
});
export type Rma = z.infer<typeof Rma>;

/** A recurring review of the customer's system (logs, firmware, tests). */
export const SystemReview = z.strictObject({
  /** At least once every so many months. */
  everyMonths: z.int().min(1).max(24),
  checks: z.array(z.string().trim().min(1).max(200)).min(1, 'Say what the review checks.'),
});
export type SystemReview = z.infer<typeof SystemReview>;

export function checkRegistration(registration: Registration, at: Path, refs: Refs): void {
  checkUnique(registration.requires, (r) => r.fact, (i) => [...at, 'requires', i, 'fact'], refs.report, 'fact');
}
