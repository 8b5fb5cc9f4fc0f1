import * as z from 'zod';
import { BillTo } from './credit';
import { personal } from './sealed';
import { Locale } from './contract';

/**
 * Ticket events. A ticket's SLA targets and business calendar are copied into the ticket when it
 * opens (and again when its plan, severity or priority changes), so a later catalog edit never
 * moves a running clock. Clock instants come from the events' `occurredAt`.
 */

const id = z.string().min(1).max(64);
const ticketId = z.string().min(1);
const isoInstant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().min(1).max(max);
/** Personal free text (the reporter's communications): sealed when stored. */
const personalText = (max: number) => personal(text(max));

export const Severity = z.enum(['low', 'normal', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const SlaMetric = z.enum(['reaction', 'first-response', 'next-response', 'resolution', 'on-site', 'parts-delivery']);
export type SlaMetric = z.infer<typeof SlaMetric>;

export const TicketChannel = z.enum(['email', 'phone', 'remote-desktop', 'on-site', 'portal']);
export type TicketChannel = z.infer<typeof TicketChannel>;

/** One target as the catalog gave it (the catalog's schema checks it in full). */
export const SlaTargetSnapshot = z.object({
  metric: SlaMetric,
  within: z.union([
    z.object({ unit: z.literal('minutes'), value: z.int().min(1) }),
    z.object({ unit: z.literal('business-days'), value: z.int().min(1) }),
    z.object({ unit: z.literal('next-business-day') }),
  ]),
  from: z.enum(['report', 'acceptance']),
});
export type SlaTargetSnapshot = z.infer<typeof SlaTargetSnapshot>;

/** The SLA a ticket runs under: the plan's service window (its business calendar, as data), the warning share and the targets that apply. */
export const SlaSnapshot = z.object({
  windowId: id,
  windowName: z.string().min(1),
  /** A `domain/calendar` definition (checked by the catalog when it was loaded). */
  calendar: z.looseObject({ timeZone: z.string().min(1) }),
  warnAtPercent: z.int().min(1).max(99),
  targets: z.array(SlaTargetSnapshot),
});
export type SlaSnapshot = z.infer<typeof SlaSnapshot>;

export const TicketContact = z.object({
  name: personalText(200),
  email: personal(z.email().max(254)),
  phone: personal(z.string().min(1).max(40)).optional(),
  locale: Locale,
});
export type TicketContact = z.infer<typeof TicketContact>;

/** Who works the ticket: the vendor, or the customer's distributor (level-0 topics). */
export const Handler = z.object({ provider: z.enum(['vendor', 'distributor']), distributorId: id.optional() });
export type Handler = z.infer<typeof Handler>;

export const TicketOpened = z.object({
  ticketId,
  contractId: z.string().min(1),
  planId: id,
  /** How the report came in: the website form, or staff taking it by phone or e-mail. */
  intake: z.enum(['website', 'staff']),
  channel: TicketChannel,
  category: id,
  severity: Severity,
  subject: personalText(200),
  description: personalText(10_000),
  contact: TicketContact,
  serialNumber: z.string().min(1).max(64).optional(),
  /** The catalog support level the category belongs to (absent when the catalog has none). */
  level: id.optional(),
  handler: Handler,
  /** Support+ style priority: first in every queue. */
  priority: z.boolean(),
  /** The customer's zone, for the times the e-mails show. */
  timeZone: z.string().min(1),
  sla: SlaSnapshot.nullable(),
  /** Who a charge on this ticket (a loaner not returned) is billed to, from the contract at intake. */
  billTo: BillTo.optional(),
});
export type TicketOpened = z.infer<typeof TicketOpened>;

/** The provider verified the report (interview, tests, logs): clocks counted from acceptance start. */
export const TicketAccepted = z.object({ ticketId, agentId: id });
/** A public reply to the customer: the only thing that counts as a response. */
export const AgentReplied = z.object({ ticketId, agentId: id, body: personalText(20_000) });
/** Staff-only: never a response. */
export const InternalNoteAdded = z.object({ ticketId, agentId: id, body: personalText(20_000) });
export const CustomerReplied = z.object({ ticketId, body: personalText(20_000) });
/** Waiting on the customer: the clocks pause. */
export const TicketPaused = z.object({ ticketId, reason: personalText(1000) });
export const TicketResumed = z.object({ ticketId });
export const TicketEscalated = z.object({
  ticketId,
  fromLevel: id.optional(),
  toLevel: id.optional(),
  /** Raised to the provider's escalation contact (besides any level change). */
  toEscalationContact: z.boolean(),
  reason: personalText(1000),
  handler: Handler,
});
/** The ticket's SLA was taken anew (another severity, plan or priority); elapsed and paused time carry over. */
export const TicketSlaChanged = z.object({ ticketId, reason: text(1000), planId: id, severity: Severity, priority: z.boolean(), sla: SlaSnapshot.nullable() });
export const EngineerArrived = z.object({ ticketId, agentId: id });
export const PartsDelivered = z.object({ ticketId, agentId: id });
export const TicketResolved = z.object({ ticketId, agentId: id, resolution: personalText(5000) });

/** `percent` of a target's time has run (the catalog's warning share). */
export const SlaWarningRaised = z.object({ ticketId, metric: SlaMetric, cycle: z.int().min(1), dueAt: isoInstant, percent: z.int().min(1).max(99) });
/** A target's time ran out before it was met. */
export const SlaBreached = z.object({ ticketId, metric: SlaMetric, cycle: z.int().min(1), dueAt: isoInstant });

const money = z.object({ amount: z.int().min(0), currency: z.string().regex(/^[A-Z]{3}$/) });

/** A verified fault: a replacement ships, and the faulty device must come back by `returnDueAt`. */
export const ReplacementShipped = z.object({ ticketId, faultySerialNumber: z.string().min(1).max(64), returnDueAt: isoInstant, returnShippingPaidBy: z.enum(['customer', 'vendor']) });
export const FaultyDeviceReturned = z.object({ ticketId, agentId: id });
/** A loaned device (e.g. a camera while the customer's is repaired), to come back by `returnDueAt`, billed at `listPrice` if it does not. */
export const LoanerShipped = z.object({ ticketId, loanerSerialNumber: z.string().min(1).max(64), listPrice: money, returnDueAt: isoInstant, shippingPaidBy: z.enum(['customer', 'vendor']) });
export const LoanerReturned = z.object({ ticketId, agentId: id });
/** A reminder that a device (`faulty` or `loaner`) is due back soon. */
export const DeviceReturnReminded = z.object({ ticketId, device: z.enum(['faulty', 'loaner']), returnDueAt: isoInstant });
/** The faulty device was not back by its due date. */
export const DeviceReturnOverdue = z.object({ ticketId, returnDueAt: isoInstant });
/** A loaner not returned by its due date becomes a charge at its list price (the billing ledger takes it from here). */
export const LoanerCharged = z.object({ ticketId, contractId: z.string().min(1), loanerSerialNumber: z.string().min(1).max(64), amount: money, returnDueAt: isoInstant });
