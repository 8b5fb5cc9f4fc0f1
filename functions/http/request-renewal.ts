import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import type { ContractView } from '../../domain/contract/view';
import { AppError } from '../../domain/errors';
import { logger } from '../runtime/logger';
import { viewStore } from '../runtime/views';
import { runContractCommand } from './contract-command';
import { route, type RouteResponse } from './route';

/** Only truly malformed input is a 400; a contract number that merely looks wrong gets the neutral answer. */
const RequestRenewalBody = z.strictObject({
  contractNumber: z.string().trim().min(1).max(64),
  email: z.email().max(254),
});

const CONTRACT_NUMBER = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Read for a contract number that cannot exist, so every answer costs one view read. */
const NO_CONTRACT = '00000000000000000000000000';

/**
 * The one answer the form gives, whether or not the details matched: nothing in the status, body
 * or headers tells a caller if a contract number exists or which e-mail it has.
 */
export const NEUTRAL_ANSWER: RouteResponse = {
  status: 202,
  body: { received: true, message: 'If the details match an agreement, we will send the next steps by e-mail.' },
};

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * POST /v1/public/renewal-requests: the website renewal form (contract number + the e-mail on
 * file). On a match it records RenewalRequested (idempotently); otherwise it writes nothing. Both
 * answer NEUTRAL_ANSWER, and business refusals (a cancelled contract, a reused key) do too.
 */
export const handler = route({ body: RequestRenewalBody, idempotency: 'required' }, async (request) => {
  const { body } = request;
  const number = body.contractNumber.toUpperCase();
  const plausible = CONTRACT_NUMBER.test(number);
  const stream = streamId(CONTRACT_CATEGORY, plausible ? number : NO_CONTRACT);
  const stored = await viewStore().get<ContractView>(stream);
  if (!plausible || !stored || !sameEmail(stored.view.customer.email, body.email)) return NEUTRAL_ANSWER;

  try {
    await runContractCommand(request, number, { type: 'RequestRenewal', contractId: number, channel: 'website' }, () => NEUTRAL_ANSWER);
  } catch (error) {
    // A refusal must not tell the caller more than a mismatch would.
    if (!(error instanceof AppError)) throw error;
    logger.info('renewal request refused', { correlationId: request.correlationId, code: error.code });
  }
  return NEUTRAL_ANSWER;
});
