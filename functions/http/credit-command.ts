import { streamId } from '../../events/envelope';
import { balanceAt } from '../../domain/credit/balance';
import { applyDecided } from '../../domain/credit/catch-up';
import type { CreditCommand } from '../../domain/credit/commands';
import { CREDIT_CATEGORY, creditDecider } from '../../domain/credit/decider';
import { holderOfState, type CreditHolder } from '../../domain/credit/holder';
import type { CreditState } from '../../domain/credit/state';
import { CONTRACT_CATEGORY, contractDecider } from '../../domain/contract/decider';
import type { Contract } from '../../domain/contract/state';
import { fold } from '../../domain/decider';
import { NotFoundError } from '../../domain/errors';
import type { CommandResult } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { eventStore } from '../runtime/store';
import type { RouteRequest, RouteResponse } from './route';
import { runStreamCommand } from './stream-command';

/** A contract folded from its stream (strongly consistent), and the credit account's view of it. */
export interface CreditContract {
  contract: Contract;
  holder: CreditHolder;
}

/** Loads contract `contractId` from its stream: 404 when there is none. */
export async function loadCreditContract(contractId: string): Promise<CreditContract> {
  const { events } = await eventStore().load(streamId(CONTRACT_CATEGORY, contractId));
  const contract = fold(contractDecider, events);
  if (contract.status === 'none') throw new NotFoundError(`No contract ${contractId}.`);
  return { contract, holder: holderOfState(contract) };
}

/** Loads the credit account of a contract from its stream (strongly consistent). */
export async function loadCreditState(contractId: string): Promise<CreditState> {
  const { events } = await eventStore().load(streamId(CREDIT_CATEGORY, contractId));
  return fold(creditDecider, events);
}

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
