import * as z from 'zod';
import { Channel } from './entitlements';

/** Where customers reach the provider, by purpose (support, escalation, renewal, privacy: the data protection manager) and channel. */
export const Contact = z.strictObject({
  purpose: z.enum(['support', 'escalation', 'renewal', 'privacy']),
  channel: Channel,
  /** An e-mail address, phone number or web address. */
  address: z.string().trim().min(1).max(200),
});
export type Contact = z.infer<typeof Contact>;

/** How sales through resellers are billed. */
export const ResellerBilling = z.strictObject({
  /** Who invoices the end user. */
  endUserInvoicedBy: z.enum(['reseller', 'vendor']),
  /** When the reseller pays the vendor what it collected. */
  remittance: z.enum(['annual-billing', 'per-invoice']),
});
export type ResellerBilling = z.infer<typeof ResellerBilling>;
