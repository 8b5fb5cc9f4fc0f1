import type { EventType } from '../../events/catalog';
import type { Actor } from '../../events/envelope';

/**
 * Who is a customer, and what counts as hearing from a data subject (the retention audit of
 * unresponsive non-customers, `qualisys-privacy-policy.txt`: "non-customers deleted on request or
 * after a periodic audit finds them consistently unresponsive").
 *
 * A **customer** is a subject whose personal data is in a contract stream (`contract#…`): the
 * customer of a contract or one of its registered persons. Once a customer, always one for the
 * audit: their data is kept under the contract's retention ("until the customer stops or asks for
 * deletion"), never erased by the audit. Everyone else with data in the product (a ticket contact
 * who is not the contract's customer, the sender of a privacy request) is a **non-customer
 * contact**.
 */
export const isCustomerStream = (streamId: string): boolean => streamId.startsWith('contract#');

/**
 * Events that are the stream owner's own doing whoever recorded them: a ticket opened for them
 * (they asked for support, on the website, by phone or by e-mail), their reply on a ticket, a
 * privacy request they sent.
 */
export const OWNER_ACTIVITY: ReadonlySet<EventType> = new Set<EventType>(['TicketOpened', 'CustomerReplied', 'PrivacyRequestReceived']);

/** Whose personal data a group of an event's personal fields holds (see events/personal-fields.ts). */
export interface DataOwnerOf {
  /** The group's subject owns the stream (a ticket's contact, a contract's customer). */
  owner: boolean;
  /** The group names its subject by an e-mail of its own (a registered person, a contact). */
  byEmail: boolean;
}

/**
 * Whether appending `type` by `actor` is **activity** of the subject of a personal-data group of
 * the event: we heard from the subject. That is an event carrying the subject's personal data
 * that the subject caused:
 * - anything sent through a website form (actor kind `customer`), for the person who sent it (the
 *   group's subject is the stream's owner: the orderer, the ticket contact, the requester), not for
 *   others it names (the registered persons of an order);
 * - whoever recorded it, a ticket opened for the subject, the subject's reply on a ticket, a
 *   privacy request of the subject (OWNER_ACTIVITY), for the stream's owner.
 * Staff replies, notes, resolutions and system events are not: they are us talking, not them.
 */
export function isActivity(type: EventType, actor: Pick<Actor, 'kind'>, group: DataOwnerOf): boolean {
  const ofOwner = group.owner || !group.byEmail;
  return ofOwner && (actor.kind === 'customer' || OWNER_ACTIVITY.has(type));
}
