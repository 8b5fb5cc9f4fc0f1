import { DateTime, IANAZone } from 'luxon';
import { dayStart as dayStartIn } from './term';
import type { AddOn } from '../catalog/schema/addons';
import { formatMoney, type Money } from '../catalog/money';
import type { Catalog } from '../catalog/schema/catalog';
import { Channel } from '../catalog/schema/entitlements';
import type { Plan } from '../catalog/schema/plans';
import { ValidationError, type FieldIssue } from '../errors';

/**
 * What an agreement covers at one instant: every channel the catalog format knows (`Channel`) and
 * every service of `catalog.services`, each covered or not, and when not, why — in plain English,
 * with the catalog's names (never ids). Pure: the instant comes in as an argument.
 *
 * Covered only when the agreement is `active`, `termStartsAt ≤ at < termEndsAt` (the term ends at
 * its end instant, which is itself not covered), and the plan's entitlements or one of the held
 * add-ons' `grants` include it. The reason names the most fundamental cause first:
 *   1. no agreement at all (DOMAIN.md §1, §3: without one, no software updates and no support);
 *   2. the agreement's status: ordered but not started or not activated; expired, lapsed or
 *      cancelled (saying which, and what restores it); an active agreement asked about an instant
 *      before its start or at/after its end; a reinstated one whose reactivation fee is unpaid;
 *   3. not in the plan: which of the catalog's plans include it, and which add-ons grant it.
 * When the agreement is not in force and the item is not in its plan either, both are said, and
 * "renewing restores it" is only said of what renewing would restore.
 */

export type AgreementStatus = 'ordered' | 'active' | 'expired' | 'lapsed' | 'cancelled';

/** `reason` only when not covered. */
export interface Coverage {
  covered: boolean;
  reason?: string;
}

export interface EntitlementsAnswer {
  /** The instant asked about, normalised to UTC. */
  at: string;
  status: AgreementStatus | 'none';
  channels: Record<string, Coverage>;
  services: Record<string, Coverage>;
}

export interface AgreementTerms {
  planId: string;
  addOnIds: string[];
  status: AgreementStatus;
  /** ISO instants (with an offset or Z). */
  termStartsAt: string;
  termEndsAt: string;
  /** IANA zone dates in reasons are written in; default: the catalog's `defaultTimeZone`. */
  timeZone?: string;
  /** What is still owed of a reinstatement's reactivation fee: until it is paid, nothing is covered. */
  feeOutstanding?: Money;
}

export const NO_AGREEMENT = 'No active support agreement: software updates and technical support need one.';

// An instant must carry its offset: a local time alone would depend on where the code runs.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

function parseInstant(value: string, path: string, issues: FieldIssue[]): DateTime | undefined {
  const instant = typeof value === 'string' && INSTANT.test(value) ? DateTime.fromISO(value, { setZone: true }) : undefined;
  if (!instant?.isValid) {
    issues.push({ path, message: 'Expected an ISO 8601 instant with an offset (2025-03-01T00:00:00Z).' });
    return undefined;
  }
  return instant;
}

/** A name as it reads in a list: quoted when it has a comma of its own (“HEZO SOS 8x5, NBD”). */
const named = (name: string): string => (name.includes(',') ? `“${name}”` : name);

