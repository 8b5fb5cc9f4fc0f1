import type { ScheduledEvent } from 'aws-lambda';
import { streamEntityId } from '../../events/envelope';
import { contractDecider } from '../../domain/contract/decider';
import { CONTRACT_LAPSE } from '../../domain/contract/view';
import { runCommand } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { logger } from '../runtime/logger';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import { sweep } from './sweep';

/** Daily: every expired contract whose grace period is over (by the schedule's time) lapses. */
export const handler = (event: ScheduledEvent) =>
  sweep(viewStore(), CONTRACT_LAPSE, event, async (pk) => {
    const { events } = await runCommand(eventStore(), {
      decider: contractDecider,
      streamId: pk,
      catalog: activeCatalog(),
      command: { type: 'LapseContract', contractId: streamEntityId(pk) },
      metadata: { occurredAt: event.time, correlationId: event.id, causationId: event.id, actor: { kind: 'system', id: 'lapse-contracts' } },
      respond: () => undefined,
    });
    if (events.length > 0) logger.info('contract lapsed', { streamId: pk });
  });
