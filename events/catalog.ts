import type { z } from 'zod';
import {
  AddOnAdded,
  AddOnRemoved,
  ContractActivated,
  ContractCancelled,
  ContractExpired,
  ContractLapsed,
  ContractOrdered,
  ContractReinstated,
  ContractRenewed,
  CustomerDetailsCorrected,
  LicenceChanged,
  LicencePackagesChanged,
  ReactivationFeePaid,
  RegisteredPersonAdded,
  RegisteredPersonRemoved,
  RenewalReminded,
  RenewalRequested,
  SystemReviewDue,
} from './contract';
import { CreditAdded, CreditBalanceRequested, CreditYearClosed, CreditYearOpened, WorkLogCorrected, WorkLogged } from './credit';
import type { EventEnvelope } from './envelope';
import {
  PrivacyRequestCompleted,
  PrivacyRequestConfirmed,
  PrivacyRequestReceived,
  PrivacyRequestReminded,
  ProcessingLimited,
  SubjectErased,
  SubjectFlagCleared,
  SubjectFlaggedUnresponsive,
} from './privacy';
import { StatementIssued } from './statement';
import { MailingRequested } from './mailing';
import {
  AgentReplied,
  DeviceReturnOverdue,
  DeviceReturnReminded,
  FaultyDeviceReturned,
  LoanerCharged,
  LoanerReturned,
  LoanerShipped,
  ReplacementShipped,
  CustomerReplied,
  EngineerArrived,
  InternalNoteAdded,
  PartsDelivered,
  SlaBreached,
  SlaWarningRaised,
  TicketAccepted,
  TicketEscalated,
  TicketOpened,
  TicketPaused,
  TicketResolved,
  TicketResumed,
  TicketSlaChanged,
} from './ticket';

/**
 * The event catalog: every event type the store accepts, with its current schema version and
 * the zod schema of each version it can read. Writing uses the current version; reading parses
 * with the schema of the version the event was written with.
 */
