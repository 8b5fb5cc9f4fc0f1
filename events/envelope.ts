import * as z from 'zod';
import { SealedString } from './sealed';

/** Who caused an event: a staff member (JWT subject), a customer (website form) or the system (schedules, reactions). */
export const Actor = z.object({
  kind: z.enum(['staff', 'customer', 'system']),
  id: z.string().min(1).max(200),
  role: z.string().max(50).optional(),
});
export type Actor = z.infer<typeof Actor>;

/**
 * Where a public (website) request came from, never in clear: the full IP address sealed with the
 * security key of its ISO week (kept 2–3 weeks), and its network (IPv4 /24, IPv6 /48) sealed with
 * the analytics key of its month (kept 12 months after the month). The retention job deletes
 * those keys when their period ends (domain/privacy/retention-periods.ts).
 */
/** `analytics` is left out for a subject who stopped analytics (objection, restriction). */
export const Origin = z.strictObject({ security: SealedString, analytics: SealedString.optional() });
export type Origin = z.infer<typeof Origin>;

/** Envelope fields every stored event carries, whatever its type. */
export interface EventEnvelope<Type extends string = string, Payload = unknown> {
  eventId: string; // ULID
  streamId: string; // `contract#…`, `ticket#…`, `subject#…`
  version: number; // 1, 2, 3 … within the stream
  type: Type;
  schemaVersion: number;
  occurredAt: string; // ISO instant: when it happened in the business
  recordedAt: string; // ISO instant: when the store wrote it
  correlationId: string; // the request or schedule run that started the chain
  causationId: string; // the command, request or event that caused this one
  actor: Actor;
  /** Events appended for a public request only. */
  origin?: Origin;
  payload: Payload;
}

/** Stream ids are `<category>#<id>`; the category selects the decider and the projection. */
export const streamId = (category: string, id: string): string => `${category}#${id}`;
export const streamCategory = (id: string): string => id.slice(0, Math.max(0, id.indexOf('#')));
export const streamEntityId = (id: string): string => id.slice(id.indexOf('#') + 1);
