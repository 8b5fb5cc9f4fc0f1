import type { Origin } from '../../events/envelope';
import { analyticsPeriodKey, ipNetwork, securityPeriodKey } from '../../domain/privacy/retention-periods';
import type { Sealer } from './sealer';

/**
 * Seals where a public request came from, for the envelope of the events it appends: the full IP
 * under the security key of the ISO week of `at`, its network under the analytics key of the
 * month of `at` (each key created on first use with its expiry, for the retention job).
 */
export async function sealOrigin(sealer: Sealer, origin: { ip: string }, at: string): Promise<Origin> {
  const security = securityPeriodKey(at);
  const analytics = analyticsPeriodKey(at);
  return {
    security: await sealer.seal(origin.ip, security.keyRef, security.expiresAt),
    analytics: await sealer.seal(ipNetwork(origin.ip), analytics.keyRef, analytics.expiresAt),
  };
}
