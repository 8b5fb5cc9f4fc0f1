import * as z from 'zod';
import { customerPartition } from '../../domain/contract/lookups';
import { sealer } from '../runtime/vault';
import { viewStore } from '../runtime/views';
import { LIST_ROLES, listContracts, PagingQuery } from './contract-list';
import { route } from './route';

const Query = z.strictObject({ customerEmail: z.email().max(254), ...PagingQuery });

/** GET /v1/contracts?customerEmail=…: a customer's contracts (any case of the address: its subject id), by term end. */
export const handler = route({ roles: LIST_ROLES, query: Query }, async ({ query, caller }) => {
  const page = await listContracts({
    views: viewStore(),
    caller: caller!,
    partitions: [customerPartition(await sealer().subjectOf(query.customerEmail))],
    limit: query.limit,
    cursor: query.cursor,
  });
  return { status: 200, body: page };
});
