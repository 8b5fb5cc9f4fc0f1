import * as z from 'zod';
import { customerPartition } from '../../domain/contract/lookups';
import { ERASED } from '../privacy/sealer';
import { sealer } from '../runtime/vault';
import { viewStore } from '../runtime/views';
import { LIST_ROLES, listContracts, PagingQuery } from './contract-list';
import { route } from './route';

const Query = z.strictObject({ customerEmail: z.email().max(254), ...PagingQuery });

/**
 * GET /v1/contracts?customerEmail=…: a customer's contracts (any case of the address: its subject
 * id), by term end. The contracts of an erased customer are not found by the address any more
 * (a new customer with the same address finds only their own).
 */
export const handler = route({ roles: LIST_ROLES, query: Query }, async ({ query, caller }) => {
  const page = await listContracts({
    views: viewStore(),
    caller: caller!,
    partitions: [customerPartition(await sealer().subjectOf(query.customerEmail))],
    limit: query.limit,
    cursor: query.cursor,
  });
  const items = (await sealer().openDeep(page.items)).filter((item) => item.customerName !== ERASED);
  return { status: 200, body: { ...page, items } };
});
