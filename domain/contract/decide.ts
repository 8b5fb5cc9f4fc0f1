import type { NewEvent } from '../../events/catalog';
import type { Catalog } from '../catalog/schema/catalog';
import type { DecideContext } from '../decider';
import type { ContractCommand } from './commands';
import { activate, addAddOn, addRegisteredPerson, changeLicence, changeLicencePackages, removeAddOn, removeRegisteredPerson } from './holdings';
import { payReactivationFee } from './fee-payment';
import { cancel, expire, lapse, scheduleSystemReview } from './lifecycle';
import { correctCustomer } from './customer';
import { createContract, placeOrder } from './order';
import { renew, requestRenewal, sendDueRenewalReminder, sendRenewalReminder } from './renewal';
import type { ContractState } from './state';

/** The contract's rules, one small file per group of commands. */
export function decide(command: ContractCommand, state: ContractState, context: DecideContext<Catalog>): NewEvent[] {
  const { catalog, now } = context;
  switch (command.type) {
    case 'PlaceOrder':
      return placeOrder(command, state, catalog);
    case 'CreateContract':
      return createContract(command, state, catalog);
    case 'Activate':
      return activate(command, state);
    case 'AddAddOn':
      return addAddOn(command, state, catalog, now);
    case 'RemoveAddOn':
      return removeAddOn(command, state, catalog);
    case 'AddRegisteredPerson':
      return addRegisteredPerson(command, state, catalog, now);
    case 'RemoveRegisteredPerson':
      return removeRegisteredPerson(command, state);
    case 'ChangeLicencePackages':
      return changeLicencePackages(command, state);
    case 'ChangeLicence':
      return changeLicence(command, state, catalog);
    case 'CorrectCustomer':
      return correctCustomer(command, state);
    case 'RequestRenewal':
      return requestRenewal(command, state);
    case 'SendRenewalReminder':
      return sendRenewalReminder(command, state, context);
    case 'SendDueRenewalReminder':
      return sendDueRenewalReminder(state, context);
    case 'Renew':
      return renew(command, state, context);
    case 'PayReactivationFee':
      return payReactivationFee(command, state);
    case 'ExpireContract':
      return expire(state, context.now);
    case 'LapseContract':
      return lapse(state, context);
    case 'Cancel':
      return cancel(command, state);
    case 'ScheduleSystemReview':
      return scheduleSystemReview(state, context);
  }
}
