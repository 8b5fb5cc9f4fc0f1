import type { NewEvent } from '../../events/catalog';
import { formatMoney } from '../catalog/money';
import { ConflictError, ValidationError } from '../errors';
import type { PayReactivationFee } from './commands';
import { existing } from './guards';
import type { ContractState } from './state';

/**
 * A payment towards the reactivation fee of the latest reinstatement. The fee is owed from the
 * moment the contract is reinstated; until it is paid in full the agreement covers nothing (see
 * `entitlements.ts`). Part payments are recorded and reduce what is owed; paying more than is
 * owed, or in another currency, is refused. A payment whose reference was already recorded is a
 * repeat (a client retry, a bank file read twice) and records nothing.
 */
export function payReactivationFee(command: PayReactivationFee, state: ContractState): NewEvent[] {
  const contract = existing(state);
  if (contract.feeReferences.includes(command.reference)) return [];
  const owed = contract.feeOutstanding;
  if (!owed) throw new ConflictError('no_fee_outstanding', `Contract ${contract.contractId} owes no reactivation fee.`);
  const { paid } = command;
  if (paid.currency !== owed.currency)
    throw new ValidationError([{ path: 'paid.currency', message: `The fee is owed in ${owed.currency}.` }]);
  if (!Number.isSafeInteger(paid.amount) || paid.amount < 1)
    throw new ValidationError([{ path: 'paid.amount', message: 'A payment is a positive whole number of minor units.' }]);
  if (paid.amount > owed.amount)
    throw new ValidationError([{ path: 'paid.amount', message: `Only ${formatMoney(owed)} is owed; this pays ${formatMoney(paid)}.` }]);
  return [
    {
      type: 'ReactivationFeePaid',
      payload: {
        contractId: contract.contractId,
        paid,
        reference: command.reference,
        outstanding: { amount: owed.amount - paid.amount, currency: owed.currency },
      },
    },
  ];
}
