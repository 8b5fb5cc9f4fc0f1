import type { DomainEvent } from '../../events/catalog';
import type { Catalog } from '../catalog/schema/catalog';
import type { TicketView } from '../ticket/view';
import type { LedgerLine } from './line';
import { eventLineId, ledgerLine } from './line-context';

/**
 * A loaned device not returned (LoanerCharged), at its list price: billed to the ticket's `billTo`
 * (taken from the contract at intake; older tickets have none, then the contract is the
 * customer), dated in the ticket's zone (the customer's), by the vendor unless the ticket's
 * distributor resells.
 */
export function ticketLines(catalog: Catalog, event: DomainEvent, after: TicketView): LedgerLine[] {
  if (event.type !== 'LoanerCharged') return [];
  const p = event.payload;
  const loaner = catalog.addOns.find((a) => a.loan);
  const ctx = {
    catalog,
    event,
    customerId: after.billTo?.customerId ?? p.contractId,
    country: after.billTo?.country,
    contractId: p.contractId,
    ticketId: p.ticketId,
    timeZone: after.timeZone,
    ...(after.handler.distributorId ? { distributorId: after.handler.distributorId } : {}),
  };
  return [
    ledgerLine(ctx, {
      lineId: eventLineId(event, 0),
      kind: 'loaner',
      ref: loaner?.id ?? 'loaner',
      description: `Loaned device ${p.loanerSerialNumber} not returned, at list price`,
      quantity: 1,
      unit: 'device',
      unitPrice: p.amount,
      net: p.amount,
    }),
  ];
}
