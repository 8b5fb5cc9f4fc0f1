import type { NewEvent } from '../../events/catalog';
import { ValidationError } from '../errors';
import type { CorrectCustomer } from './commands';
import { existing } from './guards';
import type { ContractState } from './state';

/**
 * Rectification: the customer's name, tax id or language on file is corrected, in any status (a
 * cancelled or lapsed contract's data must be right too). The e-mail address is not corrected
 * here: it names the data subject.
 */
export function correctCustomer(command: CorrectCustomer, state: ContractState): NewEvent[] {
  const contract = existing(state);
  const { name, taxId, locale, reason } = command;
  if (name === undefined && taxId === undefined && locale === undefined) {
    throw new ValidationError([{ path: 'body', message: 'Give at least one of name, taxId, locale.' }]);
  }
  return [
    {
      type: 'CustomerDetailsCorrected',
      payload: { contractId: contract.contractId, ...(name ? { name } : {}), ...(taxId ? { taxId } : {}), ...(locale ? { locale } : {}), ...(reason ? { reason } : {}) },
    },
  ];
}
