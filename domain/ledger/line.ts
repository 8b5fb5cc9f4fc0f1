/**
 * A line of the billing ledger (a read model): one amount a customer owes (or is credited, when
 * negative), net of VAT, with the VAT rate of the customer's jurisdiction shown separately, and
 * the event that caused it.
 */
export type LedgerLineKind =
  /** The plan's price for a term or year (per licence package where the plan is priced so: maintenance). */
  | 'agreement'
  /** An add-on's price (Support+, extended hardware warranty, half-fare subscription …). */
  | 'add-on'
  /** Registered persons beyond those an add-on includes. */
  | 'extra-person'
  /** A reinstatement's fee line (back support, penalty, minimum fee). */
  | 'reactivation-fee'
  /** Ticket time beyond the credit, at the activity's rate; negative for a reversal. */
  | 'support-time'
  /** A loaned device not returned, at its list price. */
  | 'loaner';

/** Signed integer minor units. */
export interface SignedMoney {
  amount: number;
  currency: string;
}

export interface LedgerLine {
  /** Unique and stable: the causing event's id and the line's place among its lines. */
  lineId: string;
  customerId: string;
  contractId: string;
  ticketId?: string;
  /** The date the line is booked on (YYYY-MM-DD, in the contract's zone). */
  date: string;
  kind: LedgerLineKind;
  /** The plan, add-on or activity (catalog service) the line prices. */
  ref: string;
  description: string;
  quantity: number;
  /** What one unit is: a year, a term, a licence package, a person, a minute … */
  unit: string;
  /** The price of one unit, or the hourly rate for support time. */
  unitPrice: SignedMoney;
  net: SignedMoney;
  /** The customer's VAT: country, rate in force on `date`, and the amount (absent when the catalog has no rate for the country). */
  vat?: { country: string; percent: number; amount: SignedMoney };
  /** Who invoices the end user, and what a reseller remits to the vendor. */
  billedBy: { party: 'vendor' } | { party: 'reseller'; distributorId: string; remitsToVendor: SignedMoney; remittance: 'annual-billing' | 'per-invoice' };
  /** The event that caused the line. */
  source: { streamId: string; version: number; eventId: string; type: string };
  /** For a reversal: the line it reverses. */
  reverses?: string;
}

/** The ledger's rows in the `views` table: one partition per customer, sorted by date then line. */
export const ledgerPartition = (customerId: string): string => `ledger#${customerId}`;
export const ledgerSort = (line: Pick<LedgerLine, 'date' | 'lineId'>): string => `line#${line.date}#${line.lineId}`;

/** Which customers have lines in a month (`YYYY-MM`): one marker row per customer, for the monthly statements. */
export const statementMonthPartition = (month: string): string => `statement-month#${month}`;
export const statementMonthSort = (customerId: string): string => `customer#${customerId}`;
