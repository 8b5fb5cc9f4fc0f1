import type { NewEvent } from '../../events/catalog';
import { findPlan } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import type { DecideContext } from '../decider';
import { ConflictError, ValidationError } from '../errors';
import type { Cancel } from './commands';
import { dateIn, lapseAt, latestReviewDue, reviewDueOn, systemReviewOf } from './deadlines';
import { existing, inStatus } from './guards';
import type { ContractState } from './state';

/** Expiry at term end, lapse after grace, cancellation, and the yearly system review. */

/** Expiry is idempotent: an expired (or lapsed) contract stays so and nothing is appended. */
export function expire(state: ContractState, now: string): NewEvent[] {
  const contract = existing(state);
  if (contract.status === 'expired' || contract.status === 'lapsed') return [];
  inStatus(contract, ['active'], 'expire it');
  const endsAt = contract.term!.termEndsAt;
  if (Date.parse(now) < Date.parse(endsAt)) throw new ConflictError('term_not_ended', `The term runs until ${endsAt}.`);
  return [{ type: 'ContractExpired', payload: { contractId: contract.contractId, expiredAt: endsAt } }];
}

/** An expired contract lapses once the grace period is over; idempotent. */
export function lapse(state: ContractState, { now, catalog }: DecideContext<Catalog>): NewEvent[] {
  const contract = existing(state);
  if (contract.status === 'lapsed') return [];
  inStatus(contract, ['expired'], 'let it lapse');
  const at = lapseAt(contract.term!.termEndsOn, catalog.renewal.late.graceDays, contract.timeZone);
  if (Date.parse(now) < Date.parse(at)) throw new ConflictError('grace_not_over', `The grace period for renewing runs until ${at}.`);
  return [{ type: 'ContractLapsed', payload: { contractId: contract.contractId, lapsedAt: at } }];
}

export function cancel(command: Cancel, state: ContractState): NewEvent[] {
  const contract = existing(state);
  const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
  if (reason.length === 0 || reason.length > 1000)
    throw new ValidationError([{ path: 'reason', message: 'Say why the contract is cancelled (at most 1000 characters).' }]);
  inStatus(contract, ['ordered', 'active', 'expired', 'lapsed'], 'cancel it');
  return [{ type: 'ContractCancelled', payload: { contractId: contract.contractId, reason } }];
}

/** Announces the latest system review that has come due (every `everyMonths` from the first term's start), once per due date. */
export function scheduleSystemReview(state: ContractState, { now, catalog }: DecideContext<Catalog>): NewEvent[] {
  const contract = existing(state);
  const review = systemReviewOf(catalog, contract.planId, contract.addOns);
  if (!review) {
    const plan = findPlan(catalog, contract.planId)?.name ?? contract.planId;
    throw new ConflictError('no_system_review', `Neither ${plan} nor the contract's add-ons include a system review.`);
  }
  inStatus(contract, ['active'], 'schedule a system review');
  const since = contract.firstTermStartsOn!;
  const due = latestReviewDue(since, review.everyMonths, dateIn(now, contract.timeZone));
  if (!due) throw new ConflictError('review_not_due', `The first system review is due on ${reviewDueOn(since, review.everyMonths, 1)}.`);
  if (contract.reviewsDue.includes(due)) return [];
  return [{ type: 'SystemReviewDue', payload: { contractId: contract.contractId, dueOn: due } }];
}
