import * as z from 'zod';

/** Events of a data subject (stream `subject#<subjectId>`). */

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
  subjectId: z.string().regex(/^[0-9a-f]{32}$/),
  requestedBy: z.enum(['dpo', 'subject', 'retention-audit']),
  kept: z.array(KeptData),
});
export type SubjectErased = z.infer<typeof SubjectErased>;
