import { isSealed, keyRefOf, subjectOfKeyRef } from '../../events/sealed';
import type { Lookup } from '../projection';
import { dayStart } from './term';
import type { ContractView } from './view';

/** The lookup indexes of contracts (each view has at most one entry per index). */
export const CUSTOMER_LOOKUP = 'customer';
export const TERM_END_LOOKUP = 'term-end';
export const PIPELINE_LOOKUP = 'pipeline';

export const PIPELINE_STAGES = ['reminded', 'requested', 'renewed', 'lapsed'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** ISO instants in one form (UTC, milliseconds), so they sort as strings. */
const instant = (iso: string): string => new Date(iso).toISOString();

/**
 * A customer's partition: their data subject's id (a keyed hash of the e-mail address, see
 * `Sealer.subjectOf`), so the address never appears in a key and erasing the subject leaves
 * nothing in the key to recognise them by.
 */
export const customerPartition = (subjectId: string): string => `${CUSTOMER_LOOKUP}#${subjectId}`;

/**
 * The subject of a view's customer, read from the key reference of the sealed e-mail address.
 * Undefined for an address in clear (events appended without the vault, as in some tests): such a
 * contract is not filed under its customer, since the subject id needs the vault's index key.
 */
const customerSubjectOf = (email: string): string | undefined => (isSealed(email) ? subjectOfKeyRef(keyRefOf(email)) : undefined);

/** The partition of the terms ending in a UTC month (`YYYY-MM`). */
export const termEndPartition = (month: string): string => `${TERM_END_LOOKUP}#${month}`;

export const pipelinePartition = (stage: PipelineStage): string => `${PIPELINE_LOOKUP}#${stage}`;

/** The UTC months (`YYYY-MM`) from the one holding `from` to the one holding `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const end = instant(to).slice(0, 7);
  const cursor = new Date(`${instant(from).slice(0, 7)}-01T00:00:00.000Z`);
  for (let month = cursor.toISOString().slice(0, 7); month <= end; month = cursor.toISOString().slice(0, 7)) {
    months.push(month);
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/**
 * Where a contract stands in the renewal pipeline (none: not in it):
 * - `requested`: a renewal was requested and not yet granted (whatever the status, cancelled aside);
 * - `lapsed`: lapsed after the grace period, no request pending;
 * - `reminded`: active, at least one reminder sent for the current term, no request;
 * - `renewed`: active, the current term was granted by a renewal or reinstatement, and no
 *   reminder for it has gone out yet (the first reminder moves it on to `reminded`).
 * Ordered and cancelled contracts, active ones in their first term before any reminder, and
 * expired ones still in grace without a request are not in the pipeline.
 */
export function pipelineStage(view: ContractView): PipelineStage | undefined {
  if (view.status === 'ordered' || view.status === 'cancelled') return undefined;
  if (view.renewalRequestedAt) return 'requested';
  if (view.status === 'lapsed') return 'lapsed';
  if (view.status !== 'active') return undefined;
  if (view.remindedOffsets.length > 0) return 'reminded';
  if (view.lastRenewedAt) return 'renewed';
  return undefined;
}

/**
 * Where staff find a contract: under its customer's subject (sorted by term end, or by the first term's
 * start while only ordered), under the UTC month its term ends in while it has a term (not once
 * cancelled), and under its renewal-pipeline stage. Sort keys end in `#<contractId>`, so entries
 * with the same instant still have one order.
 */
export function contractLookups(view: ContractView): Lookup[] {
  const termEndsAt = view.termEndsAt && instant(view.termEndsAt);
  const byTermEnd = termEndsAt && `${termEndsAt}#${view.contractId}`;
  const lookups: Lookup[] = [];
  const subjectId = customerSubjectOf(view.customer.email);
  if (subjectId)
    lookups.push({
      index: CUSTOMER_LOOKUP,
      partition: customerPartition(subjectId),
      sort: byTermEnd || `${instant(dayStart(view.startsOn, view.customer.timeZone))}#${view.contractId}`,
    });
  if (termEndsAt && byTermEnd && view.status !== 'cancelled' && view.status !== 'ordered')
    lookups.push({ index: TERM_END_LOOKUP, partition: termEndPartition(termEndsAt.slice(0, 7)), sort: byTermEnd });
  const stage = pipelineStage(view);
  if (stage && byTermEnd) lookups.push({ index: PIPELINE_LOOKUP, partition: pipelinePartition(stage), sort: byTermEnd });
  return lookups;
}
