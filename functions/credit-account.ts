import { streamId } from '../events/envelope';
import { CREDIT_CATEGORY, creditDecider } from '../domain/credit/decider';
import { holderOfState, type CreditHolder } from '../domain/credit/holder';
import type { CreditState } from '../domain/credit/state';
import { CONTRACT_CATEGORY, contractDecider } from '../domain/contract/decider';
import type { Contract } from '../domain/contract/state';
import { fold } from '../domain/decider';
import { NotFoundError } from '../domain/errors';
import { eventStore } from './runtime/store';

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
