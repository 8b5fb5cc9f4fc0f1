import type { EventType } from './catalog';

/**
 * Where each event type carries personal data, and whose it is. The store seals these fields
 * before writing (see `functions/privacy/seal-events.ts`); everything else stays in clear.
 *
 * A group names fields by dotted path, inside each item of the array at `each` when given. Their
 * subject is the person whose e-mail is at `subjectEmail` (the same group), or the stream's owner:
 * the subject of the stream's first `owner` group (a contract's customer, a ticket's contact; a
 * credit account belongs to its contract's customer).
 */
export interface PersonalGroup {
  each?: string;
  subjectEmail?: string;
  /** This group's subject owns the stream (its free text, e.g. ticket replies, is theirs). */
  owner?: boolean;
  paths: string[];
}

export const PERSONAL_FIELDS: Partial<Record<EventType, PersonalGroup[]>> = {
  ContractOrdered: [
    { subjectEmail: 'customer.email', owner: true, paths: ['customer.name', 'customer.email', 'customer.taxId'] },
    { each: 'registeredPersons', subjectEmail: 'email', paths: ['name', 'email'] },
  ],
  RegisteredPersonAdded: [{ subjectEmail: 'email', paths: ['name', 'email'] }],
  ContractCancelled: [{ paths: ['reason'] }],
  CustomerDetailsCorrected: [{ paths: ['name', 'taxId', 'reason'] }],
  TicketOpened: [{ subjectEmail: 'contact.email', owner: true, paths: ['contact.name', 'contact.email', 'contact.phone', 'subject', 'description'] }],
  AgentReplied: [{ paths: ['body'] }],
  InternalNoteAdded: [{ paths: ['body'] }],
  CustomerReplied: [{ paths: ['body'] }],
  TicketPaused: [{ paths: ['reason'] }],
  TicketEscalated: [{ paths: ['reason'] }],
  TicketResolved: [{ paths: ['resolution'] }],
  WorkLogged: [{ paths: ['note'] }],
  WorkLogCorrected: [{ paths: ['correction.note', 'reason'] }],
  PrivacyRequestReceived: [{ subjectEmail: 'email', owner: true, paths: ['email', 'details'] }],
  PrivacyRequestCompleted: [{ paths: ['note'] }],
};

/** The stream whose owner owns `streamId` (a credit account is its contract's). */
export const ownerStreamOf = (streamId: string): string => (streamId.startsWith('credit#') ? `contract#${streamId.slice('credit#'.length)}` : streamId);
