import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import type { ContractView } from '../../domain/contract/view';
import type { CreditView } from '../../domain/credit/view';
import type { TicketView } from '../../domain/ticket/view';
import type { PayloadOf } from '../../events/catalog';
import { streamId } from '../../events/envelope';
import type { IntegrationDetail } from '../../events/integration';
import { Mailer, type Mail } from '../mail/mailer';
import { activeCatalog } from '../runtime/catalog';
import { dynamo, sesv2 } from '../runtime/clients';
import { requiredEnv, tableName } from '../runtime/env';
import { logger } from '../runtime/logger';
import { viewStore } from '../runtime/views';
import { IDEMPOTENCY } from '../tables';
import { readBalance } from './credit/read-balance';
import { creditCallsForMail, isCreditMailed, renderCreditMail, type CreditMailedType } from './credit/render-credit';
import { callsForMail, isMailed, render } from './render';
import { isStatementMailed, renderStatementMail } from './statements/render-statement';
import type { MailedEvent } from './templates/types';
import { isCustomerTicketMailed, isTicketMailed, renderTicketMail } from './tickets/render-ticket';

type Event = EventBridgeEvent<string, IntegrationDetail>;

const mailer = new Mailer(sesv2(), requiredEnv('MAIL_FROM'), requiredEnv('MAIL_CONFIGURATION_SET'));

/** Mails what an event calls for (contract, ticket, credit and statement e-mails), reading what it needs from the views (the context lets Powertools track the remaining time). */
async function notify(event: Event, _context: Context): Promise<{ messageId?: string }> {
  const { detail } = event;
  if (isTicketMailed(detail.type)) return notifyTicket(event);
  if (isCreditMailed(detail.type)) return notifyCredit(event, detail.type);
  if (isStatementMailed(detail.type)) return notifyStatement(event);
  if (!isMailed(detail.type)) return {};
  const stored = await viewStore().get<ContractView>(detail.streamId);
  if (!stored || stored.version < detail.version) throw new Error(`view of ${detail.streamId} is behind event ${detail.version}`);
  return send(detail, { to: stored.view.customer.email, ...render(detail.type, stored.view, { payload: detail.payload, occurredAt: detail.occurredAt } as MailedEvent<typeof detail.type>) });
}

/** A ticket's e-mail: to the reporter, or to the provider's support or escalation address (see renderTicketMail). */
async function notifyTicket(event: Event): Promise<{ messageId?: string }> {
  const { detail } = event;
  const stored = await viewStore().get<TicketView>(detail.streamId);
  if (!stored || stored.version < detail.version) throw new Error(`view of ${detail.streamId} is behind event ${detail.version}`);
  const catalog = activeCatalog();
  // Every support e-mail states the credit balance where the catalog says so, as it stands at the event's time.
  const balance =
    catalog.credit?.balanceInEveryReply && isCustomerTicketMailed(detail.type)
      ? (await readBalance(viewStore(), catalog, stored.view.contractId, detail.occurredAt))?.facts.balance
      : undefined;
  const mail = renderTicketMail(detail.type as Parameters<typeof renderTicketMail>[0], stored.view, { payload: detail.payload, occurredAt: detail.occurredAt }, catalog, balance);
  return mail ? send(detail, mail) : {};
}

/** A credit account's e-mail to the contract's customer: the balance asked for, or a year closed with credit expired. */
async function notifyCredit(event: Event, type: CreditMailedType): Promise<{ messageId?: string }> {
  const { detail } = event;
  const credit = await viewStore().get<CreditView>(detail.streamId);
  if (!credit || credit.version < detail.version) throw new Error(`view of ${detail.streamId} is behind event ${detail.version}`);
  const catalog = activeCatalog();
  const read = await readBalance(viewStore(), catalog, (detail.payload as { contractId: string }).contractId, detail.occurredAt);
  if (!read) throw new Error(`no contract view for ${detail.streamId}`);
  return send(detail, renderCreditMail(type, read.contract, read.facts, { payload: detail.payload }));
}

/** A monthly statement, to the customer of the contract it names. */
async function notifyStatement(event: Event): Promise<{ messageId?: string }> {
  const { detail } = event;
  const statement = detail.payload as PayloadOf<'StatementIssued'>;
  const contract = await viewStore().get<ContractView>(streamId(CONTRACT_CATEGORY, statement.contractId));
  if (!contract) throw new Error(`no contract view for the statement ${detail.streamId}`);
  return send(detail, renderStatementMail(contract.view, statement));
}

async function send(detail: IntegrationDetail, mail: Mail): Promise<{ messageId?: string }> {
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
  callsForAnyMail(event.detail.type, event.detail.payload) ? idempotentNotify(event, context) : {};

function callsForAnyMail(type: string, payload: unknown): boolean {
  if (isTicketMailed(type) || isStatementMailed(type)) return true;
  if (isCreditMailed(type)) return creditCallsForMail(type, payload);
  return isMailed(type) && callsForMail(type, payload);
}
