import { CONTRACT_CATEGORY } from '../../../domain/contract/decider';
import type { ContractView } from '../../../domain/contract/view';
import { skipReason, unsubscribePurpose, type SkipReason } from '../../../domain/mailing/recipients';
import { SUBJECT_CATEGORY } from '../../../domain/privacy/subject';
import type { SubjectView } from '../../../domain/privacy/subject-view';
import type { PayloadOf } from '../../../events/catalog';
import { streamId } from '../../../events/envelope';
import type { IntegrationDetail } from '../../../events/integration';
import { isSealed, keyRefOf, subjectOfKeyRef } from '../../../events/sealed';
import { Mailer } from '../../mail/mailer';
import { ERASED } from '../../privacy/sealer';
import { dynamo, sesv2 } from '../../runtime/clients';
import { requiredEnv, tableName } from '../../runtime/env';
import { logger } from '../../runtime/logger';
import { sealer } from '../../runtime/vault';
import { viewStore } from '../../runtime/views';
import { RecipientClaims } from './recipient-claims';
import { renderMailing } from './render-mailing';
import { unsubscribeLinks } from './unsubscribe-links';

/** Recipients handled at once (each: two view reads, a claim, a send, a confirmation). */
const CONCURRENCY = 8;

export const isMailing = (type: string): type is 'MailingRequested' => type === 'MailingRequested';

type Outcome = 'sent' | 'already-sent' | 'busy' | 'no-contract' | 'same-person' | SkipReason;

let mailer: Mailer | undefined;
let claims: RecipientClaims | undefined;

/**
 * Sends a mailing to each contract's customer it may go to (domain/mailing/recipients: erased
 * customers never; marketing and surveys not to subjects who stopped them; product-safety notices
 * always), in the customer's language, each recipient once (RecipientClaims). The customer's
 * subject id is read from the key reference of the sealed e-mail in the contract view, without
 * opening it; the subject's view (absent: nothing stopped) says what it stopped. A recipient
 * another run is sending right now makes this run fail after the others are done, so it is retried.
 */
export async function notifyMailing(detail: IntegrationDetail): Promise<{ messageId?: string; sent: number; skipped: number }> {
  const mailing = detail.payload as PayloadOf<'MailingRequested'>;
  mailer ??= new Mailer(sesv2(), requiredEnv('MAIL_FROM'), requiredEnv('MAIL_CONFIGURATION_SET'));
  claims ??= new RecipientClaims(dynamo(), tableName('idempotency'));
  const recipients = await mapLimited(mailing.audience.contractIds, CONCURRENCY, (contractId) => recipientOf(detail, mailing, contractId));
  // One copy per person: a customer with several contracts in the audience (one subject) gets one.
  const seen = new Set<string>();
  const outcomes = await mapLimited(recipients, CONCURRENCY, async (recipient): Promise<Outcome> => {
    if (typeof recipient === 'string') return recipient;
    if (seen.has(recipient.key)) return 'same-person';
    seen.add(recipient.key);
    return sendOne(detail, mailing, recipient, mailer!, claims!);
  });
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  const summary = Object.fromEntries([...new Set(outcomes)].map((o) => [o, count(o)]));
  logger.info('mailing handled', { eventId: detail.eventId, mailingId: mailing.mailingId, kind: mailing.kind, outcomes: summary });
  if (count('busy') > 0) throw new Error(`mailing ${mailing.mailingId}: ${count('busy')} recipients are being sent by another run; retry`);
  return { sent: count('sent'), skipped: outcomes.length - count('sent') - count('already-sent') };
}

interface Recipient {
  /** Who gets one copy: the customer's subject (else, for an unsealed address, the contract). */
  key: string;
  subjectId: string | undefined;
  customer: ContractView['customer'];
}

/** The customer a contract of the audience names, opened, or why there is no one to write to. */
async function recipientOf(detail: IntegrationDetail, mailing: PayloadOf<'MailingRequested'>, contractId: string): Promise<Recipient | Outcome> {
  const stored = await viewStore().get<ContractView>(streamId(CONTRACT_CATEGORY, contractId));
  if (!stored) {
    logger.warn('mailing: no such contract', { eventId: detail.eventId, contractId });
    return 'no-contract';
  }
  const sealedEmail = stored.view.customer.email;
  const customer = await sealer().openDeep(stored.view.customer);
  const subjectId = isSealed(sealedEmail) ? subjectOfKeyRef(keyRefOf(sealedEmail)) : await sealer().subjectOf(sealedEmail);
  const subject = subjectId ? (await viewStore().get<SubjectView>(streamId(SUBJECT_CATEGORY, subjectId)))?.view : undefined;
  const skip = skipReason(mailing.kind, subject, !customer.email || customer.email === ERASED);
  return skip ?? { key: subjectId ?? contractId, subjectId, customer };
}

async function sendOne(detail: IntegrationDetail, mailing: PayloadOf<'MailingRequested'>, recipient: Recipient, mailer: Mailer, claims: RecipientClaims): Promise<Outcome> {
  const claim = await claims.claim(detail.eventId, recipient.key, Date.now());
  if (claim === 'sent') return 'already-sent';
  if (claim === 'busy') return 'busy';
  const purpose = unsubscribePurpose(mailing.kind);
  const links = purpose && recipient.subjectId ? await unsubscribeLinks(recipient.subjectId, purpose, detail.occurredAt) : undefined;
  const messageId = await mailer.send({ to: recipient.customer.email, ...renderMailing(mailing, recipient.customer, links) });
  await claims.sent(detail.eventId, recipient.key, messageId);
  return 'sent';
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
