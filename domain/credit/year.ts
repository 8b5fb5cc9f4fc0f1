import { DateTime } from 'luxon';
import type { CreditYear } from '../../events/credit';
import { dayStart } from '../contract/term';
import type { CreditHolder } from './holder';

/** The contract year's length: credit is granted per rental year. */
const YEAR_MONTHS = 12;

const plusMonths = (date: string, months: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ months }).toISODate()!;

/**
 * The contract year holding `at`: 12-month years counted from the latest term's first day (the
 * last one ends with the term). A term renewed early starts in the future; the year before it is
 * then the current one. Outside a term (not yet activated, expired, lapsed) there is none.
 */
export function yearAt(holder: CreditHolder, at: string): CreditYear | undefined {
  const term = holder.term;
  if (!term) return undefined;
  const t = Date.parse(at);
  if (t >= Date.parse(term.termEndsAt)) return undefined;
  const year = (k: number): CreditYear => {
    const startsOn = plusMonths(term.termStartsOn, k * YEAR_MONTHS);
    const next = plusMonths(term.termStartsOn, (k + 1) * YEAR_MONTHS);
    const endsOn = next < term.termEndsOn ? next : term.termEndsOn;
    return { startsOn, endsOn, startsAt: dayStart(startsOn, holder.timeZone), endsAt: dayStart(endsOn, holder.timeZone) };
  };
  if (t < Date.parse(term.termStartsAt)) {
    const before = year(-1);
    return t >= Date.parse(before.startsAt) && !holder.cancelled ? before : undefined;
  }
  for (let k = 0; ; k++) {
    const candidate = year(k);
    if (t < Date.parse(candidate.endsAt)) return candidate;
  }
}
