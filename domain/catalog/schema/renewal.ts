import * as z from 'zod';
import { checkUnique, type Path } from './checks';
import { checkLateRenewal, LateRenewal } from './late-renewal';
import type { Refs } from './refs';

export const Renewal = z.strictObject({
  /** A reminder goes out this many days before the term ends, once per offset. */
  reminderDaysBefore: z.array(z.int().min(1).max(365)).max(10, 'At most 10 reminders.'),
  late: LateRenewal,
});
export type Renewal = z.infer<typeof Renewal>;

export function checkRenewal(renewal: Renewal, at: Path, refs: Refs): void {
  checkUnique(renewal.reminderDaysBefore, (d) => String(d), (i) => [...at, 'reminderDaysBefore', i], refs.report, 'reminder offset');
  checkLateRenewal(renewal.late, [...at, 'late'], refs);
}
