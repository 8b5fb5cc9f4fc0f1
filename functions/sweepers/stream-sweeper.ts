import type { ScheduledEvent } from 'aws-lambda';
import { streamEntityId } from '../../events/envelope';
import type { Catalog } from '../../domain/catalog/schema';
import type { Decider } from '../../domain/decider';
import { runCommand } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { logger } from '../runtime/logger';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import { sweep, type SweepResult } from './sweep';

/**
 * A scheduled handler that runs one command of `decider` on each stream due for `kind` at the
 * schedule's time, as the system actor `actorId`; `decided` is logged for each stream the command
 * changed.
 */
export function streamSweeper<Command, State>(
  decider: Decider<Command, State, Catalog>,
  kind: string,
  actorId: string,
  commandFor: (entityId: string) => Command | Promise<Command>,
  decided: string,
): (event: ScheduledEvent) => Promise<SweepResult> {
  return (event) =>
    sweep(viewStore(), kind, event, async (pk) => {
      const { events } = await runCommand(eventStore(), {
        decider,
        streamId: pk,
        catalog: activeCatalog(),
        command: await commandFor(streamEntityId(pk)),
        metadata: { occurredAt: event.time, correlationId: event.id, causationId: event.id, actor: { kind: 'system', id: actorId } },
        respond: () => undefined,
      });
      if (events.length > 0) logger.info(decided, { streamId: pk });
    });
}
