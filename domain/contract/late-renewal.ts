import { DateTime } from 'luxon';
import type { LateRenewal } from '../catalog/schema/late-renewal';
import { formatMoney, type Money } from '../catalog/money';
import { ValidationError, type FieldIssue } from '../errors';

/**
 * The fee for renewing an agreement after its term has ended, as the catalog's late-renewal rule
 * (`catalog.renewal.late`, see its doc comment in `catalog/schema/late-renewal.ts`) sets it.
 * Pure: dates come in as arguments, nothing reads the clock.
 *
 * How the rule is read:
 * - **Days late** are calendar days from `termEndsOn` to `renewOn`, both dates in the contract's
 *   zone. The old term ends at 00:00 local time on `termEndsOn`, so renewing on that day is day 0.
 * - `renewOn` before `termEndsOn`: **on time**, an ordinary renewal.
 * - days late ≤ `graceDays`: **grace**, an ordinary renewal with no fee; the new term starts on
 *   `termEndsOn` (back-dated, no gap). With `graceDays` 0, only the end day itself is grace.
 * - days late > `cutoffDays` (when not null): **refused**, a new order is needed.
 * - otherwise **reinstatement**: the new term starts on `termEndsOn` with `backdateToAnniversary`,
 *   else on `renewOn`; the fee is the sum of these lines, each rounded on its own:
 *   - `back-support` (when `rule.backSupport`): the lapsed months × the monthly rate. Lapsed months
 *     are calendar months from `termEndsOn` to `renewOn` (adding months clamps to a month's last
 *     day, as term ends do: 31 Jan + 1 month = 28 Feb); the days left over are a started month,
 *     which counts as a whole one with `startedMonthCountsWhole` and is dropped otherwise. The
 *     monthly rate is `renewalPrice ÷ termMonths` in integer minor units, **rounded half up**
 *     (USD 100.00 ÷ 12 = USD 8.33; USD 0.18 ÷ 12 = 1.5 cents → USD 0.02), and the line's amount is
 *     exactly quantity × that rate.
 *   - `penalty` (when `penaltyPercent` > 0): `penaltyPercent` % of `renewalPrice`, computed
 *     exactly from the percentage's decimal digits and **rounded half up** to the minor unit.
 *   - `minimum-fee`: when the lines so far add up to less than the rule's `minimumFee` for the
 *     contract's region, a line tops the total up to exactly that minimum. A region the rule
 *     gives no minimum for has none.
 *   Lines whose amount is zero are left out.
 * - A rule the catalog loader refuses (back-dated term *and* back-support; a cut-off before the
 *   grace period ends) is still read literally here: grace is decided before the cut-off, and
 *   both back-dating and back-support apply.
 *
 * All money is integer minor units in one currency: a `minimumFee` in another currency than
 * `renewalPrice` is a `ValidationError`, as are malformed dates, terms and amounts.
 */

export interface FeeLine {
  kind: 'back-support' | 'penalty' | 'minimum-fee';
  description: string;
  quantity: number;
  unitPrice: Money;
  amount: Money;
}

export type LateRenewalQuote =
  /** Renewed before the term ended. */
  | { kind: 'on-time' }
  /** Within `graceDays`: an ordinary renewal, no fee. */
  | { kind: 'grace'; newTermStartsOn: string; daysLate?: number }
  | {
      kind: 'reinstatement';
      newTermStartsOn: string;
      lines: FeeLine[];
      total: Money;
      /** Lapsed months as the rule counts them (a started month whole unless back-support says otherwise). */
      lapsedMonths: number;
      daysLate?: number;
    }
  /** After `cutoffDays`: a new order is needed. */
  | { kind: 'refused'; reason: string; daysLate?: number; cutoffDays?: number };

export interface LateRenewalInput {
  rule: LateRenewal;
  /** The contract's region id (for the `minimumFee` lookup). */
  region: string;
  /** Net price of the plan for the new term in that region. */
  renewalPrice: Money;
  /** Months of the new term. */
  termMonths: number;
  /** YYYY-MM-DD: the old term's end date (the term ends at 00:00 local time that day). */
  termEndsOn: string;
  /** YYYY-MM-DD in the contract's zone: the day the renewal is decided. */
  renewOn: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string, path: string, issues: FieldIssue[]): DateTime | undefined {
  const date = typeof value === 'string' && DATE.test(value) ? DateTime.fromISO(value, { zone: 'UTC' }) : undefined;
  if (!date?.isValid) {
    issues.push({ path, message: 'Expected a calendar date written YYYY-MM-DD.' });
    return undefined;
  }
  return date;
}

const isAmount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** a ÷ b rounded half up, for integers a ≥ 0 and b > 0 (exact: BigInt). */
function divideHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** The percentage as an exact fraction numerator / denominator, from its shortest decimal spelling (12.5 → 125/10). */
function exactFraction(percent: number): { numerator: bigint; denominator: bigint } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(percent));
  if (!match) throw new ValidationError([{ path: 'rule.penaltyPercent', message: 'Expected a percentage from 0 to 100.' }]);
  const [, whole, fraction = '', exponent = '0'] = match;
  let scale = fraction.length - Number(exponent);
  let digits = BigInt(whole + fraction);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { numerator: digits, denominator: 10n ** BigInt(scale) };
}

