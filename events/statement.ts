import * as z from 'zod';

/**
 * The monthly statement of a customer (stream `statement#<customerId>:<YYYY-MM>`, one event): the
 * month's ledger lines as they stood when it was issued, and totals per currency.
 */

const id = z.string().min(1).max(64);
const SignedMoney = z.object({ amount: z.int(), currency: z.string().regex(/^[A-Z]{3}$/) });

export const StatementLine = z.object({
  lineId: z.string().min(1).max(200),
  date: z.iso.date(),
  contractId: z.string().min(1),
  kind: z.string().min(1).max(40),
  description: z.string().min(1).max(500),
  net: SignedMoney,
  vatPercent: z.number().min(0).max(100).optional(),
  vat: SignedMoney,
});
export type StatementLine = z.infer<typeof StatementLine>;

export const StatementIssued = z.object({
  customerId: id,
  /** `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  /** The contract whose customer contact receives the statement. */
  contractId: z.string().min(1),
  lines: z.array(StatementLine),
  /** Lines of the month left out of the e-mail (see the ledger for all). */
  moreLines: z.int().min(0),
  totals: z.array(z.object({ net: SignedMoney, vat: SignedMoney, gross: SignedMoney })),
});
export type StatementIssued = z.infer<typeof StatementIssued>;
