import type { MailingRequested } from '../../../events/mailing';
import type { Mail } from '../../mail/mailer';
import { toMail } from '../message';
import { greetingFor, letter } from '../templates/greeting';
import { mailingWordsFor } from './words';

/** Where the person can stop the e-mails of this kind: the website's page, and (RFC 8058) the API's one-click address. */
export interface UnsubscribeLinks {
  page: string;
  oneClick?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A mailing as one customer gets it, in their language: the greeting, the staff's text (paragraphs
 * split at blank lines), the signature; a product-safety notice opens with a line saying what it
 * is, a marketing e-mail or survey ends with its unsubscribe link (after the signature; clickable in the HTML part) and
 * carries `List-Unsubscribe` (with `List-Unsubscribe-Post` when a one-click address is given).
 */
export function renderMailing(mailing: Pick<MailingRequested, 'kind' | 'subject' | 'text'>, customer: { name: string; locale: string }, links: UnsubscribeLinks | undefined): Omit<Mail, 'to'> {
  const { locale, words } = mailingWordsFor(customer.locale);
  const text = mailing.text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
  const body = mailing.kind === 'product-safety' ? [words.safetyNote, ...text] : text;
  // The unsubscribe line comes last, after the signature, as in any newsletter.
  const footer = links ? [(mailing.kind === 'marketing' ? words.marketingFooter : words.surveyFooter)(links.page)] : [];
  const mail = toMail({ subject: mailing.subject, paragraphs: [...letter(greetingFor(locale), customer.name, body), ...footer] }, locale);
  if (!links) return mail;
  const href = escapeHtml(links.page);
  return {
    ...mail,
    html: mail.html.replace(href, `<a href="${href}">${href}</a>`),
    headers: links.oneClick
      ? [
          { name: 'List-Unsubscribe', value: `<${links.oneClick}>` },
          { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
        ]
      : [{ name: 'List-Unsubscribe', value: `<${links.page}>` }],
  };
}
