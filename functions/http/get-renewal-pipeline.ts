import * as z from 'zod';
import { PIPELINE_STAGES, pipelinePartition, pipelineStage } from '../../domain/contract/lookups';
import { viewStore } from '../runtime/views';
import { LIST_ROLES, listContracts, PagingQuery } from './contract-list';
import { route } from './route';

const Query = z.strictObject({ stage: z.enum(PIPELINE_STAGES), ...PagingQuery });

/** GET /v1/renewal-pipeline?stage=…: the contracts at one stage of the renewal pipeline, by term end. */
export const handler = route({ roles: LIST_ROLES, query: Query }, async ({ query, caller }) => {
  const page = await listContracts({
    views: viewStore(),
    caller: caller!,
    partitions: [pipelinePartition(query.stage)],
    limit: query.limit,
    cursor: query.cursor,
    keep: (view) => pipelineStage(view) === query.stage,
  });
  return { status: 200, body: page };
});
