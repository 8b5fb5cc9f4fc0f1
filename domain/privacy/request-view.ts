import type { DomainEvent } from '../../events/catalog';
import type { Locale } from '../../events/contract';
import type { KeptData, PrivacyRight } from '../../events/privacy';
import type { Due, Lookup, Projection } from '../projection';
import { evolveRequest, PRIVACY_REQUEST_CATEGORY, privacyRequestDecider, reminderAt, REMINDER_DAYS_BEFORE, type PrivacyRequestState, type RequestOutcome } from './request';

export type RequestStatus = 'awaiting-confirmation' | 'confirmed' | 'completed';

/** The read model of a privacy request, as the DPO lists it (e-mail and details sealed). */
export interface PrivacyRequestView {
  requestId: string;
  right: PrivacyRight;
  subjectId: string;
  email: string;
  details?: string;
  language: Locale;
  channel: 'website' | 'staff';
  status: RequestStatus;
  receivedAt: string;
  linkExpiresAt: string;
  dueBy: string;
  confirmedAt?: string;
  completedAt?: string;
  outcome?: RequestOutcome;
  note?: string;
  kept?: KeptData[];
  remindedDaysBefore: number[];
}

/** The due-index kind of the daily deadline check (reminders to the DPO). */
export const PRIVACY_DEADLINE = 'privacy-deadline';
/** The lookup of requests: `privacy-requests-open#all` (confirmed, not answered; by deadline) and `privacy-requests#all` (by receipt). */
export const REQUESTS_INDEX = 'privacy-requests';
export const OPEN_REQUESTS_INDEX = 'privacy-requests-open';
/** The lookup of one subject's requests, by receipt (to limit how many links a person is sent). */
export const SUBJECT_REQUESTS_INDEX = 'privacy-requests-of';
export const subjectRequestsPartition = (subjectId: string) => `${SUBJECT_REQUESTS_INDEX}#${subjectId}`;
export const openRequestsPartition = `${OPEN_REQUESTS_INDEX}#all`;
export const allRequestsPartition = `${REQUESTS_INDEX}#all`;

/** Whether a request is past its deadline and not answered, at `now`. */
export const isOverdue = (view: PrivacyRequestView, now: string): boolean => view.status !== 'completed' && view.dueBy < now;

const stateOf = (view: PrivacyRequestView | undefined): PrivacyRequestState =>
  view
    ? {
        received: { requestId: view.requestId, right: view.right, subjectId: view.subjectId, linkExpiresAt: view.linkExpiresAt, dueBy: view.dueBy },
        ...(view.confirmedAt ? { confirmedAt: view.confirmedAt } : {}),
        ...(view.completedAt ? { completed: { at: view.completedAt, outcome: view.outcome! } } : {}),
        remindedDaysBefore: view.remindedDaysBefore,
      }
    : privacyRequestDecider.initialState;

function evolveView(view: PrivacyRequestView | undefined, event: DomainEvent): PrivacyRequestView {
  if (event.type === 'PrivacyRequestReceived') {
    const { requestId, right, subjectId, email, details, language, channel, linkExpiresAt, dueBy } = event.payload;
    return {
      requestId, right, subjectId, email, ...(details ? { details } : {}), language, channel,
      status: 'awaiting-confirmation', receivedAt: event.occurredAt, linkExpiresAt, dueBy, remindedDaysBefore: [],
    };
  }
  if (!view) throw new Error(`${event.type} before PrivacyRequestReceived in ${event.streamId}`);
  const state = evolveRequest(stateOf(view), event);
  const completed = event.type === 'PrivacyRequestCompleted' ? event.payload : undefined;
  return {
    ...view,
    status: state.completed ? 'completed' : state.confirmedAt ? 'confirmed' : 'awaiting-confirmation',
    ...(state.confirmedAt ? { confirmedAt: state.confirmedAt } : {}),
    ...(state.completed ? { completedAt: state.completed.at, outcome: state.completed.outcome } : {}),
    ...(completed?.note ? { note: completed.note } : {}),
    ...(completed?.kept ? { kept: completed.kept } : {}),
    remindedDaysBefore: state.remindedDaysBefore,
  };
}

export const privacyRequestProjection: Projection<PrivacyRequestView> = {
  category: PRIVACY_REQUEST_CATEGORY,
  evolve: evolveView,
  /** A confirmed, unanswered request is due at its next reminder. */
  due: (view): Due[] => {
    if (view.status !== 'confirmed') return [];
    const next = REMINDER_DAYS_BEFORE.filter((d) => !view.remindedDaysBefore.some((r) => r <= d)).map((d) => reminderAt(view.dueBy, d));
    return next.length > 0 ? [{ kind: PRIVACY_DEADLINE, at: next.sort()[0]! }] : [];
  },
  lookups: (view): Lookup[] => [
    { index: REQUESTS_INDEX, partition: allRequestsPartition, sort: `${view.receivedAt}#${view.requestId}` },
    { index: SUBJECT_REQUESTS_INDEX, partition: subjectRequestsPartition(view.subjectId), sort: `${view.receivedAt}#${view.requestId}` },
    ...(view.status === 'confirmed' ? [{ index: OPEN_REQUESTS_INDEX, partition: openRequestsPartition, sort: `${view.dueBy}#${view.requestId}` }] : []),
  ],
};
