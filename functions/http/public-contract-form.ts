import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import type { ContractView } from '../../domain/contract/view';
import { AppError } from '../../domain/errors';
import { logger } from '../runtime/logger';
import { viewStore } from '../runtime/views';
import { openedContract } from './contract-view';
import type { Decider } from '../../domain/decider';
import { route, type RouteRequest, type RouteResponse } from './route';
import { runStreamCommand } from './stream-command';

/** Only truly malformed input is a 400; a contract number that merely looks wrong gets the neutral answer. */
export const ContractNumberAndEmail = z.strictObject({
  contractNumber: z.string().trim().min(1).max(64),
  email: z.email().max(254),
});
type Body = z.infer<typeof ContractNumberAndEmail>;

const CONTRACT_NUMBER = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Read for a contract number that cannot exist, so every answer costs one view read. */
const NO_CONTRACT = '00000000000000000000000000';

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The contract a form names by number and the customer's e-mail on file (any case), if both match. */
export async function matchedContract({ contractNumber, email }: Body): Promise<string | undefined> {
  const number = contractNumber.toUpperCase();
  const plausible = CONTRACT_NUMBER.test(number);
  const stored = await viewStore().get<ContractView>(streamId(CONTRACT_CATEGORY, plausible ? number : NO_CONTRACT));
  if (!plausible || !stored) return undefined;
  const contract = await openedContract(stored.view);
  return sameEmail(contract.customer.email, email) ? number : undefined;
}

/**
 * A form that must not tell whether what it names exists answers no sooner than this after the
 * request arrived: the work a match does (an append) does not show in the timing.
 */
export const NEUTRAL_ANSWER_FLOOR_MS = 400;

/** Resolves NEUTRAL_ANSWER_FLOOR_MS after the request arrived (at once when that has passed). */
export const neutralTiming = (request: { now: string }): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, NEUTRAL_ANSWER_FLOOR_MS - (Date.now() - Date.parse(request.now))));

/** Decides nothing: see answerUnmatched. */
const recordsNothing: Decider<null, null> = { initialState: null, evolve: (state) => state, decide: () => [] };

/**
 * The answer to a form whose details matched nothing: it records nothing but the idempotency record a
 * match leaves, so a key reused with another body is refused (422) alike, matched or not.
 */
export async function answerUnmatched(request: RouteRequest<unknown, unknown, unknown>, answer: RouteResponse): Promise<RouteResponse> {
  return (await runStreamCommand(request, recordsNothing, streamId('form', 'unmatched'), null, () => answer)).response;
}

/** A form's one answer, whether or not the details matched. */
export const neutralAnswer = (message: string): RouteResponse => ({ status: 202, body: { received: true, message } });

/**
 * A public website form that names a contract by number and the e-mail on file (Idempotency-Key
 * required). On a match it runs `act` (which answers `answer`, stored with the idempotency record);
 * otherwise it writes nothing. Either way, and on a business refusal too, it answers `answer`, no
 * sooner than NEUTRAL_ANSWER_FLOOR_MS: nothing in the status, body, headers or timing tells a caller
 * if a contract number exists or which e-mail it has.
 */
export function publicContractForm(
  name: string,
  answer: RouteResponse,
  act: (request: RouteRequest<Body, unknown, unknown>, contractId: string) => Promise<unknown>,
) {
  return route({ body: ContractNumberAndEmail, idempotency: 'required' }, async (request) => {
    const floor = neutralTiming(request);
    const contractId = await matchedContract(request.body);
    if (!contractId) {
      const unmatched = await answerUnmatched(request, answer);
      await floor;
      return unmatched;
    }
    try {
      await act(request, contractId);
    } catch (error) {
      // A refusal must not tell the caller more than a mismatch would.
      if (!(error instanceof AppError)) throw error;
      logger.info(`${name} refused`, { correlationId: request.correlationId, code: error.code });
    }
    await floor;
    return answer;
  });
}
