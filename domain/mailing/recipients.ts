import type { MailingKind } from '../../events/mailing';
import type { OptionalProcessing } from '../../events/privacy';
import type { SubjectState } from '../privacy/subject';

/**
 * The optional processing a kind of mailing is (what opting out, objecting or restricting can
 * stop); none for product-safety notices, which go out after an opt-out too.
 */
export const PURPOSE_OF_KIND: Record<MailingKind, OptionalProcessing | undefined> = {
  marketing: 'marketing',
  survey: 'surveys',
  'product-safety': undefined,
};

/** Why a customer of the audience gets no copy of a mailing. */
export type SkipReason = 'erased' | 'stopped-marketing' | 'stopped-surveys';

/**
 * Whether a mailing of `kind` goes to a customer: never to an erased one (its address reads as
 * erased); a marketing mailing not when the subject stopped marketing, a
 * survey not when it stopped surveys, whatever the basis (opt-out, objection, restriction);
 * product-safety notices always. `subject` is the subject's view (undefined: nothing stopped).
 */
export function skipReason(kind: MailingKind, subject: Pick<SubjectState, 'erasedAt' | 'limited'> | undefined, addressErased: boolean): SkipReason | undefined {
  // The address tells: a person erased before who came back has a new key, and their new contract's address opens.
  if (addressErased) return 'erased';
  const purpose = PURPOSE_OF_KIND[kind];
  if (purpose && subject?.limited[purpose]) return purpose === 'marketing' ? 'stopped-marketing' : 'stopped-surveys';
  return undefined;
}

/** Marketing and survey e-mails carry an unsubscribe link (stopping that purpose); product-safety notices do not. */
export const unsubscribePurpose = (kind: MailingKind): Exclude<OptionalProcessing, 'analytics'> | undefined => {
  const purpose = PURPOSE_OF_KIND[kind];
  return purpose === 'marketing' || purpose === 'surveys' ? purpose : undefined;
};