export const eventCatalog = {
  ContractOrdered: { current: 1, versions: { 1: ContractOrdered } },
  ContractActivated: { current: 1, versions: { 1: ContractActivated } },
  AddOnAdded: { current: 1, versions: { 1: AddOnAdded } },
  AddOnRemoved: { current: 1, versions: { 1: AddOnRemoved } },
  RegisteredPersonAdded: { current: 1, versions: { 1: RegisteredPersonAdded } },
  RegisteredPersonRemoved: { current: 1, versions: { 1: RegisteredPersonRemoved } },
  LicencePackagesChanged: { current: 1, versions: { 1: LicencePackagesChanged } },
  LicenceChanged: { current: 1, versions: { 1: LicenceChanged } },
  CustomerDetailsCorrected: { current: 1, versions: { 1: CustomerDetailsCorrected } },
  RenewalRequested: { current: 1, versions: { 1: RenewalRequested } },
  RenewalReminded: { current: 1, versions: { 1: RenewalReminded } },
  ContractRenewed: { current: 1, versions: { 1: ContractRenewed } },
  ContractExpired: { current: 1, versions: { 1: ContractExpired } },
  ContractLapsed: { current: 1, versions: { 1: ContractLapsed } },
  ContractReinstated: { current: 1, versions: { 1: ContractReinstated } },
  ReactivationFeePaid: { current: 1, versions: { 1: ReactivationFeePaid } },
  ContractCancelled: { current: 1, versions: { 1: ContractCancelled } },
  SystemReviewDue: { current: 1, versions: { 1: SystemReviewDue } },
  TicketOpened: { current: 1, versions: { 1: TicketOpened } },
  TicketAccepted: { current: 1, versions: { 1: TicketAccepted } },
  AgentReplied: { current: 1, versions: { 1: AgentReplied } },
  InternalNoteAdded: { current: 1, versions: { 1: InternalNoteAdded } },
  CustomerReplied: { current: 1, versions: { 1: CustomerReplied } },
  TicketPaused: { current: 1, versions: { 1: TicketPaused } },
  TicketResumed: { current: 1, versions: { 1: TicketResumed } },
  TicketEscalated: { current: 1, versions: { 1: TicketEscalated } },
  TicketSlaChanged: { current: 1, versions: { 1: TicketSlaChanged } },
  EngineerArrived: { current: 1, versions: { 1: EngineerArrived } },
  PartsDelivered: { current: 1, versions: { 1: PartsDelivered } },
  TicketResolved: { current: 1, versions: { 1: TicketResolved } },
  SlaWarningRaised: { current: 1, versions: { 1: SlaWarningRaised } },
  SlaBreached: { current: 1, versions: { 1: SlaBreached } },
  ReplacementShipped: { current: 1, versions: { 1: ReplacementShipped } },
  FaultyDeviceReturned: { current: 1, versions: { 1: FaultyDeviceReturned } },
  LoanerShipped: { current: 1, versions: { 1: LoanerShipped } },
  LoanerReturned: { current: 1, versions: { 1: LoanerReturned } },
  DeviceReturnReminded: { current: 1, versions: { 1: DeviceReturnReminded } },
  DeviceReturnOverdue: { current: 1, versions: { 1: DeviceReturnOverdue } },
  LoanerCharged: { current: 1, versions: { 1: LoanerCharged } },
  CreditYearOpened: { current: 1, versions: { 1: CreditYearOpened } },
  CreditYearClosed: { current: 1, versions: { 1: CreditYearClosed } },
  CreditAdded: { current: 1, versions: { 1: CreditAdded } },
  WorkLogged: { current: 1, versions: { 1: WorkLogged } },
  WorkLogCorrected: { current: 1, versions: { 1: WorkLogCorrected } },
  CreditBalanceRequested: { current: 1, versions: { 1: CreditBalanceRequested } },
  StatementIssued: { current: 1, versions: { 1: StatementIssued } },
  SubjectErased: { current: 1, versions: { 1: SubjectErased } },
  ProcessingLimited: { current: 1, versions: { 1: ProcessingLimited } },
  SubjectFlaggedUnresponsive: { current: 1, versions: { 1: SubjectFlaggedUnresponsive } },
  SubjectFlagCleared: { current: 1, versions: { 1: SubjectFlagCleared } },
  PrivacyRequestReceived: { current: 1, versions: { 1: PrivacyRequestReceived } },
  PrivacyRequestConfirmed: { current: 1, versions: { 1: PrivacyRequestConfirmed } },
  PrivacyRequestCompleted: { current: 1, versions: { 1: PrivacyRequestCompleted } },
  PrivacyRequestReminded: { current: 1, versions: { 1: PrivacyRequestReminded } },
  MailingRequested: { current: 1, versions: { 1: MailingRequested } },
} as const satisfies Record<string, { current: number; versions: Record<number, z.ZodType> }>;

export type EventType = keyof typeof eventCatalog;
export type PayloadOf<T extends EventType> = z.infer<
  (typeof eventCatalog)[T]['versions'][(typeof eventCatalog)[T]['current']]
>;

/** A stored event of a known type, with its payload parsed. */
export type DomainEvent = { [T in EventType]: EventEnvelope<T, PayloadOf<T>> }[EventType];
/** An event the domain decided on, before the store gives it an envelope. */
export type NewEvent = { [T in EventType]: { type: T; payload: PayloadOf<T> } }[EventType];

export class UnknownEventTypeError extends Error {
  readonly code = 'unknown_event_type';
  constructor(readonly type: string, readonly schemaVersion?: number) {
    super(`unknown event type ${type}${schemaVersion === undefined ? '' : ` v${schemaVersion}`}`);
    this.name = 'UnknownEventTypeError';
  }
}

export class InvalidEventPayloadError extends Error {
  readonly code = 'invalid_event_payload';
  constructor(readonly type: string, readonly issues: { path: string; message: string }[]) {
    super(`invalid ${type} payload: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidEventPayloadError';
  }
}

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventCatalog, type);

/** Parses a payload against the schema of `type` at `schemaVersion` (default: current). */
export function parsePayload(type: string, payload: unknown, schemaVersion?: number): unknown {
  if (!isEventType(type)) throw new UnknownEventTypeError(type);
  const entry = eventCatalog[type];
  const version = schemaVersion ?? entry.current;
  const schema = (entry.versions as Record<number, z.ZodType>)[version];
  if (!schema) throw new UnknownEventTypeError(type, version);
  const result = schema.safeParse(payload);
  if (!result.success) {
    throw new InvalidEventPayloadError(
      type,
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data;
}

export const currentSchemaVersion = (type: EventType): number => eventCatalog[type].current;
