import type { DomainEvent } from '../../events/catalog';
import type { Booking } from '../../events/credit';
import { findService } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import type { LedgerLine } from './line';
import { ledgerLine, type LineContext } from './line-context';

/**
 * Support time billed beyond the credit. A work-log entry's bookings are numbered: the first
 * (WorkLogged) is 0, each correction that re-books the entry the next; the line of booking k is
 * `work#<entryId>#<k>` (entry ids are unique), its reversal `work#<entryId>#<k>#reversal`. So a
 * reversal names the line it reverses, and a redelivered event gives the same ids again.
 */
export const bookingLineId = (entryId: string, booking: number): string => `work#${entryId}#${booking}`;
export const reversalLineId = (entryId: string, booking: number): string => `${bookingLineId(entryId, booking)}#reversal`;

/**
 * What the ledger keeps of each work-log entry of a contract: the number of its current booking
 * and its activity (a correction's re-bookings of other entries name neither).
 */
export type EntryBookings = Readonly<Record<string, { booking: number; activity: string }>>;

/** The ref of support time whose entry the ledger has not seen (a stream it did not see from the start). */
const UNKNOWN_ACTIVITY = 'support-time';

/** The entries after an event: a new entry at booking 0; each entry a correction re-books moves on by one. */
export function nextEntryBookings(entries: EntryBookings, event: DomainEvent): EntryBookings {
  if (event.type === 'WorkLogged') return { ...entries, [event.payload.entryId]: { booking: 0, activity: event.payload.activity } };
  if (event.type !== 'WorkLogCorrected' || event.payload.changes.length === 0) return entries;
  const next: Record<string, { booking: number; activity: string }> = { ...entries };
  for (const change of event.payload.changes) {
    const was = next[change.entryId];
    const activity = change.entryId === event.payload.entryId ? event.payload.correction.activity : (was?.activity ?? UNKNOWN_ACTIVITY);
    next[change.entryId] = { booking: (was?.booking ?? 0) + 1, activity };
  }
  return next;
}

function supportTime(ctx: LineContext, activity: string, booking: Booking, lineId: string, sign: 1 | -1, reverses?: string): LedgerLine[] {
  const billed = booking.billed;
  if (!billed || billed.amount.amount === 0) return [];
  const service = findService(ctx.catalog, activity)?.name ?? activity;
  return [
    ledgerLine(ctx, {
      lineId,
      kind: 'support-time',
      ref: activity,
      description: `${sign < 0 ? 'Reversal: ' : ''}${service}, ${billed.minutes} min beyond the credit${billed.reducedBy ? ` (reduced rate: ${billed.reducedBy})` : ''}`,
      quantity: sign * billed.minutes,
      unit: 'minute at the hourly rate',
      unitPrice: billed.perHour,
      net: { amount: sign * billed.amount.amount, currency: billed.amount.currency },
      ...(reverses !== undefined ? { reverses } : {}),
    }),
  ];
}

/**
 * The lines a credit event adds, billed to its `billTo`, dated in `timeZone`:
 * - WorkLogged: the booking's billed minutes, at the hourly rate;
 * - WorkLogCorrected: for each entry re-booked, the reversal of its billed booking (negative, the
 *   old activity) and the new booking's billed minutes. `entries` are those before the event.
 */
export function creditLines(catalog: Catalog, event: DomainEvent, entries: EntryBookings, timeZone: string): LedgerLine[] {
  if (event.type !== 'WorkLogged' && event.type !== 'WorkLogCorrected') return [];
  const p = event.payload;
  const ctx: LineContext = { catalog, event, customerId: p.billTo.customerId, country: p.billTo.country, contractId: p.contractId, ticketId: p.ticketId, timeZone };
  if (event.type === 'WorkLogged') return supportTime(ctx, event.payload.activity, event.payload.booking, bookingLineId(p.entryId, 0), 1);
  let current = entries;
  const correction = event.payload;
  return correction.changes.flatMap((change) => {
    const was = current[change.entryId] ?? { booking: 0, activity: UNKNOWN_ACTIVITY };
    // One change at a time, so an entry changed twice in one correction moves on twice.
    current = nextEntryBookings(current, { ...event, payload: { ...correction, changes: [change] } });
    const now = current[change.entryId];
    return [
      ...supportTime(ctx, was.activity, change.reversed, reversalLineId(change.entryId, was.booking), -1, bookingLineId(change.entryId, was.booking)),
      ...supportTime(ctx, now.activity, change.rebooked, bookingLineId(change.entryId, now.booking), 1),
    ];
  });
}
