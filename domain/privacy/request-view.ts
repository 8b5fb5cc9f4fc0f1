import type { DomainEvent, PayloadOf } from '../../events/catalog';
import type { KeptData } from '../../events/privacy';
import type { Due, Lookup, Projection } from '../projection';
import { PRIVACY_REQUEST_CATEGORY, reminderAt, REMINDER_DAYS_BEFORE, type RequestOutcome } from './request';

export type RequestStatus = 'awaiting-confirmation' | 'confirmed' | 'completed';

/** The read model of a privacy request, as the DPO lists it: what was received (e-mail and details sealed), and how far it got. */
export type PrivacyRequestView = PayloadOf<'PrivacyRequestReceived'> & {
  status: RequestStatus;
  receivedAt: string;
  confirmedAt?: string;
  completedAt?: string;
  outcome?: RequestOutcome;
  note?: string;
  kept?: KeptData[];
  remindedDaysBefore: number[];
};

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

function evolveView(view: PrivacyRequestView | undefined, event: DomainEvent): PrivacyRequestView {
  if (event.type === 'PrivacyRequestReceived') return { ...event.payload, status: 'awaiting-confirmation', receivedAt: event.occurredAt, remindedDaysBefore: [] };
  if (!view) throw new Error(`${event.type} before PrivacyRequestReceived in ${event.streamId}`);
  switch (event.type) {
    case 'PrivacyRequestConfirmed':
      return { ...view, status: 'confirmed', confirmedAt: event.occurredAt };
    case 'PrivacyRequestCompleted': {
      const { outcome, note, kept } = event.payload;
      return { ...view, status: 'completed', completedAt: event.occurredAt, outcome, ...(note ? { note } : {}), ...(kept ? { kept } : {}) };
    }
    case 'PrivacyRequestReminded':
      return { ...view, remindedDaysBefore: [...view.remindedDaysBefore, event.payload.daysBefore] };
    default:
      return view;
  }
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
