import type { DomainEvent, NewEvent } from '../../events/catalog';
import type { KeptData, OptionalProcessing } from '../../events/privacy';
import type { Decider } from '../decider';

/** Stream category of data subjects: `subject#<subjectId>`. */
export const SUBJECT_CATEGORY = 'subject';

export interface EraseSubject {
  type: 'EraseSubject';
  subjectId: string;
  requestedBy: 'dpo' | 'subject' | 'retention-audit';
  kept: KeptData[];
  requestId?: string;
  /** Whether this call deleted a data key: a person erased before who came back (a new key) is erased again. */
  keyDeleted: boolean;
}

/** Stops optional processing (marketing, surveys, analytics) of the subject. */
export interface LimitProcessing {
  type: 'LimitProcessing';
  subjectId: string;
  basis: 'opt-out' | 'objection' | 'restriction';
  purposes: OptionalProcessing[];
  requestId?: string;
}

/** The retention audit found a non-customer unresponsive since `lastActivityAt`. */
export interface FlagUnresponsive {
  type: 'FlagUnresponsive';
  subjectId: string;
  lastActivityAt: string;
  eraseAfter: string;
}

/** A flagged subject was heard from again. */
export interface ClearFlag {
  type: 'ClearFlag';
  subjectId: string;
  lastActivityAt: string;
}

export type SubjectCommand = EraseSubject | LimitProcessing | FlagUnresponsive | ClearFlag;

export interface SubjectState {
  erasedAt?: string;
  /** The optional processing stopped, and on what basis. */
  limited: Partial<Record<OptionalProcessing, 'opt-out' | 'objection' | 'restriction'>>;
  flagged?: { lastActivityAt: string; eraseAfter: string };
}

export function evolveSubject(state: SubjectState, event: DomainEvent): SubjectState {
  switch (event.type) {
    case 'SubjectErased':
      return { ...state, erasedAt: event.occurredAt, flagged: undefined };
    case 'ProcessingLimited':
      return { ...state, limited: { ...state.limited, ...Object.fromEntries(event.payload.purposes.map((p) => [p, event.payload.basis])) } };
    case 'SubjectFlaggedUnresponsive':
      return { ...state, flagged: { lastActivityAt: event.payload.lastActivityAt, eraseAfter: event.payload.eraseAfter } };
    case 'SubjectFlagCleared':
      return { ...state, flagged: undefined };
    default:
      return state;
  }
}

/**
 * A data subject's decisions. Each is recorded once: a purpose already stopped is not stopped
 * again, a repeat (a retried request, a redelivered event) records nothing. An erasure is recorded
 * again only when it deleted a key: a person erased before who came back (their new data sealed
 * under a new key) can be erased again; their stopped purposes outlive the erasure.
 */
export const subjectDecider: Decider<SubjectCommand, SubjectState> = {
  initialState: { limited: {} },
  evolve: evolveSubject,
  decide: (command, state): NewEvent[] => {
    switch (command.type) {
      case 'EraseSubject': {
        if (state.erasedAt && !command.keyDeleted) return [];
        const { subjectId, requestedBy, kept, requestId } = command;
        return [{ type: 'SubjectErased', payload: { subjectId, requestedBy, kept, ...(requestId ? { requestId } : {}) } }];
      }
      case 'LimitProcessing': {
        const purposes = [...new Set(command.purposes)].filter((p) => !state.limited[p]);
        if (purposes.length === 0) return [];
        const { subjectId, basis, requestId } = command;
        return [{ type: 'ProcessingLimited', payload: { subjectId, basis, purposes, ...(requestId ? { requestId } : {}) } }];
      }
      case 'FlagUnresponsive':
        return state.flagged ? [] : [{ type: 'SubjectFlaggedUnresponsive', payload: { subjectId: command.subjectId, lastActivityAt: command.lastActivityAt, eraseAfter: command.eraseAfter } }];
      case 'ClearFlag':
        return state.flagged ? [{ type: 'SubjectFlagCleared', payload: { subjectId: command.subjectId, lastActivityAt: command.lastActivityAt } }] : [];
    }
  },
};
