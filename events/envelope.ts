import * as z from 'zod';

/** Who caused an event: a staff member (JWT subject), a customer (website form) or the system (schedules, reactions). */
export const Actor = z.object({
  kind: z.enum(['staff', 'customer', 'system']),
  id: z.string().min(1).max(200),
  role: z.string().max(50).optional(),
});
export type Actor = z.infer<typeof Actor>;

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
  payload: Payload;
}

/** Stream ids are `<category>#<id>`; the category selects the decider and the projection. */
export const streamId = (category: string, id: string): string => `${category}#${id}`;
export const streamCategory = (id: string): string => id.slice(0, Math.max(0, id.indexOf('#')));
export const streamEntityId = (id: string): string => id.slice(id.indexOf('#') + 1);
