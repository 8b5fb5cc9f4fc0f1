import { streamId } from '../../events/envelope';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import type { ContractView } from '../../domain/contract/view';
import { NotFoundError } from '../../domain/errors';
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
