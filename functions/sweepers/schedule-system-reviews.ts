import type { ScheduledEvent } from 'aws-lambda';
import { streamEntityId } from '../../events/envelope';
import { contractDecider } from '../../domain/contract/decider';
import { SYSTEM_REVIEW } from '../../domain/contract/view';
import { runCommand } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { logger } from '../runtime/logger';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import { sweep } from './sweep';

/** Daily: each contract whose plan or add-ons include a yearly system review announces it when it falls due. */
export const handler = (event: ScheduledEvent) =>
  sweep(viewStore(), SYSTEM_REVIEW, event, async (pk) => {
    const { events } = await runCommand(eventStore(), {
      decider: contractDecider,
      streamId: pk,
      catalog: activeCatalog(),
      command: { type: 'ScheduleSystemReview', contractId: streamEntityId(pk) },
      metadata: { occurredAt: event.time, correlationId: event.id, causationId: event.id, actor: { kind: 'system', id: 'system-reviews' } },
      respond: () => undefined,
    });
    if (events.length > 0) logger.info('system review due', { streamId: pk });
  });
