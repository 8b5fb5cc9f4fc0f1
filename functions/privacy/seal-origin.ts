import type { NewEvent } from '../../events/catalog';
import type { Origin } from '../../events/envelope';
import { ownerStreamOf } from '../../events/personal-fields';
import { isSealed, keyRefOf, subjectOfKeyRef } from '../../events/sealed';
import type { Vault } from '../vault/vault';
import { analyticsPeriodKey, ipNetwork, securityPeriodKey } from '../../domain/privacy/retention-periods';
import type { Sealer } from './sealer';

/**
 * Seals where a public request came from, for the envelope of the events it appends: the full IP
 * under the security key of the ISO week of `at`, its network under the analytics key of the
 * month of `at` (each key created on first use with its expiry, for the retention job). With
 * `analytics: false` (a subject of the request stopped analytics) only the security value is kept.
 */
export async function sealOrigin(sealer: Sealer, origin: { ip: string }, at: string, analytics = true): Promise<Origin> {
  const security = securityPeriodKey(at);
  const forAnalytics = analyticsPeriodKey(at);
  return {
    security: await sealer.seal(origin.ip, security.keyRef, security.expiresAt),
    ...(analytics ? { analytics: await sealer.seal(ipNetwork(origin.ip), forAnalytics.keyRef, forAnalytics.expiresAt) } : {}),
  };
}

/** The data subjects a request's events concern: those whose key sealed a value in them, and the stream's owner. */
export async function subjectsOfRequest(vault: Vault, streamId: string, events: readonly NewEvent[]): Promise<string[]> {
  const subjects = new Set<string>();
  const walk = (value: unknown): void => {
    if (isSealed(value)) {
      const subject = subjectOfKeyRef(keyRefOf(value));
      if (subject) subjects.add(subject);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  events.forEach((event) => walk(event.payload));
  const owner = await vault.ownerOf(ownerStreamOf(streamId));
  if (owner) subjects.add(owner);
  return [...subjects];
}
