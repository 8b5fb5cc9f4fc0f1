import { DateTime } from 'luxon';
import type { DomainEvent, NewEvent } from '../../events/catalog';
import type { Locale } from '../../events/contract';
import type { KeptData, OptionalProcessing, PrivacyRight } from '../../events/privacy';
import type { Decider } from '../decider';
import { ConflictError, LinkExpiredError, NotFoundError } from '../errors';

/** Stream category of privacy requests: `privacy-request#<requestId>`. */
export const PRIVACY_REQUEST_CATEGORY = 'privacy-request';

/** At most this many requests of one person are recorded (and links mailed) per LINKS_PERIOD_HOURS hours: the form cannot flood an inbox. */
export const LINKS_PER_PERIOD = 3;
export const LINKS_PERIOD_HOURS = 24;
/** How long the confirmation link of a request stays valid. */
export const CONFIRMATION_LINK_HOURS = 48;
/** A request must be answered within one month of its receipt. */
export const ANSWER_WITHIN_MONTHS = 1;
/**
 * An answered access or portability request's link gives the export again for this long (a
 * download that failed), then no more: a forwarded or leaked link does not keep exposing the data.
 */
export const EXPORT_AGAIN_MINUTES = 15;
/** The DPO is reminded this many days before a confirmed request falls due. */
export const REMINDER_DAYS_BEFORE = [7, 1] as const;

export type RequestOutcome = 'exported' | 'erased' | 'limited' | 'rectified' | 'refused';

export interface ReceiveRequest {
  type: 'ReceiveRequest';
  requestId: string;
  right: PrivacyRight;
  subjectId: string;
  email: string;
  details?: string;
  language: Locale;
  channel: 'website' | 'staff';
}
export interface ConfirmRequest {
  type: 'ConfirmRequest';
}
export interface CompleteRequest {
  type: 'CompleteRequest';
  outcome: RequestOutcome;
  note?: string;
  kept?: KeptData[];
}
export interface RemindDpo {
  type: 'RemindDpo';
}
export type PrivacyRequestCommand = ReceiveRequest | ConfirmRequest | CompleteRequest | RemindDpo;

export interface PrivacyRequestState {
  received?: { requestId: string; right: PrivacyRight; subjectId: string; linkExpiresAt: string; dueBy: string };
  confirmedAt?: string;
  completed?: { at: string; outcome: RequestOutcome };
  remindedDaysBefore: number[];
}

const plusHours = (iso: string, hours: number) => DateTime.fromISO(iso, { zone: 'UTC' }).plus({ hours }).toISO({ suppressMilliseconds: true })!;
export const dueByOf = (receivedAt: string): string =>
  DateTime.fromISO(receivedAt, { zone: 'UTC' }).plus({ months: ANSWER_WITHIN_MONTHS }).toISO({ suppressMilliseconds: true })!;
/** When the reminder `daysBefore` the deadline is due. */
export const reminderAt = (dueBy: string, daysBefore: number): string =>
  DateTime.fromISO(dueBy, { zone: 'UTC' }).minus({ days: daysBefore }).toISO({ suppressMilliseconds: true })!;
/** The reminders still to send for a request due at `dueBy`, as of `now`: the latest one that has come due (earlier ones are skipped). */
export function reminderDue(state: PrivacyRequestState, now: string): number | undefined {
  const due = REMINDER_DAYS_BEFORE.filter((d) => reminderAt(state.received!.dueBy, d) <= now && !state.remindedDaysBefore.some((r) => r <= d));
  return due.length > 0 ? Math.min(...due) : undefined;
}

export function evolveRequest(state: PrivacyRequestState, event: DomainEvent): PrivacyRequestState {
  switch (event.type) {
    case 'PrivacyRequestReceived': {
      const { requestId, right, subjectId, linkExpiresAt, dueBy } = event.payload;
      return { ...state, received: { requestId, right, subjectId, linkExpiresAt, dueBy } };
    }
    case 'PrivacyRequestConfirmed':
      return { ...state, confirmedAt: event.occurredAt };
    case 'PrivacyRequestCompleted':
      return { ...state, completed: { at: event.occurredAt, outcome: event.payload.outcome } };
    case 'PrivacyRequestReminded':
      return { ...state, remindedDaysBefore: [...state.remindedDaysBefore, event.payload.daysBefore] };
    default:
      return state;
  }
}

/**
 * A privacy request: received (a link is mailed), confirmed through the link before its expiry
 * (only then is it acted on), completed once. Repeats record nothing; a confirmation after the
 * link's expiry is refused (`link_expired`).
 */
export const privacyRequestDecider: Decider<PrivacyRequestCommand, PrivacyRequestState> = {
  initialState: { remindedDaysBefore: [] },
  evolve: evolveRequest,
  decide: (command, state, { now }): NewEvent[] => {
    if (command.type === 'ReceiveRequest') {
      if (state.received) return [];
      const { type: _, details, ...rest } = command;
      return [{ type: 'PrivacyRequestReceived', payload: { ...rest, ...(details ? { details } : {}), linkExpiresAt: plusHours(now, CONFIRMATION_LINK_HOURS), dueBy: dueByOf(now) } }];
    }
    const received = state.received;
    if (!received) throw new NotFoundError('There is no such privacy request.');
    switch (command.type) {
      case 'ConfirmRequest':
        if (state.confirmedAt) return [];
        if (received.linkExpiresAt <= now) throw new LinkExpiredError();
        return [{ type: 'PrivacyRequestConfirmed', payload: { requestId: received.requestId } }];
      case 'CompleteRequest':
        if (state.completed) return [];
        if (!state.confirmedAt) throw new ConflictError('request_not_confirmed', 'The request has not been confirmed through its link yet.');
        return [
          {
            type: 'PrivacyRequestCompleted',
            payload: { requestId: received.requestId, outcome: command.outcome, ...(command.note ? { note: command.note } : {}), ...(command.kept ? { kept: command.kept } : {}) },
          },
        ];
      case 'RemindDpo': {
        if (!state.confirmedAt || state.completed) return [];
        const daysBefore = reminderDue(state, now);
        return daysBefore === undefined ? [] : [{ type: 'PrivacyRequestReminded', payload: { requestId: received.requestId, dueBy: received.dueBy, daysBefore } }];
      }
    }
  },
};

/**
 * What each right that limits processing stops. Service e-mails a contract needs and product-safety
 * notices are never among them.
 */
export const LIMITED_BY: Partial<Record<PrivacyRight, { basis: 'opt-out' | 'objection' | 'restriction'; purposes: OptionalProcessing[] }>> = {
  'marketing-opt-out': { basis: 'opt-out', purposes: ['marketing'] },
  objection: { basis: 'objection', purposes: ['marketing', 'surveys', 'analytics'] },
  restriction: { basis: 'restriction', purposes: ['marketing', 'surveys', 'analytics'] },
};
