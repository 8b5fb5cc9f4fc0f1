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
import { sealer } from '../runtime/vault';
import { viewStore } from '../runtime/views';
import { ERASED } from '../privacy/sealer';
import { IDEMPOTENCY } from '../tables';
import { readBalance } from './credit/read-balance';
import { creditCallsForMail, isCreditMailed, renderCreditMail, type CreditMailedType } from './credit/render-credit';
import { callsForMail, isMailed, render } from './render';
import { isStatementMailed, renderStatementMail } from './statements/render-statement';
import type { MailedEvent } from './templates/types';
import { isCustomerTicketMailed, isTicketMailed, renderTicketMail } from './tickets/render-ticket';
import { isMailing, notifyMailing } from './mailings/notify-mailing';
import { notifyPrivacy } from './privacy/notify-privacy';
import { isPrivacyMailed, privacyCallsForMail } from './privacy/render-privacy';

type Event = EventBridgeEvent<string, IntegrationDetail>;

const mailer = new Mailer(sesv2(), requiredEnv('MAIL_FROM'), requiredEnv('MAIL_CONFIGURATION_SET'));

/** Views and integration events hold personal data sealed; the e-mails are written from it opened (erased values read '[erased]'). */
const opened = <T>(value: T): Promise<T> => sealer().openDeep(value);

/** A view opened, once it has applied the event at `version` (else the projector lags: retry). */
async function viewAt<View>(pk: string, version: number): Promise<View> {
  const stored = await viewStore().get<View>(pk);
  if (!stored || stored.version < version) throw new Error(`view of ${pk} is behind event ${version}`);
  return opened(stored.view);
}

/** Mails what an event calls for (contract, ticket, credit and statement e-mails), reading what it needs from the views (the context lets Powertools track the remaining time). */
async function notify(event: Event, _context: Context): Promise<{ messageId?: string }> {
  const detail = { ...event.detail, payload: await opened(event.detail.payload) };
  if (isTicketMailed(detail.type)) return notifyTicket(detail);
  if (isCreditMailed(detail.type)) return notifyCredit(detail, detail.type);
  if (isStatementMailed(detail.type)) return notifyStatement(detail);
  if (isMailing(detail.type)) return notifyMailing(detail);
  if (isPrivacyMailed(detail.type)) return notifyPrivacy(detail, detail.type, viewAt, send);
  if (!isMailed(detail.type)) return {};
  const view = await viewAt<ContractView>(detail.streamId, detail.version);
  return send(detail, { to: view.customer.email, ...render(detail.type, view, { payload: detail.payload, occurredAt: detail.occurredAt } as MailedEvent<typeof detail.type>) });
}

/** A ticket's e-mail: to the reporter, or to the provider's support or escalation address (see renderTicketMail). */
async function notifyTicket(detail: IntegrationDetail): Promise<{ messageId?: string }> {
  const ticket = await viewAt<TicketView>(detail.streamId, detail.version);
  const catalog = activeCatalog();
  // Every support e-mail states the credit balance where the catalog says so, as it stands at the event's time.
  const balance =
    catalog.credit?.balanceInEveryReply && isCustomerTicketMailed(detail.type)
      ? (await readBalance(viewStore(), catalog, ticket.contractId, detail.occurredAt))?.facts.balance
      : undefined;
  const mail = renderTicketMail(detail.type as Parameters<typeof renderTicketMail>[0], ticket, { payload: detail.payload, occurredAt: detail.occurredAt }, catalog, balance);
  return mail ? send(detail, mail) : {};
}

/** A credit account's e-mail to the contract's customer: the balance asked for, or a year closed with credit expired. */
async function notifyCredit(detail: IntegrationDetail, type: CreditMailedType): Promise<{ messageId?: string }> {
  const credit = await viewStore().get<CreditView>(detail.streamId);
  if (!credit || credit.version < detail.version) throw new Error(`view of ${detail.streamId} is behind event ${detail.version}`);
  const catalog = activeCatalog();
  const read = await readBalance(viewStore(), catalog, (detail.payload as { contractId: string }).contractId, detail.occurredAt);
  if (!read) throw new Error(`no contract view for ${detail.streamId}`);
  return send(detail, renderCreditMail(type, await opened(read.contract), read.facts, { payload: detail.payload }));
}

/** A monthly statement, to the customer of the contract it names. */
async function notifyStatement(detail: IntegrationDetail): Promise<{ messageId?: string }> {
  const statement = detail.payload as PayloadOf<'StatementIssued'>;
  const contract = await viewStore().get<ContractView>(streamId(CONTRACT_CATEGORY, statement.contractId));
  if (!contract) throw new Error(`no contract view for the statement ${detail.streamId}`);
  return send(detail, renderStatementMail(await opened(contract.view), statement));
}

async function send(detail: IntegrationDetail, mail: Mail): Promise<{ messageId?: string }> {
  const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).filter((address) => address && address !== ERASED);
  if (to.length === 0) {
    // The recipient's data was erased (crypto-shredded): there is no one to write to.
    logger.info('mail skipped: its recipient was erased', { eventId: detail.eventId, type: detail.type, streamId: detail.streamId });
    return {};
  }
  const messageId = await mailer.send({ ...mail, to });
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
  if (isTicketMailed(type) || isStatementMailed(type) || isMailing(type)) return true;
  if (isCreditMailed(type)) return creditCallsForMail(type, payload);
  if (isPrivacyMailed(type)) return privacyCallsForMail(type, payload);
  return isMailed(type) && callsForMail(type, payload);
}
