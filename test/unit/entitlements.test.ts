import { afterEach, describe, expect, it, vi } from 'vitest';
import { presets, type PresetName } from '../../domain/catalog/presets/index';
import { Channel } from '../../domain/catalog/schema/entitlements';
import { entitlementsAt, NO_AGREEMENT, type AgreementStatus, type EntitlementsAnswer } from '../../domain/contract/entitlements';

/**
 * Which channels and services an agreement covers at an instant, rule by rule from the seeds.
 * Terms run from 00:00 local time on the start date to 00:00 local time on the end date
 * (Stockholm, Zurich, Berlin, Warsaw: UTC+1 in winter).
 */
const STARTS = '2025-03-01T00:00:00+01:00';
const ENDS = '2026-03-01T00:00:00+01:00';
const DURING = '2025-09-15T10:00:00Z';

function ask(
  preset: PresetName,
  planId: string,
  options: { addOnIds?: string[]; status?: AgreementStatus; at?: string; termStartsAt?: string; termEndsAt?: string; timeZone?: string; feeOutstanding?: { amount: number; currency: string } } = {},
): EntitlementsAnswer {
  return entitlementsAt({
    catalog: presets[preset],
    agreement: {
      planId,
      addOnIds: options.addOnIds ?? [],
      status: options.status ?? 'active',
      termStartsAt: options.termStartsAt ?? STARTS,
      termEndsAt: options.termEndsAt ?? ENDS,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...(options.feeOutstanding ? { feeOutstanding: options.feeOutstanding } : {}),
    },
    at: options.at ?? DURING,
  });
}

const covered = (answer: EntitlementsAnswer, kind: 'channels' | 'services') =>
  Object.entries(answer[kind])
    .filter(([, c]) => c.covered)
    .map(([id]) => id);

describe('every answer lists every channel of the format and every service of the catalog', () => {
  it.each(Object.keys(presets) as PresetName[])('%s', (name) => {
    const catalog = presets[name];
    const answer = ask(name, catalog.plans[0].id);
    expect(Object.keys(answer.channels)).toEqual([...Channel.options]);
    expect(Object.keys(answer.services)).toEqual(catalog.services.map((s) => s.id));
    // A reason only when not covered.
    for (const c of [...Object.values(answer.channels), ...Object.values(answer.services)]) expect('reason' in c).toBe(!c.covered);
  });
});

