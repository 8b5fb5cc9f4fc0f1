import { runCreditCommand } from './credit-command';
import { neutralAnswer, publicContractForm } from './public-contract-form';

/** The balance form's one answer, whether or not the details matched. */
export const NEUTRAL_ANSWER = neutralAnswer('If the details match an agreement, we will send its support-time balance by e-mail.');

/**
 * POST /v1/public/credit-balance-requests: the website form asking for the support-time balance
 * (contract number + the e-mail on file). On a match it records CreditBalanceRequested (the
 * notifier mails the balance); otherwise it writes nothing. Both answer NEUTRAL_ANSWER, and
 * business refusals (a reused key) do too.
 */
export const handler = publicContractForm('credit balance request', NEUTRAL_ANSWER, (request, contractId) =>
  runCreditCommand(request, contractId, (holder) => ({ type: 'RequestCreditBalance', holder, channel: 'website' }), () => NEUTRAL_ANSWER),
);
