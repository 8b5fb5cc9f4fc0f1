import type { DomainEvent } from '../../events/catalog';
import type { Catalog } from '../catalog/schema/catalog';
import { billedBy } from './billed-by';
import { bookingDate } from './booking-date';
import type { LedgerLine, LedgerLineKind, SignedMoney } from './line';
import { vatOf } from './vat';

/** Who a source event's lines are billed to and how: the same for every line of the event. */
export interface LineContext {
  catalog: Catalog;
  event: DomainEvent;
  customerId: string;
  /** Whose VAT applies (ISO 3166-1 alpha-2), when known. */
  country: string | undefined;
  contractId: string;
  ticketId?: string;
  /** The zone the booking date is taken in (the contract's). */
  timeZone: string;
  /** The contract's distributor, for reseller billing. */
  distributorId?: string;
}

/** What a line says about itself; the rest comes from its context. */
export type LineFields = Pick<LedgerLine, 'lineId' | 'kind' | 'ref' | 'description' | 'quantity' | 'unit' | 'unitPrice' | 'net' | 'reverses'>;

/** A ledger line: booked on the event's date in the contract's zone, with the customer's VAT and who bills it. */
export function ledgerLine(ctx: LineContext, fields: LineFields): LedgerLine {
  const { event } = ctx;
  const date = bookingDate(event.occurredAt, ctx.timeZone);
  const vat = vatOf(ctx.catalog, ctx.country, date, fields.net);
  return {
    lineId: fields.lineId,
    customerId: ctx.customerId,
    contractId: ctx.contractId,
    ...(ctx.ticketId !== undefined ? { ticketId: ctx.ticketId } : {}),
    date,
    kind: fields.kind,
    ref: fields.ref,
    description: fields.description,
    quantity: fields.quantity,
    unit: fields.unit,
    unitPrice: fields.unitPrice,
    net: fields.net,
    ...(vat ? { vat } : {}),
    billedBy: billedBy(ctx.catalog, ctx.distributorId, fields.net),
    source: { streamId: event.streamId, version: event.version, eventId: event.eventId, type: event.type },
    ...(fields.reverses !== undefined ? { reverses: fields.reverses } : {}),
  };
}

/** The id of the `index`-th line an event gives (its place among the event's own lines, zero-priced ones counted). */
export const eventLineId = (event: DomainEvent, index: number): string => `${event.eventId}#${index}`;
