import { runContractCommand } from './contract-command';
import { neutralAnswer, publicContractForm } from './public-contract-form';

/** The renewal form's one answer, whether or not the details matched. */
export const NEUTRAL_ANSWER = neutralAnswer('If the details match an agreement, we will send the next steps by e-mail.');

/**
 * POST /v1/public/renewal-requests: the website renewal form (contract number + the e-mail on
 * file). On a match it records RenewalRequested (idempotently); otherwise it writes nothing. Both
 * answer NEUTRAL_ANSWER, and business refusals (a cancelled contract, a reused key) do too.
 */
export const handler = publicContractForm('renewal request', NEUTRAL_ANSWER, (request, contractId) =>
  runContractCommand(request, contractId, { type: 'RequestRenewal', contractId, channel: 'website' }, () => NEUTRAL_ANSWER),
);
