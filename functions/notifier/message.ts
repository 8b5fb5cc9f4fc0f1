import type { Mail } from '../mail/mailer';

/** A rendered e-mail: the subject and paragraphs of plain text (the HTML part is derived). */
export interface Message {
  subject: string;
  paragraphs: string[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const toText = (message: Message): string => message.paragraphs.join('\n\n');

export const toHtml = (message: Message, lang: string): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>` +
  `<body>${message.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('')}</body></html>`;

/** A message as the mailer sends it (without the addressee): plain text and its HTML part, in the message's language. */
export const toMail = (message: Message, lang: string): Omit<Mail, 'to'> => ({ subject: message.subject, text: toText(message), html: toHtml(message, lang) });
