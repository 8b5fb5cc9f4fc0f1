import * as z from 'zod';
import { Locale } from './contract';
import { personal } from './sealed';

/**
 * Events of data subjects (stream `subject#<subjectId>`, no personal data in it: the subject id is
 * a keyed hash) and of their requests (stream `privacy-request#<requestId>`).
 */

const SubjectId = z.string().regex(/^[0-9a-f]{32}$/);

/** What an erasure keeps because a law requires it, why, and until when. */
export const KeptData = z.object({
  data: z.string().min(1).max(500),
  reason: z.string().min(1).max(500),
  until: z.iso.date(),
});
export type KeptData = z.infer<typeof KeptData>;

/**
 * The subject's data key is deleted: every personal value sealed with it, in every event, view,
 * export and e-mail not yet sent, reads as erased. `kept` says what stays (in clear, with no
 * personal data in it) because of a legal obligation.
 */
export const SubjectErased = z.object({
  subjectId: SubjectId,
  requestedBy: z.enum(['dpo', 'subject', 'retention-audit']),
  kept: z.array(KeptData),
  /** The request that asked for it, when the subject did. */
  requestId: z.string().min(1).max(64).optional(),
});
export type SubjectErased = z.infer<typeof SubjectErased>;

/** Optional processing a subject can stop; service e-mails a contract needs are never among them. */
export const OptionalProcessing = z.enum(['marketing', 'surveys', 'analytics']);
export type OptionalProcessing = z.infer<typeof OptionalProcessing>;

/**
 * The subject stopped some optional processing: by opting out of marketing (an unsubscribe link or
 * the form), by objecting, or by asking to restrict processing. Product-safety notices and the
 * e-mails a contract needs still go out.
 */
export const ProcessingLimited = z.object({
  subjectId: SubjectId,
  basis: z.enum(['opt-out', 'objection', 'restriction']),
  purposes: z.array(OptionalProcessing).min(1),
  requestId: z.string().min(1).max(64).optional(),
});
export type ProcessingLimited = z.infer<typeof ProcessingLimited>;

/**
 * A periodic audit found a contact who is not a customer and has not been heard from since
 * `lastActivityAt`: unless they get in touch, they are erased after `eraseAfter`.
 */
export const SubjectFlaggedUnresponsive = z.object({
  subjectId: SubjectId,
  lastActivityAt: z.iso.datetime(),
  eraseAfter: z.iso.datetime(),
});

/** A flagged contact got in touch again: the pending erasure is called off. */
export const SubjectFlagCleared = z.object({
  subjectId: SubjectId,
  lastActivityAt: z.iso.datetime(),
});

/** The rights a person can exercise through the privacy-request form. */
export const PrivacyRight = z.enum(['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'marketing-opt-out']);
export type PrivacyRight = z.infer<typeof PrivacyRight>;

/**
 * A privacy request arrived (website form or staff). Nothing happens until the person confirms it
 * through the signed link mailed to the address on file, valid until `linkExpiresAt`. The
 * request must be answered by `dueBy` (one month from receipt).
 */
export const PrivacyRequestReceived = z.object({
  requestId: z.string().min(1).max(64),
  right: PrivacyRight,
  subjectId: SubjectId,
  email: personal(z.email().max(254)),
  /** What to rectify, or anything the person adds. */
  details: personal(z.string().min(1).max(2000)).optional(),
  language: Locale,
  channel: z.enum(['website', 'staff']),
  linkExpiresAt: z.iso.datetime(),
  dueBy: z.iso.datetime(),
});

/** The person followed the signed link: the request is verified and is acted on. */
export const PrivacyRequestConfirmed = z.object({ requestId: z.string().min(1).max(64) });

/** The request was answered; `note` says how (it goes to the person, sealed for them). */
export const PrivacyRequestCompleted = z.object({
  requestId: z.string().min(1).max(64),
  outcome: z.enum(['exported', 'erased', 'limited', 'rectified', 'refused']),
  note: personal(z.string().min(1).max(2000)).optional(),
  kept: z.array(KeptData).optional(),
});

/** The DPO was reminded that a confirmed request is due soon (once per request and reminder). */
export const PrivacyRequestReminded = z.object({
  requestId: z.string().min(1).max(64),
  dueBy: z.iso.datetime(),
  daysBefore: z.number().int().min(0).max(31),
});
