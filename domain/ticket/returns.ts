import type { NewEvent } from '../../events/catalog';
import { findAddOn, findPlan } from '../catalog/lookup';
import type { AddOn } from '../catalog/schema/addons';
import type { Catalog } from '../catalog/schema/catalog';
import type { ContractView } from '../contract/view';
import { ConflictError, ValidationError } from '../errors';
import type { CheckReturns, RecordDeviceReturn, ShipLoaner, ShipReplacement } from './commands';
import { existingTicket } from './handling';
import type { DeviceReturn, TicketState } from './state';

/**
 * Devices that must come back: the faulty device after a replacement shipped (the plan's `rma`:
 * within `returnWithinDays`, and only once the fault is verified when the plan says so), and a
 * loaned device (the catalog's `loan` add-on: within its `returnWithinDays`, billed at its list
 * price if it does not come back). The daily sweep reminds REMINDER_DAYS_BEFORE days before the
 * due instant, and at the due instant marks a faulty device overdue or charges the loaner — each
 * once. A due instant is the shipping instant plus whole days of 24 hours.
 */
export const REMINDER_DAYS_BEFORE = 2;
const DAY = 86_400_000;

const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

export function shipReplacement(command: ShipReplacement, state: TicketState, catalog: Catalog, now: string): NewEvent[] {
  const ticket = existingTicket(state);
  const rma = findPlan(catalog, command.contract.planId)?.rma;
  if (!rma) throw new ConflictError('no_rma', `The plan ${command.contract.planId} does not ship replacements.`);
  if (rma.verifiedBeforeReplacement && !ticket.accepted)
    throw new ConflictError('not_verified', 'A replacement ships only once the fault is verified: accept the report first.');
  if (ticket.rma && !ticket.rma.returned) throw new ConflictError('replacement_shipped', `A replacement already shipped; the faulty device is due back by ${ticket.rma.returnDueAt}.`);
  const serial = ticket.serialNumber ?? command.contract.serialNumbers?.[0];
  if (!serial) throw new ConflictError('no_serial_number', 'The ticket names no device serial number.');
  return [{ type: 'ReplacementShipped', payload: { ticketId: ticket.ticketId, faultySerialNumber: serial, returnDueAt: plus(now, rma.returnWithinDays), returnShippingPaidBy: rma.returnShippingPaidBy } }];
}

/** The loan add-on the contract may use: one it holds, or one its plan includes as a service. */
function loanAddOn(catalog: Catalog, contract: ContractView): AddOn | undefined {
  const plan = findPlan(catalog, contract.planId);
  return catalog.addOns.find((a) => a.loan && (contract.addOns.some((h) => h.addOnId === a.id) || plan?.entitlements.services.includes(a.id)));
}

export function shipLoaner(command: ShipLoaner, state: TicketState, catalog: Catalog, now: string): NewEvent[] {
  const ticket = existingTicket(state);
  const addOn = loanAddOn(catalog, command.contract);
  if (!addOn?.loan) {
    const offered = catalog.addOns.find((a) => a.loan);
    throw new ConflictError('no_loan', offered ? `${offered.name} is not part of contract ${command.contract.contractId}'s agreement.` : 'This catalog lends no devices.');
  }
  if (ticket.loan && !ticket.loan.returned) throw new ConflictError('loaner_out', `A loaner is already out, due back by ${ticket.loan.returnDueAt}.`);
  if (!Number.isSafeInteger(command.listPrice.amount) || command.listPrice.amount < 1)
    throw new ValidationError([{ path: 'listPrice.amount', message: 'The list price is a positive amount in minor units.' }]);
  return [
    {
      type: 'LoanerShipped',
      payload: {
        ticketId: ticket.ticketId,
        loanerSerialNumber: command.loanerSerialNumber,
        listPrice: command.listPrice,
        returnDueAt: plus(now, addOn.loan.returnWithinDays),
        shippingPaidBy: findAddOn(catalog, addOn.id)?.shipping?.paidBy ?? 'customer',
      },
    },
  ];
}

export function recordDeviceReturn(command: RecordDeviceReturn, state: TicketState): NewEvent[] {
  const ticket = existingTicket(state);
  const item = command.device === 'faulty' ? ticket.rma : ticket.loan;
  if (!item) throw new ConflictError('nothing_out', command.device === 'faulty' ? 'No replacement shipped on this ticket.' : 'No loaner is out on this ticket.');
  if (item.returned) return [];
  const payload = { ticketId: ticket.ticketId, agentId: command.agentId };
  return [command.device === 'faulty' ? { type: 'FaultyDeviceReturned', payload } : { type: 'LoanerReturned', payload }];
}

/** The next instant the returns sweep must look at a device (its reminder, then its due instant). */
export function nextReturnCheck(item: DeviceReturn | undefined): string | undefined {
  if (!item || item.returned || item.lapsed) return undefined;
  return item.reminded ? item.returnDueAt : plus(item.returnDueAt, -REMINDER_DAYS_BEFORE);
}

export function checkReturns(_command: CheckReturns, state: TicketState, now: string): NewEvent[] {
  if (state.status === 'none') return [];
  const at = Date.parse(now);
  const events: NewEvent[] = [];
  const { rma, loan, ticketId, contractId } = state;
  const isDue = (iso: string) => Date.parse(iso) <= at;
  if (rma && !rma.returned && !rma.lapsed) {
    if (isDue(rma.returnDueAt)) events.push({ type: 'DeviceReturnOverdue', payload: { ticketId, returnDueAt: rma.returnDueAt } });
    else if (!rma.reminded && isDue(plus(rma.returnDueAt, -REMINDER_DAYS_BEFORE))) events.push({ type: 'DeviceReturnReminded', payload: { ticketId, device: 'faulty', returnDueAt: rma.returnDueAt } });
  }
  if (loan && !loan.returned && !loan.lapsed) {
    if (isDue(loan.returnDueAt))
      events.push({ type: 'LoanerCharged', payload: { ticketId, contractId, loanerSerialNumber: loan.loanerSerialNumber, amount: loan.listPrice, returnDueAt: loan.returnDueAt } });
    else if (!loan.reminded && isDue(plus(loan.returnDueAt, -REMINDER_DAYS_BEFORE))) events.push({ type: 'DeviceReturnReminded', payload: { ticketId, device: 'loaner', returnDueAt: loan.returnDueAt } });
  }
  return events;
}
