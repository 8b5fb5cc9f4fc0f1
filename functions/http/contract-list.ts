import * as z from 'zod';
import type { ContractView } from '../../domain/contract/view';
import { ValidationError } from '../../domain/errors';
import type { Role } from '../../domain/roles';
import type { LookupKey, ViewStore } from '../views/view-store';
import { isDistributorOnly, type StaffCaller } from './auth';

/** Who may read the staff lists (a distributor agent sees only its distributor's contracts). */
export const LIST_ROLES: readonly Role[] = ['admin', 'agent-l1', 'billing', 'dpo', 'agent-l0'];

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** `limit` and `cursor`, the paging fields every list's query string accepts. */
export const PagingQuery = {
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, `Use a whole number from 1 to ${MAX_LIMIT}.`)
    .transform(Number)
    .pipe(z.number().max(MAX_LIMIT, `Use a whole number from 1 to ${MAX_LIMIT}.`))
    .optional(),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,2000}$/, 'Not a cursor from this list.').optional(),
};

/** One line of a staff list. */
export interface ContractSummary {
  contractId: string;
  customerName: string;
  planId: string;
  status: ContractView['status'];
  termEndsOn?: string;
}

const summary = (v: ContractView): ContractSummary => ({
  contractId: v.contractId,
  customerName: v.customer.name,
  planId: v.planId,
  status: v.status,
  ...(v.termEndsOn ? { termEndsOn: v.termEndsOn } : {}),
});

/** The opaque cursor: which partition the next page starts in, and after which entry. */
const Cursor = z.strictObject({ p: z.int().min(0), k: z.record(z.string(), z.string()).optional() });
type Cursor = z.infer<typeof Cursor>;

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decodeCursor(text: string, partitions: number): Cursor {
  try {
    const cursor = Cursor.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (cursor.p < partitions) return cursor;
  } catch {
    // reported below
  }
  throw new ValidationError([{ path: 'cursor', message: 'Not a cursor from this list.' }]);
}

export interface ListRequest<View = ContractView> {
  views: ViewStore;
  caller: StaffCaller;
  /** The lookup partitions to read, in order (a page may span several). */
  partitions: string[];
  /** Inclusive bounds on the entries' sort keys. */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
  /** A last check on the view itself (the index is eventually consistent). */
  keep?: (view: View) => boolean;
}

/**
 * One page of contract summaries from lookup partitions, in their sort order. The page reads at
 * most `limit` index entries; those whose view a distributor agent may not see (another
 * distributor's) or that fail `keep` are left out, so a page may hold fewer items, even none,
 * while `nextCursor` says more follow.
 */
export const listContracts = (request: ListRequest): Promise<{ items: ContractSummary[]; nextCursor?: string }> =>
  listViews(request, summary, (v) => v.distributorId);

/** One page of any read model's summaries from lookup partitions (see `listContracts`); `distributorOf` says whose customer a view belongs to. */
export async function listViews<View, Summary>(
  request: ListRequest<View>,
  summarize: (view: View) => Summary,
  distributorOf: (view: View) => string | undefined,
): Promise<{ items: Summary[]; nextCursor?: string }> {
  const { views, caller, partitions, from, to, keep = () => true } = request;
  const limit = request.limit ?? DEFAULT_LIMIT;
  let { p, k: startKey } = request.cursor ? decodeCursor(request.cursor, partitions.length) : { p: 0, k: undefined as LookupKey | undefined };
  const pks: string[] = [];
  while (pks.length < limit && p < partitions.length) {
    let page;
    try {
      page = await views.lookup(partitions[p], { from, to, limit: limit - pks.length, startKey });
    } catch (error) {
      if (error instanceof RangeError) throw new ValidationError([{ path: 'cursor', message: 'Not a cursor from this list.' }]);
      throw error;
    }
    pks.push(...page.entries.map((e) => e.pk));
    startKey = page.nextKey;
    if (!startKey) p++;
  }
  const found = await views.getMany<View>(pks);
  const distributorOnly = isDistributorOnly(caller);
  const items = pks
    .map((pk) => found.get(pk))
    .filter((v): v is View => v !== undefined)
    .filter((v) => !distributorOnly || distributorOf(v) === caller.distributorId)
    .filter(keep)
    .map(summarize);
  return { items, ...(p < partitions.length ? { nextCursor: encodeCursor({ p, ...(startKey ? { k: startKey } : {}) }) } : {}) };
}
