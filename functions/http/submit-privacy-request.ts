import { ulid } from 'ulid';
import * as z from 'zod';
import { Locale } from '../../events/contract';
import { streamId } from '../../events/envelope';
import { PrivacyRight } from '../../events/privacy';
import { PRIVACY_REQUEST_CATEGORY, privacyRequestDecider } from '../../domain/privacy/request';
import { sealer, vault } from '../runtime/vault';
import { neutralAnswer } from './public-contract-form';
import { route } from './route';
import { runStreamCommand } from './stream-command';

const PrivacyRequestBody = z.strictObject({
  email: z.email().max(254),
  right: PrivacyRight,
  /** What to rectify, or anything the person wants to add. */
  details: z.string().trim().min(1).max(2000).optional(),
  language: Locale.default('en'),
});

/** The form's one answer, whether or not we hold the address. */
export const NEUTRAL_ANSWER = neutralAnswer(
  'If we hold data about this e-mail address, we have sent it a link to confirm your request. Nothing happens until you follow it.',
);

/**
 * POST /v1/public/privacy-requests: the website form for the rights over personal data (access,
 * rectification, erasure, restriction, objection, portability, opting out of marketing). When the
 * product holds data of the address, the request is recorded and a signed link valid for 48 hours
 * is e-mailed to that address (the notifier); nothing is done before the link is followed. An
 * address we do not know gets no e-mail and nothing is written. The answer is the same either way.
 */
export const handler = route({ body: PrivacyRequestBody, idempotency: 'required' }, async (request) => {
  const { email, right, details, language } = request.body;
  const subjectId = await sealer().subjectOf(email);
  if ((await vault().streamsOf(subjectId)).length === 0) return NEUTRAL_ANSWER;
  const requestId = ulid();
  const { response } = await runStreamCommand(
    request,
    privacyRequestDecider,
    streamId(PRIVACY_REQUEST_CATEGORY, requestId),
    { type: 'ReceiveRequest', requestId, right, subjectId, email, ...(details ? { details } : {}), language, channel: 'website' },
    () => NEUTRAL_ANSWER,
  );
  return response;
});
