import * as z from 'zod';
import { Id } from './basics';
import { checkRefs, checkUnique, type Path } from './checks';
import type { Refs } from './refs';

/** The ways a customer reaches support. Code interprets these (tickets, SLAs), so they are a fixed set. */
export const Channel = z.enum(['email', 'phone', 'remote-desktop', 'on-site', 'portal']);
export type Channel = z.infer<typeof Channel>;

/** A limited service: at most `count` per term or per contract year (e.g. one on-site training day). */
export const Allowance = z.strictObject({
  service: Id,
  count: z.int().min(1).max(1000),
  per: z.enum(['term', 'year']),
});
export type Allowance = z.infer<typeof Allowance>;

/**
 * One plan's row of the entitlement matrix: the channels and services it covers. Services are the
 * catalog's own vocabulary (`catalog.services`); a service not listed is not covered by the plan
 * (it may still be billable by the hour, see `billing.rates`, or come with an add-on).
 */
export const Entitlements = z.strictObject({
  channels: z.array(Channel),
  services: z.array(Id),
  allowances: z.array(Allowance).default([]),
});
export type Entitlements = z.infer<typeof Entitlements>;

/** What an add-on adds to the plan it is bought with. */
export const Grants = z.strictObject({
  channels: z.array(Channel).default([]),
  services: z.array(Id).default([]),
});
export type Grants = z.infer<typeof Grants>;

export function checkGrants(grants: { channels: readonly string[]; services: readonly string[] }, at: Path, refs: Refs): void {
  checkUnique(grants.channels, (c) => c, (i) => [...at, 'channels', i], refs.report, 'channel');
  checkUnique(grants.services, (s) => s, (i) => [...at, 'services', i], refs.report, 'service');
  checkRefs(grants.services, refs.services, [...at, 'services'], refs.report, 'service');
}

export function checkEntitlements(entitlements: Entitlements, at: Path, refs: Refs): void {
  checkGrants(entitlements, at, refs);
  entitlements.allowances.forEach((allowance, i) => {
    if (!entitlements.services.includes(allowance.service))
      refs.report([...at, 'allowances', i, 'service'], `Allowance for ${allowance.service}, which the plan does not include.`);
  });
  checkUnique(entitlements.allowances, (a) => a.service, (i) => [...at, 'allowances', i, 'service'], refs.report, 'allowance for');
}
