import type { DomainEvent } from '../../events/catalog';
import type { OptionalProcessing } from '../../events/privacy';
import type { Due, Lookup, Projection } from '../projection';
import { evolveSubject, SUBJECT_CATEGORY, subjectDecider, type SubjectState } from './subject';

/** The read model of a data subject: what processing it stopped, and whether it is flagged or erased. */
export interface SubjectView extends SubjectState {
  subjectId: string;
}

/** The due-index kind of the audit's pending erasures (a flagged subject, erased at `eraseAfter`). */
export const AUDIT_ERASURE = 'privacy-audit-erasure';
/** The lookup listing flagged subjects, soonest erasure first. */
export const FLAGGED_INDEX = 'privacy-flagged';

/** Whether the subject stopped `purpose` (marketing, surveys, analytics). */
export const hasStopped = (view: SubjectView | undefined, purpose: OptionalProcessing): boolean => Boolean(view?.limited[purpose]);

export const subjectProjection: Projection<SubjectView> = {
  category: SUBJECT_CATEGORY,
  evolve: (view: SubjectView | undefined, event: DomainEvent): SubjectView => {
    const subjectId = view?.subjectId ?? (event.payload as { subjectId: string }).subjectId;
    return { ...evolveSubject(view ?? { ...subjectDecider.initialState, subjectId }, event), subjectId };
  },
  due: (view): Due[] => (view.flagged ? [{ kind: AUDIT_ERASURE, at: view.flagged.eraseAfter }] : []),
  lookups: (view): Lookup[] =>
    view.flagged ? [{ index: FLAGGED_INDEX, partition: `${FLAGGED_INDEX}#all`, sort: `${view.flagged.eraseAfter}#${view.subjectId}` }] : [],
};
