import { streamId } from '../../events/envelope';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import type { ContractView } from '../../domain/contract/view';
import { NotFoundError } from '../../domain/errors';
import { sealer } from '../runtime/vault';
import { viewStore } from '../runtime/views';
import type { StoredView } from '../views/view-store';
import { assertMayAccessDistributor, type StaffCaller } from './auth';

/** A contract's stored view for a staff member: a 404 when there is none, a 403 when its distributor is not the caller's. */
export async function contractViewFor(contractId: string, caller: StaffCaller): Promise<StoredView<ContractView>> {
  const stored = await viewStore().get<ContractView>(streamId(CONTRACT_CATEGORY, contractId));
  if (!stored) throw new NotFoundError(`No contract ${contractId}.`);
  assertMayAccessDistributor(caller, stored.view.distributorId);
  return stored;
}

/**
 * A contract view with its personal fields opened (the view holds them sealed), for the rules that
 * compare them with what a caller gives: a form's e-mail, a report's tax id. Erased values read '[erased]'.
 */
export const openedContract = (view: ContractView): Promise<ContractView> => sealer().openDeep(view);
