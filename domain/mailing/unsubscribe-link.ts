/**
 * What an unsubscribe link stops, as the id its signed token carries: the subject id alone for
 * marketing (a marketing e-mail's link), `<subjectId>:surveys` for surveys (a survey's link), so
 * each link stops the kind of e-mail it came with and nothing else.
 */
export type UnsubscribePurpose = 'marketing' | 'surveys';

export const unsubscribeLinkId = (subjectId: string, purpose: UnsubscribePurpose): string => (purpose === 'marketing' ? subjectId : `${subjectId}:${purpose}`);

/** The subject and purpose a verified token's id names; undefined for an id no unsubscribe link carries. */
export function parseUnsubscribeLinkId(id: string): { subjectId: string; purpose: UnsubscribePurpose } | undefined {
  const match = /^([0-9a-f]{32})(?::(surveys))?$/.exec(id);
  return match ? { subjectId: match[1]!, purpose: (match[2] as 'surveys' | undefined) ?? 'marketing' } : undefined;
}

/** How long an unsubscribe link works: a year after the e-mail. */
export const UNSUBSCRIBE_LINK_DAYS = 365;
