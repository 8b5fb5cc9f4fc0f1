import * as z from 'zod';
import { checkRegionalList, RegionalMoney } from './regions';
import type { Refs } from './refs';
import type { Path } from './checks';

/**
 * Renewing after the term has ended. Days count from the old term's end, in the contract's zone.
 * - within `graceDays`: an ordinary renewal, no fee;
 * - after that, until `cutoffDays` (null: no cut-off): reinstatement with a fee of
 *   back-support for the lapsed months (if `backSupport`) + `penaltyPercent` of the renewal
 *   price, and at least `minimumFee` in the contract's region;
 * - after `cutoffDays`: reinstatement is refused, the customer needs a new order.
 * With `backdateToAnniversary`, the new term starts at the old term's end (so the renewal price
 * already pays for the lapsed months); otherwise it starts when the contract is reinstated.
 */
export const LateRenewal = z.strictObject({
  graceDays: z.int().min(0).max(365),
  backdateToAnniversary: z.boolean(),
  /** Lapsed months charged at the monthly rate (renewal price ÷ term months); null: not charged. */
  backSupport: z.strictObject({ startedMonthCountsWhole: z.boolean() }).nullable(),
  /** A percentage of the renewal price. */
  penaltyPercent: z.number().min(0, 'A penalty cannot be negative.').max(100, 'A penalty is at most 100 %.'),
  minimumFee: z.array(RegionalMoney).default([]),
  cutoffDays: z.int().min(0).max(3650).nullable(),
});
export type LateRenewal = z.infer<typeof LateRenewal>;

export function checkLateRenewal(rule: LateRenewal, at: Path, refs: Refs): void {
  if (rule.cutoffDays !== null && rule.cutoffDays < rule.graceDays)
    refs.report([...at, 'cutoffDays'], `The cut-off (${rule.cutoffDays} days) cannot come before the grace period ends (${rule.graceDays} days).`);
  if (rule.backdateToAnniversary && rule.backSupport)
    refs.report([...at, 'backSupport'], 'A back-dated term already pays for the lapsed months; charging back-support too bills them twice.');
  checkRegionalList(rule.minimumFee, [...at, 'minimumFee'], refs);
}
