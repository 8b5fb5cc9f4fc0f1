import { describe, expect, it } from 'vitest';
import { analyticsPeriodKey, ipNetwork, isIpAddress, securityPeriodKey } from '../../domain/privacy/retention-periods';

const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

describe('retention periods of time-limited data (IP addresses)', () => {
  it('security: one key per ISO week, expiring 14 days after the week ends (Monday 00:00 UTC)', () => {
    // 2026-11-21 is a Saturday in ISO week 47 (Mon 16 – Sun 22 November).
    const key = securityPeriodKey('2026-11-21T12:00:00.000Z');
    expect(key.keyRef).toBe('p-security-2026W47');
    expect(iso(key.expiresAt)).toBe('2026-12-07T00:00:00.000Z');
    // The whole week shares the key, to the millisecond.
    expect(securityPeriodKey('2026-11-16T00:00:00.000Z')).toEqual(key);
    expect(securityPeriodKey('2026-11-22T23:59:59.999Z')).toEqual(key);
    expect(securityPeriodKey('2026-11-23T00:00:00.000Z').keyRef).toBe('p-security-2026W48');
    // Instants in another offset count in UTC.
    expect(securityPeriodKey('2026-11-23T00:30:00+01:00').keyRef).toBe('p-security-2026W47');
  });

  it('security: kept between 2 and 3 weeks', () => {
    for (let day = 0; day < 14; day++) {
      const at = new Date(Date.UTC(2026, 10, 16 + day, 12)).toISOString();
      const days = (securityPeriodKey(at).expiresAt * 1000 - Date.parse(at)) / 86_400_000;
      expect(days).toBeGreaterThan(14);
      expect(days).toBeLessThanOrEqual(21);
    }
  });

  it('security: ISO week years at the turn of the year, week 53 included', () => {
    // 2021-01-01 (Friday) is in week 53 of 2020; 2024-12-30 (Monday) is in week 1 of 2025.
    expect(securityPeriodKey('2021-01-01T10:00:00Z').keyRef).toBe('p-security-2020W53');
    expect(iso(securityPeriodKey('2021-01-01T10:00:00Z').expiresAt)).toBe('2021-01-18T00:00:00.000Z');
    expect(securityPeriodKey('2024-12-30T10:00:00Z').keyRef).toBe('p-security-2025W01');
  });

  it('analytics: one key per month, expiring 12 months after the month ends', () => {
    const key = analyticsPeriodKey('2026-11-21T12:00:00.000Z');
    expect(key.keyRef).toBe('p-analytics-2026-11');
    expect(iso(key.expiresAt)).toBe('2027-12-01T00:00:00.000Z');
    expect(analyticsPeriodKey('2026-11-01T00:00:00.000Z')).toEqual(key);
    expect(analyticsPeriodKey('2026-11-30T23:59:59.999Z')).toEqual(key);
    expect(analyticsPeriodKey('2026-12-31T23:00:00Z')).toEqual({ keyRef: 'p-analytics-2026-12', expiresAt: Date.parse('2028-01-01T00:00:00Z') / 1000 });
  });

  it('refuses what is not an instant', () => {
    expect(() => securityPeriodKey('yesterday')).toThrow(/ISO instant/);
    expect(() => analyticsPeriodKey('')).toThrow(/ISO instant/);
  });

  it('truncates IPv4 to /24 and IPv6 to /48; an IPv4-mapped address counts as IPv4', () => {
    expect(ipNetwork('203.0.113.77')).toBe('203.0.113.0/24');
    expect(ipNetwork('10.0.0.1')).toBe('10.0.0.0/24');
    expect(ipNetwork('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
    expect(ipNetwork('2001:0DB8:0000:0001::1')).toBe('2001:db8:0::/48');
    expect(ipNetwork('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(ipNetwork('::1')).toBe('0:0:0::/48');
    expect(ipNetwork('::ffff:198.51.100.23')).toBe('198.51.100.0/24');
    expect(ipNetwork('::ffff:c633:6417')).toBe('198.51.100.0/24');
  });

  it('knows an address from anything else', () => {
    for (const ip of ['127.0.0.1', '0.0.0.0', '255.255.255.255', '::', '::1', 'fe80::1', '2001:db8::', '::ffff:10.1.2.3', '1:2:3:4:5:6:7:8']) expect(isIpAddress(ip), ip).toBe(true);
    for (const bad of ['', 'localhost', '256.1.1.1', '1.2.3', '01.2.3.4', '1:2:3:4:5:6:7:8:9', '1::2::3', 'fe80::1%eth0', '12345::', ':::', '1.2.3.4.5'])
      expect(isIpAddress(bad), bad).toBe(false);
    expect(() => ipNetwork('localhost')).toThrow(/not an IP address/);
  });
});
