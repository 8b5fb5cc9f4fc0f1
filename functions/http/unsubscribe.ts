import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { InvalidLinkError } from '../../domain/errors';
import { parseUnsubscribeLinkId } from '../../domain/mailing/unsubscribe-link';
import { SUBJECT_CATEGORY, subjectDecider } from '../../domain/privacy/subject';
import { links } from '../runtime/vault';
import { route } from './route';
import { runStreamCommand } from './stream-command';

const UnsubscribeBody = z.strictObject({ token: z.string().min(1).max(1000) });

/**
 * POST /v1/public/unsubscribe `{ token }`: the unsubscribe page's button (and mail clients' one-click
 * unsubscribe, below). The token is the signed one from a marketing e-mail or survey: a forged or
 * altered one is a 400 `invalid_link`, an expired one a 410 `link_expired`, and nothing is
 * recorded. Otherwise the subject's stream records ProcessingLimited (basis `opt-out`) for what the
 * link stops (marketing, or surveys for a survey's link); a repeat records nothing. Service e-mails
 * and product-safety notices are not affected. No Idempotency-Key: a repeat is harmless by itself.
 */
const unsubscribe = route({ body: UnsubscribeBody }, async (request) => {
  const stops = parseUnsubscribeLinkId(await links().verify(request.body.token, 'unsubscribe', request.now));
  if (!stops) throw new InvalidLinkError();
  const { subjectId, purpose } = stops;
  const { response } = await runStreamCommand(
    request,
    subjectDecider,
    streamId(SUBJECT_CATEGORY, subjectId),
    { type: 'LimitProcessing', subjectId, basis: 'opt-out', purposes: [purpose] },
    () => ({ status: 200, body: { unsubscribed: true, purposes: [purpose] } }),
  );
  return response;
});

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * RFC 8058 one-click: a mail client POSTs `List-Unsubscribe=One-Click` (form-encoded) to the
 * address in the List-Unsubscribe header, which carries the token in its query string. That
 * request is handled as `{ token }`; anything else goes to the route as it came.
 */
function oneClick(event: Event): Event {
  const contentType = event.headers?.['content-type'] ?? '';
  const token = event.queryStringParameters?.token;
  if (!token || !/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType) || (event.body?.length ?? 0) > 200) return event;
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (new URLSearchParams(raw).get('List-Unsubscribe') !== 'One-Click') return event;
  return { ...event, headers: { ...event.headers, 'content-type': 'application/json' }, body: JSON.stringify({ token }), isBase64Encoded: false };
}

export const handler = (event: Event, context: Context) => unsubscribe(oneClick(event), context);
