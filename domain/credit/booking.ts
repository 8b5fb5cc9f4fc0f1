import type { Booking, WorkEntry } from '../../events/credit';
import { findRegion, findService, hourlyRate } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import { ValidationError } from '../errors';
import type { CreditHolder } from './holder';

/** An entry of a case as booked so far (or about to be). */
export interface CaseEntry {
  entryId: string;
  entry: WorkEntry;
}

/** Where a case is booked: the contract year (if any), the credit it may still draw, and what the credit pays for. */
export interface BookingContext {
  catalog: Catalog;
  holder: CreditHolder;
  yearStartsOn?: string;
  covers: readonly string[];
}

/** A case's billable minutes: its total in whole units of the catalog's minimum (at least one unit once anything is billable). */
export const roundedCase = (minutes: number, unit: number): number => (minutes <= 0 ? 0 : Math.ceil(minutes / unit) * unit);

/** Minutes × hourly rate, in minor units (half up). */
const priceOf = (minutes: number, perHour: number): number => Math.round((minutes * perHour) / 60);

/**
 * Books one entry that adds `billable` minutes to its case: from the credit first when the
 * activity is one the credit pays for, the rest at the activity's hourly rate (reduced where the
 * customer holds the add-on that reduces it). Throws a ValidationError on `activity` when time must
 * be billed and the catalog has no rate for it in the contract's region.
 */
function split(billable: number, entry: WorkEntry, creditLeft: number, ctx: BookingContext): Booking {
  const year = ctx.yearStartsOn ? { yearStartsOn: ctx.yearStartsOn } : {};
  const creditMinutes = ctx.covers.includes(entry.activity) ? Math.min(Math.max(creditLeft, 0), billable) : 0;
  const rest = billable - creditMinutes;
  if (rest === 0) return { basis: 'billable', ...year, billableMinutes: billable, creditMinutes };
  const rate = hourlyRate(ctx.catalog, entry.activity, ctx.holder.regionId, ctx.holder.addOnIds);
  if (!rate) {
    const activity = findService(ctx.catalog, entry.activity)?.name ?? entry.activity;
    const region = findRegion(ctx.catalog, ctx.holder.regionId)?.name ?? ctx.holder.regionId;
    throw new ValidationError([
      { path: 'activity', message: `${activity} has no hourly rate in ${region} and the credit does not pay for it: log it as a free case, or quote it separately.` },
    ]);
  }
  return {
    basis: 'billable',
    ...year,
    billableMinutes: billable,
    creditMinutes,
    billed: {
      minutes: rest,
      perHour: rate.perHour,
      ...(rate.reducedBy ? { reducedBy: rate.reducedBy } : {}),
      amount: { amount: priceOf(rest, rate.perHour.amount), currency: rate.perHour.currency },
    },
  };
}

/**
 * Books the next entry of a case that has `logged` billable minutes so far. Free cases cost
 * nothing; a catalog that bills no support time includes it. Billable time is rounded per case,
 * not per entry: an entry books what it adds to the case's rounded total (7 + 2 + 4 minutes with a
 * 5-minute unit book 10, 0 and 5).
 */
export function bookEntry(logged: number, entry: WorkEntry, creditLeft: number, ctx: BookingContext): { booking: Booking; logged: number } {
  const year = ctx.yearStartsOn ? { yearStartsOn: ctx.yearStartsOn } : {};
  const billing = ctx.catalog.billing;
  if (entry.freeReason) return { booking: { basis: 'free', ...year, billableMinutes: 0, creditMinutes: 0 }, logged };
  if (!billing) return { booking: { basis: 'included', ...year, billableMinutes: 0, creditMinutes: 0 }, logged };
  const after = logged + entry.minutes;
  const billable = roundedCase(after, billing.minimumUnitMinutes) - roundedCase(logged, billing.minimumUnitMinutes);
  return { booking: split(billable, entry, creditLeft, ctx), logged: after };
}

/** Minutes a case has logged that count towards its rounded total. */
export const loggedMinutes = (entries: readonly CaseEntry[]): number =>
  entries.reduce((sum, { entry }) => sum + (entry.freeReason ? 0 : entry.minutes), 0);

/** Books a case's entries anew, in order, drawing on `creditLeft` minutes (a correction). */
export function bookCase(entries: readonly CaseEntry[], creditLeft: number, ctx: BookingContext): Map<string, Booking> {
  const booked = new Map<string, Booking>();
  let logged = 0;
  let left = creditLeft;
  for (const { entryId, entry } of entries) {
    const next = bookEntry(logged, entry, left, ctx);
    logged = next.logged;
    left -= next.booking.creditMinutes;
    booked.set(entryId, next.booking);
  }
  return booked;
}

/** Two bookings are the same (a correction leaves such entries alone). */
export const sameBooking = (a: Booking, b: Booking): boolean =>
  a.basis === b.basis &&
  a.yearStartsOn === b.yearStartsOn &&
  a.billableMinutes === b.billableMinutes &&
  a.creditMinutes === b.creditMinutes &&
  a.billed?.minutes === b.billed?.minutes &&
  a.billed?.amount.amount === b.billed?.amount.amount &&
  a.billed?.perHour.amount === b.billed?.perHour.amount &&
  a.billed?.reducedBy === b.billed?.reducedBy;
