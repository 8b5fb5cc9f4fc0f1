import type { DomainEvent } from '../events/catalog';
import { fold, type Decider } from '../domain/decider';
import { ConcurrencyError, IdempotencyKeyReusedError } from '../domain/errors';
import type { EventMetadata, EventStore, StreamPosition } from './store/event-store';

export interface CommandRequest<Command, State, Catalog, Response> {
  decider: Decider<Command, State, Catalog>;
  streamId: string;
  command: Command;
  catalog: Catalog;
  metadata: EventMetadata;
  /** Requests with an idempotency key answer a repeat with the first answer and append nothing. */
  idempotency?: { key: string; requestHash: string; ttlSeconds?: number };
  /** The answer to the caller, from what was decided (stored with the idempotency record). */
  respond(decided: { state: State; events: readonly { type: string }[]; position: StreamPosition }): Response;
}

export interface CommandResult<Response> {
  response: Response;
  /** The events this call appended (none when replayed or when the command changed nothing). */
  events: DomainEvent[];
  replayed: boolean;
}

const MAX_ATTEMPTS = 5;
const DAY_SECONDS = 86_400;

/**
 * Load → decide → append, retried as a whole on a ConcurrencyError (a bounded number of times);
 * nothing else is retried.
 */
export async function runCommand<Command, State, Catalog, Response>(
  store: EventStore,
  request: CommandRequest<Command, State, Catalog, Response>,
): Promise<CommandResult<Response>> {
  const { idempotency } = request;
  for (let attempt = 1; ; attempt++) {
    if (idempotency) {
      const record = await store.idempotencyRecord(idempotency.key);
      if (record && record.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError();
      if (record) return { response: record.response as Response, events: [], replayed: true };
    }
    const { events, position } = await store.load(request.streamId);
    const state = fold(request.decider, events);
    const decided = request.decider.decide(request.command, state, { now: request.metadata.occurredAt, catalog: request.catalog });
    const response = request.respond({ state, events: decided, position });
    try {
      const result = await store.append(
        position,
        decided,
        request.metadata,
        idempotency && { ...idempotency, ttlSeconds: idempotency.ttlSeconds ?? DAY_SECONDS, response },
      );
      if (result.status === 'replayed') return { response: result.response as Response, events: [], replayed: true };
      return { response, events: result.events, replayed: false };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
