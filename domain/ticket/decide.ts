import type { NewEvent } from '../../events/catalog';
import type { Catalog } from '../catalog/schema/catalog';
import type { DecideContext } from '../decider';
import type { TicketCommand } from './commands';
import { accept, addReply, changeSeverity, escalate, recordArrival, recordCustomerReply, recordPartsDelivery, resolve, resumeTicket, waitOnCustomer } from './handling';
import { openTicket } from './intake';
import { checkReturns, recordDeviceReturn, shipLoaner, shipReplacement } from './returns';
import { checkSla } from './sla-check';
import type { TicketState } from './state';

/** The ticket's rules, one small file per group of commands. */
export function decide(command: TicketCommand, state: TicketState, { now, catalog }: DecideContext<Catalog>): NewEvent[] {
  switch (command.type) {
    case 'OpenTicket':
      return openTicket(command, state, catalog, now);
    case 'AcceptTicket':
      return accept(state, command.agentId);
    case 'AddReply':
      return addReply(command, state);
    case 'RecordCustomerReply':
      return recordCustomerReply(command, state);
    case 'WaitOnCustomer':
      return waitOnCustomer(command, state);
    case 'ResumeTicket':
      return resumeTicket(state);
    case 'EscalateTicket':
      return escalate(command, state, catalog);
    case 'ChangeSeverity':
      return changeSeverity(command, state, catalog);
    case 'RecordArrival':
      return recordArrival(command, state);
    case 'RecordPartsDelivery':
      return recordPartsDelivery(command, state);
    case 'ResolveTicket':
      return resolve(command, state);
    case 'CheckSla':
      return checkSla(state, now);
    case 'ShipReplacement':
      return shipReplacement(command, state, catalog, now);
    case 'ShipLoaner':
      return shipLoaner(command, state, catalog, now);
    case 'RecordDeviceReturn':
      return recordDeviceReturn(command, state);
    case 'CheckReturns':
      return checkReturns(command, state, now);
  }
}
