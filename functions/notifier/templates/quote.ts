import type { PayloadOf } from '../../../events/catalog';
import type { Formatters, MailedContract, OrderLine } from './types';

type Quote = PayloadOf<'ContractOrdered'>['quote'];

/**
 * An order's quote as lines of text, one per quote line and the total: "label (3 × $10.00): $30.00".
 * `label` names a line in the customer's language; `colon` is the locale's separator (French: a
 * no-break space before the colon).
 */
export const quoteText = (quote: Quote, f: Formatters, label: (line: OrderLine) => string, total: string, colon = ': '): string =>
  [
    ...quote.lines.map((line) => `${label(line)}${line.quantity > 1 ? ` (${line.quantity} × ${f.money(line.unitPrice)})` : ''}${colon}${f.money(line.amount)}`),
    `${total}${colon}${f.money(quote.total)}`,
  ].join('\n');

/** Whether the contract's (latest) term had ended when the event happened: a renewal then is late. */
export const termEndedBy = (contract: MailedContract, occurredAt: string): boolean => Date.parse(contract.termEndsAt) <= Date.parse(occurredAt);
