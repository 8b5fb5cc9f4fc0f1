import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { ContractView } from '../../domain/contract/view';
import type { IntegrationDetail } from '../../events/integration';
import { Mailer } from '../mail/mailer';
import { dynamo, sesv2 } from '../runtime/clients';
import { requiredEnv, tableName } from '../runtime/env';
import { logger } from '../runtime/logger';
import { viewStore } from '../runtime/views';
import { IDEMPOTENCY } from '../tables';
import { callsForMail, isMailed, render } from './render';
import { isTicketMailed, renderTicketMail } from './tickets/render-ticket';
import type { TicketView } from '../../domain/ticket/view';
import { activeCatalog } from '../runtime/catalog';
import type { MailedEvent } from './templates/types';

type Event = EventBridgeEvent<string, IntegrationDetail>;

const mailer = new Mailer(sesv2(), requiredEnv('MAIL_FROM'), requiredEnv('MAIL_CONFIGURATION_SET'));

/** Mails the customer what an event calls for, reading the contract from its view (the context lets Powertools track the remaining time). */
async function notify(event: Event, _context: Context): Promise<{ messageId?: string }> {
  const { detail } = event;
  if (isTicketMailed(detail.type)) return notifyTicket(event);
  if (!isMailed(detail.type)) return {};
  const stored = await viewStore().get<ContractView>(detail.streamId);
  if (!stored || stored.version < detail.version) throw new Error(`view of ${detail.streamId} is behind event ${detail.version}`);
  const messageId = await mailer.send({ to: stored.view.customer.email, ...render(detail.type, stored.view, { payload: detail.payload, occurredAt: detail.occurredAt } as MailedEvent<typeof detail.type>) });
  logger.info('mail sent', { eventId: detail.eventId, type: detail.type, messageId });
  return { messageId };
}

/** A ticket's e-mail: to the reporter, or to the provider's support or escalation address (see renderTicketMail). */
async function notifyTicket(event: Event): Promise<{ messageId?: string }> {
  const { detail } = event;
  const stored = await viewStore().get<TicketView>(detail.streamId);
  if (!stored || stored.version < detail.version) throw new Error(`view of ${detail.streamId} is behind event ${detail.version}`);
  const mail = renderTicketMail(detail.type as Parameters<typeof renderTicketMail>[0], stored.view, { payload: detail.payload, occurredAt: detail.occurredAt }, activeCatalog());
  if (!mail) return {};
  const messageId = await mailer.send(mail);
  logger.info('mail sent', { eventId: detail.eventId, type: detail.type, messageId });
  return { messageId };
}

/**
 * Idempotent by the source event id (Powertools idempotency, records in the idempotency table):
 * a redelivered event sends no second e-mail.
 */
const idempotentNotify = makeIdempotent(notify, {
  persistenceStore: new DynamoDBPersistenceLayer({
    tableName: tableName('idempotency'),
    keyAttr: IDEMPOTENCY.partitionKey.name,
    expiryAttr: IDEMPOTENCY.timeToLiveAttribute,
    awsSdkV3Client: dynamo(),
  }),
  // Remembered longer than the bus archive keeps events (90 days), so a replay mails no one twice.
  config: new IdempotencyConfig({ eventKeyJmesPath: 'detail.eventId', expiresAfterSeconds: 100 * 86_400 }),
});

/**
 * Events that call for no mail (e.g. a staff order, confirmed by its activation mail) are dropped
 * before the idempotency layer, so they leave no record behind.
 */
export const handler = async (event: Event, context: Context): Promise<{ messageId?: string }> =>
  isTicketMailed(event.detail.type) || (isMailed(event.detail.type) && callsForMail(event.detail.type, event.detail.payload)) ? idempotentNotify(event, context) : {};