describe('Qualisys (qualisys-support-agreement.txt)', () => {
  const everyTierServices = ['qtm-upgrades', 'plugin-upgrades', 'bug-fixes', 'info-updates', 'website-login', 'paf-support', 'video-tutorials'];
  const diamondAdds = ['camera-loaner', 'online-tune-up', 'online-advanced-training'];
  const platinumAdds = ['onsite-training-day', 'lab-setup-review'];

  it.each(['gold', 'diamond', 'platinum'])('tier table: every tier (%s) has phone, e-mail, remote desktop and the online support system, no on-site channel', (plan) => {
    expect(covered(ask('qualisys', plan), 'channels')).toEqual(['email', 'phone', 'remote-desktop', 'portal']);
    expect(ask('qualisys', plan).channels['on-site']).toEqual({ covered: false, reason: `Not included in ${presets.qualisys.plans.find((p) => p.id === plan)!.name}; no plan or add-on includes it.` });
  });

  it('tier table: Gold has the rows marked "+" for every tier (QTM upgrades, plugins, bug fixes, info updates, login, PAF, tutorials)', () => {
    expect(covered(ask('qualisys', 'gold'), 'services')).toEqual(everyTierServices);
  });

  it('tier table: camera loaner, online tune-up and online advanced training only for Diamond and Platinum', () => {
    const gold = ask('qualisys', 'gold');
    for (const service of diamondAdds) expect(gold.services[service]).toEqual({ covered: false, reason: 'Not included in Gold; Diamond and Platinum include it.' });
    expect(covered(ask('qualisys', 'diamond'), 'services')).toEqual([...everyTierServices, ...diamondAdds]);
  });

  it('tier table: Platinum adds one on-site training day and the lab-setup quality review', () => {
    expect(covered(ask('qualisys', 'platinum'), 'services')).toEqual([...everyTierServices, ...diamondAdds, ...platinumAdds]);
    const diamond = ask('qualisys', 'diamond');
    for (const service of platinumAdds) expect(diamond.services[service]).toEqual({ covered: false, reason: 'Not included in Diamond; Platinum includes it.' });
  });

  it('"QCS agreement includes everything covered by the Diamond plan, plus a service and maintenance program": the QCS add-on grants it', () => {
    expect(ask('qualisys', 'diamond').services['service-maintenance']).toEqual({
      covered: false,
      reason: 'Not included in Diamond; the Qualisys Clinical System (QCS) support add-on grants it.',
    });
    expect(ask('qualisys', 'gold').services['service-maintenance']).toEqual({
      covered: false,
      reason: 'Not included in Gold; the Qualisys Clinical System (QCS) support add-on (with Diamond) grants it.',
    });
    const qcs = ask('qualisys', 'diamond', { addOnIds: ['qcs'] });
    expect(covered(qcs, 'services')).toEqual([...everyTierServices, ...diamondAdds, 'service-maintenance']);
  });

  it('"Extended hardware warranty … will cover the cost of any repairs": an add-on granting a service', () => {
    expect(ask('qualisys', 'gold').services['hardware-repair']).toEqual({ covered: false, reason: 'Not included in Gold; the Extended hardware warranty add-on grants it.' });
    expect(ask('qualisys', 'gold', { addOnIds: ['extended-hardware-warranty'] }).services['hardware-repair']).toEqual({ covered: true });
  });

  it('"your contract needs to be active": without an agreement, no software updates and no technical support (nothing is covered)', () => {
    const answer = entitlementsAt({ catalog: presets.qualisys, at: DURING });
    expect(answer.status).toBe('none');
    expect(answer.at).toBe('2025-09-15T10:00:00.000Z');
    for (const c of [...Object.values(answer.channels), ...Object.values(answer.services)]) expect(c).toEqual({ covered: false, reason: NO_AGREEMENT });
    expect(NO_AGREEMENT).toBe('No active support agreement: software updates and technical support need one.');
  });

  it('"your contract needs to be active": an expired agreement covers nothing; renewing restores only what the plan includes', () => {
    const answer = ask('qualisys', 'gold', { status: 'expired' });
    expect(answer.status).toBe('expired');
    expect(covered(answer, 'channels')).toEqual([]);
    expect(covered(answer, 'services')).toEqual([]);
    expect(answer.services['qtm-upgrades'].reason).toBe('The agreement expired on 1 March 2026. Renewing it restores this.');
    expect(answer.services['camera-loaner'].reason).toBe('The agreement expired on 1 March 2026. Not included in Gold; Diamond and Platinum include it.');
  });
});

describe('term boundaries and statuses (qualisys Gold; the rules are the format\'s, not one seed\'s)', () => {
  const email = (options: Parameters<typeof ask>[2]) => ask('qualisys', 'gold', options).channels.email;

  it('covered from the start instant itself', () => {
    expect(email({ at: STARTS })).toEqual({ covered: true });
    expect(email({ at: '2025-02-28T23:00:00Z' })).toEqual({ covered: true }); // the same instant, in UTC
  });

  it('not covered one millisecond before the start: "The agreement starts on …" (the date in the contract\'s zone)', () => {
    expect(email({ at: '2025-02-28T22:59:59.999Z' })).toEqual({ covered: false, reason: 'The agreement starts on 1 March 2025.' });
  });

  it('covered one millisecond before the end; the end instant itself is not covered', () => {
    expect(email({ at: '2026-02-28T22:59:59.999Z' })).toEqual({ covered: true });
    expect(email({ at: ENDS })).toEqual({ covered: false, reason: 'The agreement ended on 1 March 2026. Renewing it restores this.' });
    expect(email({ at: '2026-02-28T23:00:00Z' })).toEqual({ covered: false, reason: 'The agreement ended on 1 March 2026. Renewing it restores this.' });
  });

  it('dates in reasons are written in the agreement\'s zone when it has one, else the catalog\'s', () => {
    expect(email({ at: '2025-01-01T00:00:00Z', timeZone: 'America/Chicago' }).reason).toBe('The agreement starts on 28 February 2025.');
    expect(email({ at: '2025-01-01T00:00:00Z' }).reason).toBe('The agreement starts on 1 March 2025.');
  });

  it.each<[AgreementStatus, string, string]>([
    ['ordered', '2025-01-01T00:00:00Z', 'The agreement starts on 1 March 2025.'],
    ['ordered', DURING, 'The agreement was ordered but has not been activated yet.'],
    ['expired', DURING, 'The agreement expired on 1 March 2026. Renewing it restores this.'],
    ['expired', '2026-06-01T00:00:00Z', 'The agreement expired on 1 March 2026. Renewing it restores this.'],
    ['lapsed', '2026-06-01T00:00:00Z', 'The agreement lapsed: it ended on 1 March 2026 and was not renewed within the grace period. Renewing it (a reactivation fee may apply) restores this.'],
    ['cancelled', DURING, 'The agreement was cancelled. A new order restores this.'],
  ])('status %s at %s: not covered, "%s"', (status, at, reason) => {
    const answer = ask('qualisys', 'gold', { status, at });
    expect(answer.status).toBe(status);
    expect(covered(answer, 'channels')).toEqual([]);
    expect(covered(answer, 'services')).toEqual([]);
    expect(answer.channels.email).toEqual({ covered: false, reason });
  });

  it('only an active agreement inside its term covers anything', () => {
    expect(covered(ask('qualisys', 'gold', { status: 'active' }), 'channels')).toEqual(['email', 'phone', 'remote-desktop', 'portal']);
  });

  it('the instant in the answer is normalised to UTC', () => {
    expect(ask('qualisys', 'gold', { at: '2025-06-01T02:00:00+02:00' }).at).toBe('2025-06-01T00:00:00.000Z');
  });
});

