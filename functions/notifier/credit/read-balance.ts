import type { Catalog } from '../../../domain/catalog/schema/catalog';
import { CONTRACT_CATEGORY } from '../../../domain/contract/decider';
import type { ContractView } from '../../../domain/contract/view';
import { balanceAt } from '../../../domain/credit/balance';
import { holderOfView } from '../../../domain/credit/holder';
import { CREDIT_CATEGORY } from '../../../domain/credit/decider';
import type { CreditView } from '../../../domain/credit/view';
import { streamId } from '../../../events/envelope';
import type { ViewStore } from '../../views/view-store';
import { balanceFacts, type BalanceFacts } from './render-credit';

/**
 * A contract's credit balance at `now` (the event's time), read at send time from the contract's
 * and the credit account's views. Undefined when the contract has no view (yet).
 */
export async function readBalance(views: ViewStore, catalog: Catalog, contractId: string, now: string): Promise<{ contract: ContractView; facts: BalanceFacts } | undefined> {
  const [contract, credit] = await Promise.all([views.get<ContractView>(streamId(CONTRACT_CATEGORY, contractId)), views.get<CreditView>(streamId(CREDIT_CATEGORY, contractId))]);
  if (!contract) return undefined;
  return { contract: contract.view, facts: balanceFacts(catalog, balanceAt(catalog, holderOfView(contract.view), credit?.view, now)) };
}
