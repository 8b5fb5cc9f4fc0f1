import type { EventEnvelope } from './envelope';

/** The `source` of every integration event support-ledger publishes on its bus. */
export const INTEGRATION_SOURCE = 'support-ledger';

/**
 * The `detail` of an integration event: the stored event as published to the bus. Its
 * `detail-type` is the event type. Reactors are idempotent by `detail.eventId`.
 */
export type IntegrationDetail<E extends EventEnvelope = EventEnvelope> = Omit<E, 'recordedAt'>;

export const toIntegrationDetail = <E extends EventEnvelope>(event: E): IntegrationDetail<E> => {
  const { recordedAt: _recordedAt, ...detail } = event;
  return detail;
};
