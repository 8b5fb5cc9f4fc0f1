import * as z from 'zod';
import { MoneyPayload } from './contract';
import { personal } from './sealed';

/**
 * Events of a contract's support-time account (stream `credit#<contractId>`): the credit of each
 * contract year, the work logged against it, and the customer's balance requests.
 */

const contractId = z.string().min(1);
const id = z.string().min(1).max(64);
const isoDate = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });

/** Who is billed: the customer and the country whose VAT applies (when known). */
export const BillTo = z.object({
  customerId: id,
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
});
export type BillTo = z.infer<typeof BillTo>;

/** A contract year: its first day and the day after its last, and the instants they begin. */
export const CreditYear = z.object({ startsOn: isoDate, endsOn: isoDate, startsAt: isoInstant, endsAt: isoInstant });
export type CreditYear = z.infer<typeof CreditYear>;

/**
 * How one work-log entry was booked:
 * - `free`: a case the catalog lets staff give free (first installation, a verified software error);
 * - `included`: the catalog bills no support time, the agreement covers it;
 * - `billable`: the entry's share of its case's rounded time, paid from credit first, the rest billed.
 */
export const Booking = z.object({
  basis: z.enum(['free', 'included', 'billable']),
  /** The contract year it was booked in (absent: outside any term, so no credit). */
  yearStartsOn: isoDate.optional(),
  /** Minutes this entry adds to its case's rounded total. */
  billableMinutes: z.int().min(0),
  /** Of those, the minutes paid from the year's credit. */
  creditMinutes: z.int().min(0),
  /** The rest, charged at the activity's hourly rate (reduced when an add-on reduces it). */
  billed: z
    .object({
      minutes: z.int().min(1),
      perHour: MoneyPayload,
      reducedBy: id.optional(),
      amount: MoneyPayload,
    })
    .optional(),
});
export type Booking = z.infer<typeof Booking>;

/** What a work-log entry says: minutes, the activity (a catalog service) and, for a free case, why. */
export const WorkEntry = z.object({
  minutes: z.int().min(1).max(24 * 60),
  activity: id,
  freeReason: id.optional(),
  note: personal(z.string().min(1).max(1000)).optional(),
});
export type WorkEntry = z.infer<typeof WorkEntry>;

/** A contract year's credit: the table's minutes plus add-on minutes, and the services it pays for. */
export const CreditYearOpened = z.object({
  contractId,
  billTo: BillTo,
  year: CreditYear,
  /** Minutes from the credit table (plan × module scope); 0 below the annual-value threshold. */
  includedMinutes: z.int().min(0),
  /** Minutes add-ons give on top (e.g. Support+). */
  addOnMinutes: z.int().min(0),
  /** The module scope the table row was chosen by. */
  scope: id.optional(),
  /** The activities (catalog services) the credit pays for. */
  covers: z.array(id),
  /** Why the table gave no minutes, when it gave none. */
  noCreditReason: z.string().min(1).max(300).optional(),
});
export type CreditYearOpened = z.infer<typeof CreditYearOpened>;

/** An add-on bought during the year adds its minutes (and what they pay for) to the open year at once. */
export const CreditAdded = z.object({
  contractId,
  yearStartsOn: isoDate,
  /** The year's add-on minutes and covered activities from now on. */
  addOnMinutes: z.int().min(0),
  covers: z.array(id),
});

/** A contract year ended: what was left of its credit expires (never sold, never carried over). */
export const CreditYearClosed = z.object({ contractId, yearStartsOn: isoDate, expiredMinutes: z.int().min(0) });

export const WorkLogged = z.object({
  contractId,
  billTo: BillTo,
  ticketId: id,
  entryId: id,
  performedAt: isoInstant,
  ...WorkEntry.shape,
  booking: Booking,
});
export type WorkLogged = z.infer<typeof WorkLogged>;

/** One entry whose booking a correction changed: the booking reversed and the one that replaces it. */
export const Rebooking = z.object({ entryId: id, reversed: Booking, rebooked: Booking });
export type Rebooking = z.infer<typeof Rebooking>;

/**
 * A correction of a work-log entry: never an edit. The entry's case is booked anew with the
 * corrected entry; every entry whose booking changes is reversed and re-booked.
 */
export const WorkLogCorrected = z.object({
  contractId,
  billTo: BillTo,
  ticketId: id,
  entryId: id,
  correction: WorkEntry,
  reason: personal(z.string().min(1).max(500)),
  changes: z.array(Rebooking),
});
export type WorkLogCorrected = z.infer<typeof WorkLogCorrected>;

/** The customer asked for the balance (public form); the notifier e-mails it. */
export const CreditBalanceRequested = z.object({ contractId, channel: z.enum(['website', 'staff']) });
