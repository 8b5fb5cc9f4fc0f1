import * as z from 'zod';

/**
 * Mailings (stream `mailing#<mailingId>`): one e-mail, written by staff, to many customers. Its
 * subject and text are not personal data (the same words go to everyone), so nothing in it is
 * sealed; the recipients are named by contract id only.
 */

/** The most contracts one mailing may name: keeps the event well under EventBridge's 256 KB and the notifier's run short. */
export const MAILING_AUDIENCE_MAX = 500;

/**
 * What a mailing is, which decides who gets it: `marketing` skips subjects who stopped marketing,
 * `survey` those who stopped surveys; `product-safety` notices go to every customer named,
 * opted out or not (the privacy policy says so). Erased customers get nothing.
 */
export const MailingKind = z.enum(['marketing', 'survey', 'product-safety']);
export type MailingKind = z.infer<typeof MailingKind>;

/** A mailing id: chosen by staff (e.g. `2026-11-newsletter`) or a ULID. */
export const MailingId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'Use 1 to 64 letters, digits, dots, dashes or underscores.');

const ContractId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a contract id.');

/** Who a mailing goes to: explicit contracts (1 to MAILING_AUDIENCE_MAX, each once), to each contract's customer. */
export const MailingAudience = z.object({
  contractIds: z
    .array(ContractId)
    .min(1)
    .max(MAILING_AUDIENCE_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'Name each contract once.'),
});
export type MailingAudience = z.infer<typeof MailingAudience>;

/** Staff asked for a mailing; the notifier sends it to each customer of the audience it may write to, once. */
export const MailingRequested = z.object({
  mailingId: MailingId,
  kind: MailingKind,
  subject: z.string().trim().min(1).max(200),
  /** Plain text; paragraphs are separated by a blank line. */
  text: z.string().trim().min(1).max(20_000),
  audience: MailingAudience,
});
export type MailingRequested = z.infer<typeof MailingRequested>;
