import { DateTime } from 'luxon';
import type { Catalog } from '../catalog/schema/catalog';
import type { SystemReview } from '../catalog/schema/registration';
import type { OrderedAddOn } from '../../events/contract';
import { findAddOn, findPlan } from '../catalog/lookup';
import { dayStart } from './term';

/**
 * When the scheduled steps of a contract fall due. Pure date arithmetic on calendar dates in the
 * contract's zone, shared by the decider (which refuses a step before it is due) and the view
 * (whose `due()` feeds the sweepers' index), so the two cannot disagree.
 */

/** A calendar date `days` later (or earlier, when negative). */
export const addDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** A calendar date `months` later, clamped to the month's last day (as term ends are). */
export const addMonths = (date: string, months: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate()!;

/** The calendar date of an instant in a zone. */
export const dateIn = (instant: string, zone: string): string => DateTime.fromISO(instant, { zone }).toISODate()!;

/** A reminder `offsetDays` before the term's end day goes out from 00:00 local time that many days earlier. */
export const reminderAt = (termEndsOn: string, offsetDays: number, zone: string): string => dayStart(addDays(termEndsOn, -offsetDays), zone);

/**
 * The reminder offsets of a term still to send: those smaller than every offset already sent (a
 * later reminder supersedes the earlier ones it caught up with, so they never go out after it).
 */
export const pendingReminderOffsets = (offsets: readonly number[], sent: readonly number[]): number[] =>
  offsets.filter((offset) => !sent.includes(offset) && sent.every((s) => offset < s));

/**
 * The instant the grace period is over: renewing on `termEndsOn + graceDays` (local date) is still
 * grace (`quoteLateRenewal`), so the contract lapses at 00:00 of the day after.
 */
export const lapseAt = (termEndsOn: string, graceDays: number, zone: string): string => dayStart(addDays(termEndsOn, graceDays + 1), zone);

/** The system review a contract's plan or held add-ons include (the plan's first). */
export function systemReviewOf(catalog: Catalog, planId: string, addOns: readonly OrderedAddOn[]): SystemReview | undefined {
  return findPlan(catalog, planId)?.systemReview ?? addOns.map((a) => findAddOn(catalog, a.addOnId)?.systemReview).find((r) => r !== undefined);
}

/** The k-th review due date (k ≥ 1): every `everyMonths` from the first term's start. */
export const reviewDueOn = (firstTermStartsOn: string, everyMonths: number, k: number): string => addMonths(firstTermStartsOn, everyMonths * k);

/** The latest review due date on or before `today`, if any has come. */
export function latestReviewDue(firstTermStartsOn: string, everyMonths: number, today: string): string | undefined {
  let latest: string | undefined;
  for (let k = 1; ; k++) {
    const due = reviewDueOn(firstTermStartsOn, everyMonths, k);
    if (due > today) return latest;
    latest = due;
  }
}

/** The first review due date not yet announced. */
export function nextReviewDue(firstTermStartsOn: string, everyMonths: number, announced: readonly string[]): string {
  const last = announced.reduce<string | undefined>((max, d) => (max === undefined || d > max ? d : max), undefined);
  for (let k = 1; ; k++) {
    const due = reviewDueOn(firstTermStartsOn, everyMonths, k);
    if (last === undefined || due > last) return due;
  }
}