describe('Q3 (q3-support-concept-fr.txt)', () => {
  it.each(['standard', 'advanced', 'profi', 'premium'])('"par e-mail", "par téléphone (Q3 Infoline)", "par formation / séance de télémaintenance": %s has e-mail, phone and remote sessions', (plan) => {
    expect(covered(ask('q3', plan), 'channels')).toEqual(['email', 'phone', 'remote-desktop']);
    expect(covered(ask('q3', plan), 'services')).toEqual(['first-installation', 'user-support']);
  });

  it('"Si vous ne disposez pas d\'une licence de location actuelle, nous ne pouvons plus vous fournir de support": a rental year that has lapsed covers nothing', () => {
    const answer = ask('q3', 'profi', { status: 'lapsed', at: '2026-04-01T00:00:00Z' });
    expect(covered(answer, 'channels')).toEqual([]);
    expect(covered(answer, 'services')).toEqual([]);
    expect(entitlementsAt({ catalog: presets.q3, at: DURING }).channels.email).toEqual({ covered: false, reason: NO_AGREEMENT });
  });

  it('Support+ "pour les licences de location Profi et Premium", "Ligne PME directe": the add-on grants the direct line', () => {
    expect(ask('q3', 'standard').services['direct-line']).toEqual({ covered: false, reason: 'Not included in Standard; the Support+ add-on (with Profi or Premium) grants it.' });
    expect(ask('q3', 'profi').services['direct-line']).toEqual({ covered: false, reason: 'Not included in Profi; the Support+ add-on grants it.' });
    expect(ask('q3', 'profi', { addOnIds: ['support-plus'] }).services['direct-line']).toEqual({ covered: true });
  });

  it('"Formation, contrôle de données, formulaires: 175.-/h": not in any variant, billed by the hour', () => {
    for (const service of ['training', 'data-checks', 'forms', 'programming'])
      expect(ask('q3', 'premium').services[service]).toEqual({ covered: false, reason: 'Not included in Premium; no plan or add-on includes it. It is available at an hourly rate.' });
  });
});

describe('OnyxCeph (onyxceph-support-levels.txt)', () => {
  it('"Software maintenance includes the provision of Updates, Upgrades": maintenance alone covers updates and upgrades, no support channel', () => {
    const answer = ask('onyxceph', 'software-maintenance');
    expect(covered(answer, 'services')).toEqual(['updates', 'upgrades']);
    expect(covered(answer, 'channels')).toEqual([]);
    expect(answer.services['technical-support']).toEqual({ covered: false, reason: 'Not included in Software maintenance; Technical support includes it.' });
  });

  it('technical support "Provided by Distributor" (channels: example value) covers technical support, not updates', () => {
    const answer = ask('onyxceph', 'technical-support');
    expect(covered(answer, 'services')).toEqual(['technical-support']);
    expect(answer.services.updates).toEqual({ covered: false, reason: 'Not included in Technical support; Software maintenance includes it.' });
  });

  it('"License packages do not include training or user support": those come with the User support plan', () => {
    expect(ask('onyxceph', 'software-maintenance').services.training).toEqual({ covered: false, reason: 'Not included in Software maintenance; User support includes it.' });
    expect(covered(ask('onyxceph', 'user-support'), 'services')).toEqual(['user-support', 'training']);
  });
});

