import type { Catalog } from '../../../domain/catalog/schema/catalog';
import type { PrivacyRequestView } from '../../../domain/privacy/request-view';
import type { PayloadOf } from '../../../events/catalog';
import type { Mail } from '../../mail/mailer';
import { toMail } from '../message';
import { formatters } from '../render';
import { privacyWords } from './words';

/** The privacy events the notifier mails. */
const PRIVACY_MAILED = ['PrivacyRequestReceived', 'PrivacyRequestCompleted', 'PrivacyRequestReminded'] as const;
export type PrivacyMailedType = (typeof PRIVACY_MAILED)[number];
export const isPrivacyMailed = (type: string): type is PrivacyMailedType => (PRIVACY_MAILED as readonly string[]).includes(type);

/**
 * Whether an event calls for a mail: the confirmation link of a website request (staff take
 * requests they verified themselves), the answer to a request (not after an erasure: there is no
 * address left to write to), and every reminder.
 */
export function privacyCallsForMail(type: PrivacyMailedType, payload: unknown): boolean {
  if (type === 'PrivacyRequestReceived') return (payload as PayloadOf<'PrivacyRequestReceived'>).channel === 'website';
  if (type === 'PrivacyRequestCompleted') return (payload as PayloadOf<'PrivacyRequestCompleted'>).outcome !== 'erased';
  return true;
}

/** The mail with the signed link that confirms a request, to the address it names, in its language. */
export function renderConfirmationMail(request: PayloadOf<'PrivacyRequestReceived'>, link: string, timeZone: string): Mail {
  const w = privacyWords[request.language];
  const until = formatters(request.language).instant(request.linkExpiresAt, timeZone);
  const message = { subject: w.confirm.subject, paragraphs: [w.hello, w.confirm.body(w.rights[request.right], until), w.confirm.link(link), w.confirm.ignore, w.signature] };
  return { to: request.email, ...toMail(message, request.language) };
}

/** The answer to a request, to the person who made it. */
export function renderAnswerMail(request: PrivacyRequestView): Mail {
  const w = privacyWords[request.language];
  const note = request.note ?? '';
  const body =
    request.outcome === 'exported' ? w.done.exported
    : request.outcome === 'limited' ? (request.right === 'marketing-opt-out' ? w.done.optedOut : w.done.limited)
    : request.outcome === 'rectified' ? w.done.rectified(note)
    : w.done.refused(note);
  return { to: request.email, ...toMail({ subject: w.done.subject, paragraphs: [w.hello, body, w.signature] }, request.language) };
}

/** The addresses of the data protection manager: the catalog's privacy e-mail contacts, else its support ones. */
export function dpoAddresses(catalog: Catalog): string[] {
  const emails = (purpose: string) => catalog.contacts.filter((c) => c.purpose === purpose && c.channel === 'email').map((c) => c.address);
  const privacy = emails('privacy');
  return privacy.length > 0 ? privacy : emails('support');
}

/** The reminder to the DPO (staff, in English; no personal data: the request is opened in the DPO list). */
export function renderReminderMail(reminder: PayloadOf<'PrivacyRequestReminded'>, right: string, to: string[]): Mail {
  const days = reminder.daysBefore === 1 ? '1 day' : `${reminder.daysBefore} days`;
  const message = {
    subject: `Privacy request ${reminder.requestId} is due in ${days}`,
    paragraphs: [
      `The ${right} request ${reminder.requestId} must be answered by ${reminder.dueBy} (one month from its receipt).`,
      'It is listed under GET /v1/privacy/requests?status=open. Answer it with POST /v1/privacy/requests/{id}/completion.',
    ],
  };
  return { to, ...toMail(message, 'en') };
}
