import { DateTime } from 'luxon';
import type { KeptData } from '../../events/privacy';

/** How long invoice records are kept after an erasure (accounting law: 10 years in Switzerland and Germany). */
export const INVOICE_RECORD_YEARS = 10;

/**
 * What an erasure keeps of a customer who was billed: the ledger's invoice lines and the events
 * they come from (amounts, dates, contract and customer numbers; no name, address or e-mail, which
 * are erased), for the accounting law's retention period from the erasure.
 */
export function keptForInvoices(erasedOn: string): KeptData {
  return {
    data: 'Invoice lines (amounts, dates, contract and customer numbers) and the events they come from; not your name, e-mail, tax id or messages',
    reason: `Accounting law requires invoice records to be kept for ${INVOICE_RECORD_YEARS} years`,
    // Ten years from the end of the year of the last invoice we can have issued (the year of the erasure).
    until: `${DateTime.fromISO(erasedOn, { zone: 'UTC' }).year + INVOICE_RECORD_YEARS}-12-31`,
  };
}