describe('HEZO (hezo-service-terms-pl.txt)', () => {
  const common = ['technical-support', 'remote-diagnosis', 'polish-language-support', 'firmware-upgrades'];

  it('"Infolinii telefonicznej, Portalu internetowego (myHEZO.pl), Wiadomości e-mail" for both options; SOS "Wsparcie w miejscu instalacji: TAK" adds on-site', () => {
    expect(covered(ask('hezo', 'ahb-24x7-8h'), 'channels')).toEqual(['email', 'phone', 'portal']);
    expect(covered(ask('hezo', 'sos-8x5-nbd'), 'channels')).toEqual(['email', 'phone', 'on-site', 'portal']);
  });

  it('SOS: on-site support and on-site diagnosis; AHB: guaranteed parts delivery; both: remote diagnosis, technical support in Polish, firmware upgrades', () => {
    expect(covered(ask('hezo', 'sos-24x7-8h'), 'services')).toEqual([...common.slice(0, 2), 'onsite-support', 'onsite-diagnosis', ...common.slice(2)]);
    expect(covered(ask('hezo', 'ahb-8x5-nbd'), 'services')).toEqual([...common.slice(0, 2), 'parts-delivery', ...common.slice(2)]);
  });

  it('AHB "Wsparcie w miejscu instalacji: NIE": the reason names the SOS plans (quoted, their names have commas)', () => {
    expect(ask('hezo', 'ahb-8x5-nbd').channels['on-site']).toEqual({
      covered: false,
      reason: 'Not included in “HEZO AHB 8x5, NBD”; “HEZO SOS 8x5, NBD”, “HEZO SOS 8x5, 8h”, “HEZO SOS 24x7, NBD” and “HEZO SOS 24x7, 8h” include it.',
    });
  });

  it('"Usługi opieki nad systemem obejmujące przeglądy systemu oraz wizyty serwisowe": the system-care add-on grants reviews and visits', () => {
    expect(ask('hezo', 'sos-8x5-nbd').services['system-review']).toEqual({
      covered: false,
      reason: 'Not included in “HEZO SOS 8x5, NBD”; the System care (system reviews and service visits) add-on grants it.',
    });
    const withCare = ask('hezo', 'sos-8x5-nbd', { addOnIds: ['system-care'] });
    expect(withCare.services['system-review']).toEqual({ covered: true });
    expect(withCare.services['service-visits']).toEqual({ covered: true });
  });

  it('"można odnawiać w trakcie ważności kontraktu": after the end date nothing is covered until renewed', () => {
    const answer = ask('hezo', 'sos-8x5-nbd', { status: 'expired', at: '2026-03-02T08:00:00Z' });
    expect(covered(answer, 'channels')).toEqual([]);
    expect(answer.channels.phone.reason).toBe('The agreement expired on 1 March 2026. Renewing it restores this.');
  });

  it('"may incur a back-dated reactivation fee": a reinstated agreement covers nothing until the fee is paid', () => {
    const answer = ask('hezo', 'sos-8x5-nbd', { feeOutstanding: { amount: 80_000, currency: 'PLN' } });
    expect(covered(answer, 'channels')).toEqual([]);
    expect(answer.channels.phone.reason).toBe('The agreement was reinstated, but PLN 800.00 of its reactivation fee is unpaid. Paying it restores this.');
    expect(covered(ask('hezo', 'sos-8x5-nbd'), 'channels')).toContain('phone');
  });
});

describe('bad input', () => {
  const agreement = { planId: 'gold', addOnIds: [] as string[], status: 'active' as const, termStartsAt: STARTS, termEndsAt: ENDS };
  it.each([
    [{ at: '2025-09-15T10:00:00' }, 'at'], // no offset: a local time, not an instant
    [{ at: 'tomorrow' }, 'at'],
    [{ agreement: { ...agreement, planId: 'bronze' } }, 'agreement.planId'],
    [{ agreement: { ...agreement, addOnIds: ['qcs', 'nope'] } }, 'agreement.addOnIds.1'],
    [{ agreement: { ...agreement, termEndsAt: STARTS } }, 'agreement.termEndsAt'],
    [{ agreement: { ...agreement, termStartsAt: '2025-02-30T00:00:00Z' } }, 'agreement.termStartsAt'],
    [{ agreement: { ...agreement, timeZone: 'Mars/Olympus' } }, 'agreement.timeZone'],
  ])('%j is a ValidationError at %s', (input, path) => {
    expect(() => entitlementsAt({ catalog: presets.qualisys, agreement, at: DURING, ...input })).toThrow(
      expect.objectContaining({ name: 'ValidationError', fields: [expect.objectContaining({ path })] }),
    );
  });
});

describe('pure: the clock does not matter', () => {
  afterEach(() => vi.useRealTimers());
  it('gives the same answer whatever the system time', () => {
    const before = ask('qualisys', 'platinum');
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2099-01-01T00:00:00Z'));
    expect(ask('qualisys', 'platinum')).toEqual(before);
  });
});