/** `percent` % of `amount` minor units, rounded half up. */
export function percentOfHalfUp(amount: number, percent: number): number {
  const { numerator, denominator } = exactFraction(percent);
  return Number(divideHalfUp(BigInt(amount) * numerator, 100n * denominator));
}

/** `amount` ÷ `parts` minor units, rounded half up. */
export function divideAmountHalfUp(amount: number, parts: number): number {
  return Number(divideHalfUp(BigInt(amount), BigInt(parts)));
}

/**
 * Whole calendar months from `from` to `to` (to ≥ from), and the days left over. Adding months
 * clamps to the month's last day (31 Jan + 1 month = 28 Feb), as term ends do.
 */
export function monthsBetween(from: DateTime, to: DateTime): { months: number; days: number } {
  let months = Math.max(0, (to.year - from.year) * 12 + (to.month - from.month));
  while (months > 0 && from.plus({ months }) > to) months -= 1;
  const days = Math.round(to.diff(from.plus({ months }), 'days').days);
  return { months, days };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function quoteLateRenewal(input: LateRenewalInput): LateRenewalQuote {
  const { rule, region, renewalPrice, termMonths } = input;
  const issues: FieldIssue[] = [];
  const endsOn = parseDate(input.termEndsOn, 'termEndsOn', issues);
  const renewOn = parseDate(input.renewOn, 'renewOn', issues);
  if (!Number.isSafeInteger(termMonths) || termMonths < 1) issues.push({ path: 'termMonths', message: 'A term is a whole number of months, at least one.' });
  if (!isAmount(renewalPrice?.amount)) issues.push({ path: 'renewalPrice.amount', message: 'Amounts are non-negative integers in minor units.' });
  if (issues.length > 0 || !endsOn || !renewOn) throw new ValidationError(issues);

  const currency = renewalPrice.currency;
  const minimum = rule.minimumFee.find((m) => m.region === region);
  if (minimum && minimum.currency !== currency)
    throw new ValidationError(
      [{ path: 'renewalPrice.currency', message: `The renewal price is in ${currency}, but the minimum fee for region ${region} is in ${minimum.currency}.` }],
      'A late-renewal fee is computed in one currency.',
    );

  if (renewOn < endsOn) return { kind: 'on-time' };
  const daysLate = Math.round(renewOn.diff(endsOn, 'days').days);
  if (daysLate <= rule.graceDays) return { kind: 'grace', newTermStartsOn: input.termEndsOn, daysLate };
  if (rule.cutoffDays !== null && daysLate > rule.cutoffDays)
    return {
      kind: 'refused',
      reason: `Your agreement lapsed ${plural(daysLate, 'day')} ago; after ${plural(rule.cutoffDays, 'day')} it can no longer be reinstated. Please place a new order.`,
      daysLate,
      cutoffDays: rule.cutoffDays,
    };

  const lapsed = monthsBetween(endsOn, renewOn);
  const startedCountsWhole = rule.backSupport?.startedMonthCountsWhole ?? true;
  const lapsedMonths = lapsed.months + (lapsed.days > 0 && startedCountsWhole ? 1 : 0);
  const money = (amount: number): Money => ({ amount, currency });
  const lines: FeeLine[] = [];

  if (rule.backSupport && lapsedMonths > 0) {
    const rate = divideAmountHalfUp(renewalPrice.amount, termMonths);
    if (rate > 0)
      lines.push({
        kind: 'back-support',
        description:
          `Back-support for ${plural(lapsedMonths, 'lapsed month')} since ${input.termEndsOn}` +
          `${lapsed.days > 0 && startedCountsWhole ? ' (a started month counts as a whole one)' : ''}` +
          ` at ${formatMoney(money(rate))} a month (${formatMoney(renewalPrice)} ÷ ${plural(termMonths, 'month')}, rounded half up)`,
        quantity: lapsedMonths,
        unitPrice: money(rate),
        amount: money(rate * lapsedMonths),
      });
  }

  if (rule.penaltyPercent > 0) {
    const penalty = percentOfHalfUp(renewalPrice.amount, rule.penaltyPercent);
    if (penalty > 0)
      lines.push({
        kind: 'penalty',
        description: `Reactivation fee: ${rule.penaltyPercent} % of the renewal price ${formatMoney(renewalPrice)} (rounded half up)`,
        quantity: 1,
        unitPrice: money(penalty),
        amount: money(penalty),
      });
  }

  const subtotal = lines.reduce((sum, line) => sum + line.amount.amount, 0);
  if (minimum && subtotal < minimum.amount) {
    const topUp = minimum.amount - subtotal;
    lines.push({
      kind: 'minimum-fee',
      description:
        subtotal === 0
          ? `Minimum reactivation fee of ${formatMoney(money(minimum.amount))}`
          : `Top-up to the minimum reactivation fee of ${formatMoney(money(minimum.amount))}`,
      quantity: 1,
      unitPrice: money(topUp),
      amount: money(topUp),
    });
  }

  return {
    kind: 'reinstatement',
    newTermStartsOn: rule.backdateToAnniversary ? input.termEndsOn : input.renewOn,
    lines,
    total: money(lines.reduce((sum, line) => sum + line.amount.amount, 0)),
    lapsedMonths,
    daysLate,
  };
}
