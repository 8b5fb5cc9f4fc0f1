import * as z from 'zod';
import { FLAGGED_INDEX, type SubjectView } from '../../domain/privacy/subject-view';
import { viewStore } from '../runtime/views';
import { listViews, PagingQuery } from './contract-list';
import { route } from './route';

const Query = z.strictObject({ ...PagingQuery });

const summary = (v: SubjectView) => ({ subjectId: v.subjectId, lastActivityAt: v.flagged!.lastActivityAt, eraseAfter: v.flagged!.eraseAfter });

/**
 * GET /v1/privacy/flagged-subjects (DPO): the non-customer contacts the retention audit flagged as
 * unresponsive, soonest erasure first, with when they were last heard from and when they are
 * erased unless they get in touch. Paged (`limit`, `cursor`) like the other lists.
 */
export const handler = route({ roles: ['dpo', 'admin'], query: Query }, async ({ query, caller }) => {
  const page = await listViews(
    { views: viewStore(), caller: caller!, partitions: [`${FLAGGED_INDEX}#all`], limit: query.limit, cursor: query.cursor, keep: (v: SubjectView) => !!v.flagged && !v.erasedAt },
    summary,
    () => undefined,
  );
  return { status: 200, body: page };
});
