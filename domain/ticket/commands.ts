import type { Severity, TicketChannel, TicketContact } from '../../events/ticket';
import type { ContractView } from '../contract/view';

/** A fault report, from the website form or taken by staff on the phone or by e-mail. */
export interface OpenTicket {
  type: 'OpenTicket';
  ticketId: string;
  /** The contract as its view stands (the handler reads it; the decider checks everything). */
  contract: ContractView;
  intake: 'website' | 'staff';
  /** Staff give the channel the report came in on; the website form is a written request (e-mail, else the portal). */
  channel?: TicketChannel;
  category: string;
  severity: Severity;
  subject: string;
  description: string;
  contact: TicketContact;
  serialNumber?: string;
  taxId?: string;
}

interface OnTicket {
  ticketId: string;
  agentId: string;
}

export interface AcceptTicket extends OnTicket {
  type: 'AcceptTicket';
}
/** `visibility: 'public'` answers the customer (a response); `internal` is a note for staff only. */
export interface AddReply extends OnTicket {
  type: 'AddReply';
  visibility: 'public' | 'internal';
  body: string;
}
export interface RecordCustomerReply {
  type: 'RecordCustomerReply';
  ticketId: string;
  body: string;
}
export interface WaitOnCustomer extends OnTicket {
  type: 'WaitOnCustomer';
  reason: string;
}
export interface ResumeTicket extends OnTicket {
  type: 'ResumeTicket';
}
/** To the next support level (L0 → L1), and/or to the provider's escalation contact. */
export interface EscalateTicket extends OnTicket {
  type: 'EscalateTicket';
  to: 'next-level' | 'escalation-contact';
  reason: string;
}
/** Another severity (and the SLA anew from the contract's current plan and add-ons). */
export interface ChangeSeverity extends OnTicket {
  type: 'ChangeSeverity';
  severity: Severity;
  contract: ContractView;
  reason: string;
}
export interface RecordArrival extends OnTicket {
  type: 'RecordArrival';
}
export interface RecordPartsDelivery extends OnTicket {
  type: 'RecordPartsDelivery';
}
export interface ResolveTicket extends OnTicket {
  type: 'ResolveTicket';
  resolution: string;
}
/** A verified fault: ship a replacement; the faulty device must come back within the plan's RMA days. */
export interface ShipReplacement extends OnTicket {
  type: 'ShipReplacement';
  contract: ContractView;
}
export interface RecordDeviceReturn extends OnTicket {
  type: 'RecordDeviceReturn';
  device: 'faulty' | 'loaner';
}
/** Lend a device (the catalog's loan add-on or service) at its list price if not returned. */
export interface ShipLoaner extends OnTicket {
  type: 'ShipLoaner';
  contract: ContractView;
  loanerSerialNumber: string;
  listPrice: { amount: number; currency: string };
}
/** The daily sweep: return reminders, overdue faulty devices, loaners charged. */
export interface CheckReturns {
  type: 'CheckReturns';
  ticketId: string;
}

/** The sweeper: raises the warnings and breaches that have come due by `now`, each once. */
export interface CheckSla {
  type: 'CheckSla';
  ticketId: string;
}

export type TicketCommand =
  | OpenTicket
  | AcceptTicket
  | AddReply
  | RecordCustomerReply
  | WaitOnCustomer
  | ResumeTicket
  | EscalateTicket
  | ChangeSeverity
  | RecordArrival
  | RecordPartsDelivery
  | ResolveTicket
  | CheckSla
  | ShipReplacement
  | RecordDeviceReturn
  | ShipLoaner
  | CheckReturns;
