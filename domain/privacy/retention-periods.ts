import { DateTime } from 'luxon';
import { purposeKeyRef } from '../../events/sealed';

/**
 * Time-limited data (the IP addresses of website requests) is sealed under one key per purpose
 * and period; the retention job deletes a period's key when the period's retention ends, which
 * erases everything sealed with it (DOMAIN.md §5: security about 3 weeks, market analysis about
 * 12 months). Periods are counted in UTC.
 */

/** Security (abuse, fraud): the full address, per ISO week, kept until 14 days after the week ends (2–3 weeks). */
export const SECURITY_PURPOSE = 'security';
export const SECURITY_GRACE_DAYS = 14;
/** Market and web analytics: the network only (IPv4 /24, IPv6 /48), per month, kept until 12 months after the month ends. */
export const ANALYTICS_PURPOSE = 'analytics';
export const ANALYTICS_MONTHS = 12;

export interface PeriodKey {
  /** The vault key that seals the period's values, e.g. `p-security-2026W47`. */
  keyRef: string;
  /** When the key (and so every value sealed with it) is deleted, in epoch seconds. */
  expiresAt: number;
}

const utc = (at: string): DateTime => {
  const instant = DateTime.fromISO(at, { zone: 'utc' });
  if (!instant.isValid) throw new Error(`not an ISO instant: ${at}`);
  return instant;
};

/** The security key of the ISO week holding `at` (`p-security-<ISO week year>W<week>`). */
export function securityPeriodKey(at: string): PeriodKey {
  const week = utc(at).startOf('week'); // ISO weeks start on Monday
  return {
    keyRef: purposeKeyRef(SECURITY_PURPOSE, week.toFormat("kkkk'W'WW")),
    expiresAt: week.plus({ weeks: 1, days: SECURITY_GRACE_DAYS }).toUnixInteger(),
  };
}

/** The analytics key of the calendar month holding `at` (`p-analytics-<YYYY-MM>`). */
export function analyticsPeriodKey(at: string): PeriodKey {
  const month = utc(at).startOf('month');
  return {
    keyRef: purposeKeyRef(ANALYTICS_PURPOSE, month.toFormat('yyyy-MM')),
    expiresAt: month.plus({ months: 1 + ANALYTICS_MONTHS }).toUnixInteger(),
  };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/;

/** The eight 16-bit groups of an IPv6 address (embedded IPv4 tail allowed), or undefined. */
function ipv6Groups(ip: string): number[] | undefined {
  const halves = ip.toLowerCase().split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && IPV4.test(piece)) {
        const [a, b, c, d] = piece.split('.').map(Number);
        groups.push((a << 8) | b, (c << 8) | d);
      } else if (HEXTET.test(piece)) groups.push(parseInt(piece, 16));
      else return undefined;
    }
    return groups;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : undefined;
}

/** Whether `ip` is an IPv4 or IPv6 address (an IPv6 zone, `%eth0`, is not accepted). */
export const isIpAddress = (ip: string): boolean => IPV4.test(ip) || ipv6Groups(ip) !== undefined;

/**
 * The network an address belongs to, coarse enough not to single out a person: IPv4 /24
 * (`192.0.2.0/24`), IPv6 /48 (`2001:db8:85a3::/48`); an IPv4-mapped IPv6 address counts as IPv4.
 */
export function ipNetwork(ip: string): string {
  if (IPV4.test(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  const groups = ipv6Groups(ip);
  if (!groups) throw new Error('not an IP address');
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.0/24`;
  }
  return `${groups.slice(0, 3).map((g) => g.toString(16)).join(':')}::/48`;
}
