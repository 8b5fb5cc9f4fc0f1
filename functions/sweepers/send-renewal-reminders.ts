import type { ScheduledEvent } from 'aws-lambda';
import { streamEntityId } from '../../events/envelope';
import { contractDecider } from '../../domain/contract/decider';
import { RENEWAL_REMINDER } from '../../domain/contract/view';
import { runCommand } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { logger } from '../runtime/logger';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import { sweep } from './sweep';

/** Daily: each contract with a renewal reminder due (by the schedule's time) gets one, once per term and offset. */
export const handler = (event: ScheduledEvent) =>
  sweep(viewStore(), RENEWAL_REMINDER, event, async (pk) => {
    const { events } = await runCommand(eventStore(), {
      decider: contractDecider,
      streamId: pk,
      catalog: activeCatalog(),
      command: { type: 'SendDueRenewalReminder', contractId: streamEntityId(pk) },
      metadata: { occurredAt: event.time, correlationId: event.id, causationId: event.id, actor: { kind: 'system', id: 'renewal-reminders' } },
      respond: () => undefined,
    });
    if (events.length > 0) logger.info('renewal reminded', { streamId: pk });
  });
