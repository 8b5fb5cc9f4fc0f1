import { ulid } from 'ulid';
import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { MailingAudience, MailingId, MailingKind, MailingRequested } from '../../events/mailing';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import { ValidationError } from '../../domain/errors';
import { MAILING_CATEGORY, mailingDecider } from '../../domain/mailing/decider';
import { viewStore } from '../runtime/views';
import { route } from './route';
import { runStreamCommand } from './stream-command';

const SendMailingBody = z.strictObject({
  /** Optional: a mailing id of the staff's choosing makes a repeat of the same mailing record nothing, with or without an Idempotency-Key. */
  mailingId: MailingId.optional(),
  kind: MailingKind,
  subject: MailingRequested.shape.subject,
  text: MailingRequested.shape.text,
  audience: z.strictObject(MailingAudience.shape),
});

/**
 * POST /v1/mailings (admin): a marketing e-mail, a survey or a product-safety notice to the
 * customers of 1 to 500 contracts (MAILING_AUDIENCE_MAX). It records MailingRequested; the notifier
 * sends it (202): marketing and surveys not to customers who stopped them, with an unsubscribe
 * link; product-safety notices to everyone named; nobody erased. A repeat of the same mailing
 * (same id and content) records nothing; other content under a used id is a 409 `mailing_exists`.
 * A contract id with no contract (in the views) is a 400 naming it, and nothing is recorded.
 */
export const handler = route({ roles: ['admin'], body: SendMailingBody, idempotency: 'optional' }, async (request) => {
  const { kind, subject, text, audience } = request.body;
  const mailingId = request.body.mailingId ?? ulid();
  const known = await viewStore().getMany<unknown>(audience.contractIds.map((id) => streamId(CONTRACT_CATEGORY, id)));
  const unknown = audience.contractIds.flatMap((id, i) => (known.has(streamId(CONTRACT_CATEGORY, id)) ? [] : [{ path: `audience.contractIds.${i}`, message: 'No such contract.' }]));
  if (unknown.length > 0) throw new ValidationError(unknown);
  const { response } = await runStreamCommand(
    request,
    mailingDecider,
    streamId(MAILING_CATEGORY, mailingId),
    { type: 'RequestMailing', mailingId, kind, subject, text, contractIds: audience.contractIds },
    (events) => ({ status: 202, body: { mailingId, kind, contracts: audience.contractIds.length, recorded: events.length > 0 } }),
  );
  return response;
});
