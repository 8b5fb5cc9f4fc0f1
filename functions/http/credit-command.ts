import { streamId } from '../../events/envelope';
import { balanceAt } from '../../domain/credit/balance';
import { applyDecided } from '../../domain/credit/catch-up';
import type { CreditCommand } from '../../domain/credit/commands';
import { CREDIT_CATEGORY, creditDecider } from '../../domain/credit/decider';
import type { CreditHolder } from '../../domain/credit/holder';
import type { CreditState } from '../../domain/credit/state';
import type { CommandResult } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import type { RouteRequest, RouteResponse } from './route';
import { runStreamCommand } from './stream-command';
import { loadCreditContract } from '../credit-account';

type Request = RouteRequest<unknown, unknown, unknown>;

/**
 * Runs one credit command on the account of contract `contractId` for an HTTP request: the holder
 * is read from the contract's stream (404 when there is none), and `respond` answers from the
 * decided events and the account as they leave it (the state decided on, with those events applied).
 */
export async function runCreditCommand<Response>(
  request: Request,
  contractId: string,
  command: (holder: CreditHolder) => CreditCommand,
  respond: (events: readonly { type: string }[], after: CreditState, holder: CreditHolder) => Response,
): Promise<CommandResult<Response>> {
  const { holder } = await loadCreditContract(contractId);
  return runStreamCommand(request, creditDecider, streamId(CREDIT_CATEGORY, contractId), command(holder), (events, decidedOn) =>
    respond(events, applyDecided(decidedOn, events as Parameters<typeof applyDecided>[1]), holder),
  );
}

/** runCreditCommand's answer to the caller; a repeat of an idempotent request is marked `idempotent-replayed`. */
export async function answerCreditCommand(
  request: Request,
  contractId: string,
  command: (holder: CreditHolder) => CreditCommand,
  respond: (events: readonly { type: string }[], after: CreditState, holder: CreditHolder) => RouteResponse,
): Promise<RouteResponse> {
  const { response, replayed } = await runCreditCommand(request, contractId, command, respond);
  return replayed ? { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } } : response;
}

/** The balance a work-log answer carries: the credit left, granted and used in the current contract year. */
export function balanceSummary(holder: CreditHolder, account: CreditState, now: string) {
  const { leftMinutes, grantedMinutes, usedMinutes, year } = balanceAt(activeCatalog(), holder, account, now);
  return { leftMinutes, grantedMinutes, usedMinutes, ...(year ? { year } : {}) };
}
