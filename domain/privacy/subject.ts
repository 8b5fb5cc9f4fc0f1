import type { DomainEvent, NewEvent } from '../../events/catalog';
import type { KeptData } from '../../events/privacy';
import type { Decider } from '../decider';

/** Stream category of data subjects: `subject#<subjectId>`. */
export const SUBJECT_CATEGORY = 'subject';

export interface EraseSubject {
  type: 'EraseSubject';
  subjectId: string;
  requestedBy: 'dpo' | 'subject' | 'retention-audit';
  kept: KeptData[];
}

export type SubjectCommand = EraseSubject;

export interface SubjectState {
  erasedAt?: string;
}

/** A subject is erased once: a repeat (a retried request) records nothing more. */
export const subjectDecider: Decider<SubjectCommand, SubjectState> = {
  initialState: {},
  evolve: (state: SubjectState, event: DomainEvent): SubjectState => (event.type === 'SubjectErased' ? { erasedAt: event.occurredAt } : state),
  decide: (command, state): NewEvent[] =>
    state.erasedAt ? [] : [{ type: 'SubjectErased', payload: { subjectId: command.subjectId, requestedBy: command.requestedBy, kept: command.kept } }],
};