/** "Gold", "Diamond and Platinum", "A, B and C". */
function joinWith(names: readonly string[], word: 'and' | 'or'): string {
  const quoted = names.map(named);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${word} ${quoted[quoted.length - 1]}`;
}

type Kind = 'channels' | 'services';

const planIncludes = (plan: Plan, kind: Kind, id: string): boolean => (plan.entitlements[kind] as readonly string[]).includes(id);
const addOnGrants = (addOn: AddOn, kind: Kind, id: string): boolean => (addOn.grants[kind] as readonly string[]).includes(id);

/** Why `plan` does not cover an item, and where it can be had instead. */
function notInPlan(catalog: Catalog, plan: Plan, kind: Kind, id: string): string {
  const plans = catalog.plans.filter((p) => p.id !== plan.id && planIncludes(p, kind, id)).map((p) => p.name);
  const addOns = catalog.addOns
    .filter((a) => addOnGrants(a, kind, id))
    .map((a) => {
      const eligible = a.eligiblePlans;
      if (!eligible || eligible.includes(plan.id)) return `the ${named(a.name)} add-on`;
      const names = eligible.map((pid) => catalog.plans.find((p) => p.id === pid)?.name ?? pid);
      return `the ${named(a.name)} add-on (with ${joinWith(names, 'or')})`;
    });
  const where: string[] = [];
  if (plans.length > 0) where.push(`${joinWith(plans, 'and')} include${plans.length === 1 ? 's' : ''} it`);
  if (addOns.length > 0) where.push(`${joinWith(addOns, 'and')} grant${addOns.length === 1 ? 's' : ''} it`);
  let reason = `Not included in ${named(plan.name)}; ${where.length > 0 ? `${where.join(', and ')}.` : 'no plan or add-on includes it.'}`;
  if (where.length === 0 && kind === 'services') {
    if (catalog.billing?.rates.some((r) => r.service === id)) reason += ' It is available at an hourly rate.';
    else if (catalog.outOfScopeWork === 'quoted') reason += ' Work outside the plan is quoted separately.';
  }
  return reason;
}

/**
 * Why an agreement does not cover anything at `at`, or undefined when it is in force. `restores`
 * is how the cause is put right (only said of items the plan includes).
 */
function notInForce(agreement: AgreementTerms, at: DateTime, starts: DateTime, ends: DateTime, zone: string): { cause: string; restores?: string } | undefined {
  const day = (instant: DateTime) => instant.setZone(zone).setLocale('en-GB').toFormat('d LLLL yyyy');
  switch (agreement.status) {
    case 'ordered':
      return at < starts
        ? { cause: `The agreement starts on ${day(starts)}.` }
        : { cause: 'The agreement was ordered but has not been activated yet.' };
    case 'expired':
      return { cause: `The agreement expired on ${day(ends)}.`, restores: 'Renewing it restores this.' };
    case 'lapsed':
      return {
        cause: `The agreement lapsed: it ended on ${day(ends)} and was not renewed within the grace period.`,
        restores: 'Renewing it (a reactivation fee may apply) restores this.',
      };
    case 'cancelled':
      // A cancelled agreement is not renewed: the customer orders anew.
      return { cause: 'The agreement was cancelled.', restores: 'A new order restores this.' };
    case 'active':
      if (at < starts) return { cause: `The agreement starts on ${day(starts)}.` };
      if (at >= ends) return { cause: `The agreement ended on ${day(ends)}.`, restores: 'Renewing it restores this.' };
      if (agreement.feeOutstanding)
        return { cause: `The agreement was reinstated, but ${formatMoney(agreement.feeOutstanding)} of its reactivation fee is unpaid.`, restores: 'Paying it restores this.' };
      return undefined;
  }
}

export function entitlementsAt(input: { catalog: Catalog; agreement?: AgreementTerms; at: string }): EntitlementsAnswer {
  const { catalog, agreement } = input;
  const issues: FieldIssue[] = [];
  const at = parseInstant(input.at, 'at', issues);
  const channelIds: readonly string[] = Channel.options;
  const serviceIds = catalog.services.map((s) => s.id);
  const answer = (status: EntitlementsAnswer['status'], coverage: (kind: Kind, id: string) => Coverage): EntitlementsAnswer => ({
    at: at!.toUTC().toISO()!,
    status,
    channels: Object.fromEntries(channelIds.map((id) => [id, coverage('channels', id)])),
    services: Object.fromEntries(serviceIds.map((id) => [id, coverage('services', id)])),
  });

  if (!agreement) {
    if (!at) throw new ValidationError(issues);
    return answer('none', () => ({ covered: false, reason: NO_AGREEMENT }));
  }

  const starts = parseInstant(agreement.termStartsAt, 'agreement.termStartsAt', issues);
  const ends = parseInstant(agreement.termEndsAt, 'agreement.termEndsAt', issues);
  if (starts && ends && ends <= starts) issues.push({ path: 'agreement.termEndsAt', message: 'A term ends after it starts.' });
  const plan = catalog.plans.find((p) => p.id === agreement.planId);
  if (!plan) issues.push({ path: 'agreement.planId', message: `The catalog has no plan ${agreement.planId}.` });
  const addOns = agreement.addOnIds.map((addOnId, i) => {
    const addOn = catalog.addOns.find((a) => a.id === addOnId);
    if (!addOn) issues.push({ path: `agreement.addOnIds.${i}`, message: `The catalog has no add-on ${addOnId}.` });
    return addOn;
  });
  const zone = agreement.timeZone ?? catalog.defaultTimeZone;
  if (!IANAZone.isValidZone(zone)) issues.push({ path: 'agreement.timeZone', message: 'Not an IANA time zone.' });
  if (issues.length > 0 || !at || !starts || !ends || !plan) throw new ValidationError(issues);

  const inactive = notInForce(agreement, at, starts, ends, zone);
  return answer(agreement.status, (kind, id) => {
    const included = planIncludes(plan, kind, id) || addOns.some((a) => a !== undefined && addOnGrants(a, kind, id));
    if (!inactive) return included ? { covered: true } : { covered: false, reason: notInPlan(catalog, plan, kind, id) };
    if (included) return { covered: false, reason: [inactive.cause, inactive.restores].filter(Boolean).join(' ') };
    return { covered: false, reason: `${inactive.cause} ${notInPlan(catalog, plan, kind, id)}` };
  });
}

/** The terms of a contract's view as `entitlementsAt` reads them: coverage unbroken from the first (or reinstated) term's start; an order not yet activated covers from its start date. */
export function agreementOf(contract: {
  planId: string;
  addOns: { addOnId: string }[];
  status: AgreementStatus;
  startsOn: string;
  coveredSince?: string;
  termEndsAt?: string;
  customer: { timeZone: string };
  feeOutstanding?: Money;
}): AgreementTerms {
  const zone = contract.customer.timeZone;
  const start = dayStartIn(contract.startsOn, zone);
  return {
    planId: contract.planId,
    addOnIds: contract.addOns.map((a) => a.addOnId),
    status: contract.status,
    termStartsAt: contract.coveredSince ?? start,
    termEndsAt: contract.termEndsAt ?? start,
    timeZone: zone,
    ...(contract.feeOutstanding ? { feeOutstanding: contract.feeOutstanding } : {}),
  };
}
