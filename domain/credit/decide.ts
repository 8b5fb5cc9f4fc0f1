import type { NewEvent } from '../../events/catalog';
import type { WorkEntry } from '../../events/credit';
import { findService } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import type { DecideContext } from '../decider';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { bookCase, bookEntry, loggedMinutes, sameBooking, type BookingContext } from './booking';
import { applyDecided, catchUp } from './catch-up';
import type { CorrectWorkLog, CreditCommand, LogWork } from './commands';
import { creditLeft, type CreditState, type LoggedEntry } from './state';

/** Issues of a work entry: a catalog activity, and a free-case reason the catalog names. */
function entryIssues(entry: WorkEntry, catalog: Catalog, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!findService(catalog, entry.activity))
    issues.push({ path: `${at}activity`, message: `Unknown activity ${entry.activity}; choose one of ${catalog.services.map((s) => s.id).join(', ')}.` });
  if (entry.freeReason !== undefined) {
    const reasons = catalog.billing?.freeCases ?? [];
    if (!catalog.billing) issues.push({ path: `${at}freeReason`, message: `${catalog.vendor.name} bills no support time, so no case needs to be free.` });
    else if (!reasons.some((r) => r.id === entry.freeReason))
      issues.push({ path: `${at}freeReason`, message: `Unknown free case ${entry.freeReason}; choose one of ${reasons.map((r) => r.id).join(', ') || 'none'}.` });
  }
  return issues;
}

const caseOf = (state: CreditState, ticketId: string, yearStartsOn: string | undefined): LoggedEntry[] =>
  state.entries.filter((e) => e.ticketId === ticketId && e.booking.yearStartsOn === yearStartsOn);

const contextOf = (state: CreditState, command: { holder: BookingContext['holder'] }, catalog: Catalog): BookingContext => ({
  catalog,
  holder: command.holder,
  ...(state.open ? { yearStartsOn: state.open.year.startsOn } : {}),
  covers: state.open?.covers ?? [],
});

function logWork(command: LogWork, state: CreditState, catalog: Catalog, now: string): NewEvent[] {
  const issues = entryIssues(command.entry, catalog, '');
  if (Date.parse(command.performedAt) > Date.parse(now)) issues.push({ path: 'performedAt', message: 'Work cannot be logged for a time still to come.' });
  if (issues.length > 0) throw new ValidationError(issues);
  if (state.entries.some((e) => e.entryId === command.entryId)) throw new ConflictError('entry_exists', `Work-log entry ${command.entryId} exists.`);
  // Work done before the open year began belongs to a year whose credit has expired: no credit pays for it.
  const inOpenYear = state.open !== undefined && Date.parse(command.performedAt) >= Date.parse(state.open.year.startsAt);
  const account = inOpenYear ? state : { ...state, open: undefined };
  const ctx = contextOf(account, command, catalog);
  const logged = loggedMinutes(caseOf(state, command.ticketId, ctx.yearStartsOn));
  const { booking } = bookEntry(logged, command.entry, account.open ? creditLeft(account.open) : 0, ctx);
  const { holder, ticketId, entryId, performedAt, entry } = command;
  return [{ type: 'WorkLogged', payload: { contractId: holder.contractId, billTo: holder.billTo, ticketId, entryId, performedAt, ...entry, booking } }];
}

const sameEntry = (a: WorkEntry, b: WorkEntry): boolean =>
  a.minutes === b.minutes && a.activity === b.activity && a.freeReason === b.freeReason && a.note === b.note;

function correctWorkLog(command: CorrectWorkLog, state: CreditState, catalog: Catalog): NewEvent[] {
  const issues = entryIssues(command.correction, catalog, 'correction.');
  if (issues.length > 0) throw new ValidationError(issues);
  const original = state.entries.find((e) => e.entryId === command.entryId && e.ticketId === command.ticketId);
  if (!original) throw new NotFoundError(`No work-log entry ${command.entryId} on ticket ${command.ticketId}.`);
  if (sameEntry(original.entry, command.correction)) return [];
  const ctx = contextOf(state, command, catalog);
  const yearStartsOn = original.booking.yearStartsOn;
  if (yearStartsOn !== ctx.yearStartsOn)
    throw new ConflictError(
      'credit_year_closed',
      `Entry ${command.entryId} was booked in the contract year from ${yearStartsOn ?? 'outside any term'}, which has closed; its bookings can no longer change.`,
    );
  const entries = caseOf(state, command.ticketId, yearStartsOn);
  const caseCredit = entries.reduce((sum, e) => sum + e.booking.creditMinutes, 0);
  const left = (state.open ? creditLeft(state.open) : 0) + caseCredit;
  const rebooked = bookCase(
    entries.map((e) => ({ entryId: e.entryId, entry: e.entryId === command.entryId ? command.correction : e.entry })),
    left,
    ctx,
  );
  const changes = entries
    .filter((e) => !sameBooking(e.booking, rebooked.get(e.entryId)!))
    .map((e) => ({ entryId: e.entryId, reversed: e.booking, rebooked: rebooked.get(e.entryId)! }));
  const { holder, ticketId, entryId, correction, reason } = command;
  return [{ type: 'WorkLogCorrected', payload: { contractId: holder.contractId, billTo: holder.billTo, ticketId, entryId, correction, reason, changes } }];
}

/** Every command first brings the account up to `now` (years closed and opened), then acts. */
export function decide(command: CreditCommand, state: CreditState, { now, catalog }: DecideContext<Catalog>): NewEvent[] {
  const caughtUp = catchUp(state, command.holder, catalog, now);
  const current = applyDecided(state, caughtUp);
  switch (command.type) {
    case 'RollOverCredit':
      return caughtUp;
    case 'RequestCreditBalance':
      return [...caughtUp, { type: 'CreditBalanceRequested', payload: { contractId: command.holder.contractId, channel: command.channel } }];
    case 'LogWork':
      return [...caughtUp, ...logWork(command, current, catalog, now)];
    case 'CorrectWorkLog':
      return [...caughtUp, ...correctWorkLog(command, current, catalog)];
  }
}
