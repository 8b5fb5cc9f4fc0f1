import * as z from 'zod';
import { Severity, SlaMetric } from '../../../events/ticket';
import { CalendarDefinition } from '../../calendar/schema';
import { Id, Name } from './basics';
import { checkUnique, type Path } from './checks';
import { Channel } from './entitlements';
import type { Refs } from './refs';

/**
 * When reports are taken and SLA minutes run: a business calendar (its zone, opening windows per
 * weekday or 24x7, the public holidays that close it) — see `domain/calendar/schema.ts`. 8x5 is
 * Mon–Fri 09:00–17:00 with the country's public holidays closed. Business-day targets (e.g. next
 * business day) use the calendar's business days even when it is open 24x7.
 */
export const ServiceWindow = z.strictObject({
  id: Id,
  name: Name,
  calendar: CalendarDefinition,
});
export type ServiceWindow = z.infer<typeof ServiceWindow>;

/**
 * How long a target allows. Minutes run only inside the plan's service window (a 1-hour reaction
 * reported at 16:30 in an 8x5 window is due at 09:30 the next business day); business days and the
 * next business day are counted in the window's zone and holiday calendar.
 */
export const Within = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('minutes'), value: z.int().min(1).max(43_200, 'At most 30 days of minutes.') }),
  z.strictObject({ unit: z.literal('business-days'), value: z.int().min(1).max(30) }),
  z.strictObject({ unit: z.literal('next-business-day') }),
]);
export type Within = z.infer<typeof Within>;

/**
 * A service-level target. `reaction`: until the provider first contacts the reporter (a public
 * reply); `first-response`: until the first public answer on the channel; `next-response`: from
 * each customer message to the next public answer; `resolution`: until the ticket is resolved;
 * `on-site`: until an engineer is on site; `parts-delivery`: until a replacement part or device is
 * delivered. The clock starts when the report is made, or when the provider accepts it as
 * justified (after verification).
 */
export const SlaTarget = z.strictObject({
  metric: SlaMetric,
  /** The channel the target applies to; absent: every channel. */
  channel: Channel.optional(),
  /** The severities the target applies to; absent: every severity. */
  severities: z.array(Severity).min(1).optional(),
  within: Within,
  from: z.enum(['report', 'acceptance']),
});
export type SlaTarget = z.infer<typeof SlaTarget>;

export const PlanSla = z.strictObject({
  /** A `serviceWindows` id. */
  window: Id,
  /** A warning is raised when this share of a target's time has run (a breach at 100 %). */
  warnAtPercent: z.int().min(1).max(99).default(80),
  targets: z.array(SlaTarget).min(1, 'Give at least one target, or leave out the SLA.'),
});
export type PlanSla = z.infer<typeof PlanSla>;

export function checkPlanSla(sla: PlanSla, channels: readonly string[], at: Path, refs: Refs): void {
  if (!refs.windows.has(sla.window)) refs.report([...at, 'window'], `Unknown service window ${sla.window}.`);
  sla.targets.forEach((target, i) => {
    if (target.channel && !channels.includes(target.channel))
      refs.report([...at, 'targets', i, 'channel'], `A target for ${target.channel}, which the plan does not include.`);
  });
  checkUnique(sla.targets, (t) => `${t.metric}${t.channel ? ` on ${t.channel}` : ''}${t.severities ? ` for ${[...t.severities].sort().join('/')}` : ''}`, (i) => [...at, 'targets', i, 'metric'], refs.report, 'target');
}
