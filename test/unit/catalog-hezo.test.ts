import { describe, expect, it } from 'vitest';
import { findAddOn, findPlan, findServiceWindow } from '../../domain/catalog/lookup';
import { hezoCatalog as catalog } from '../../domain/catalog/presets/hezo';

const SEED = 'hezo-service-terms-pl.txt';
const plan = (id: string) => findPlan(catalog, id)!;
const sos = catalog.plans.filter((p) => p.id.startsWith('sos-'));
const ahb = catalog.plans.filter((p) => p.id.startsWith('ahb-'));

describe(`HEZO preset (${SEED})`, () => {
  it(`${SEED}: options SOS and AHB, phone support "8x5 / 24x7", guaranteed times "8h lub NBD": one plan per combination`, () => {
    expect(catalog.plans.map((p) => p.id)).toEqual([
      'sos-8x5-nbd', 'sos-8x5-8h', 'sos-24x7-nbd', 'sos-24x7-8h',
      'ahb-8x5-nbd', 'ahb-8x5-8h', 'ahb-24x7-nbd', 'ahb-24x7-8h',
    ]);
    expect(plan('ahb-24x7-8h').name).toBe('HEZO AHB 24x7, 8h');
  });

  it(`${SEED}: "dostępne są w wariantach rocznych i trzyletnich" (1 or 3 years)`, () => {
    for (const p of catalog.plans) expect(p.termsMonths).toEqual([12, 36]);
  });

  it(`${SEED}: 8x5 is "od godz. 9:00 do 17:00 ... od poniedziałku do piątku, z wyłączeniem świąt"`, () => {
    const nineToFive = [{ from: '09:00', to: '17:00' }];
    expect(findServiceWindow(catalog, '8x5')?.calendar).toEqual({
      hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
      timeZone: 'Europe/Warsaw', holidays: { country: 'pl', types: ['public'] },
    });
    expect(findServiceWindow(catalog, '24x7')?.calendar).toMatchObject({ hours: 'always', holidays: { country: 'pl' } });
    expect(plan('sos-8x5-8h').sla!.window).toBe('8x5');
    expect(plan('sos-24x7-8h').sla!.window).toBe('24x7');
  });

  it(`${SEED}: reaction time "zawsze wynosi nie więcej niż 1 godzina", counted from the report inside service hours`, () => {
    for (const p of catalog.plans)
      expect(p.sla!.targets).toContainEqual({ metric: 'reaction', within: { unit: 'minutes', value: 60 }, from: 'report' });
  });

  it(`${SEED}: SOS, on-site support and on-site diagnosis "TAK (8h lub NBD)"`, () => {
    for (const p of sos) {
      expect(p.entitlements.channels).toContain('on-site');
      expect(p.entitlements.services).toEqual(expect.arrayContaining(['onsite-support', 'onsite-diagnosis']));
      expect(p.entitlements.services).not.toContain('parts-delivery');
    }
    expect(plan('sos-8x5-8h').sla!.targets[1]).toEqual({ metric: 'on-site', within: { unit: 'minutes', value: 480 }, from: 'report' });
    expect(plan('sos-24x7-nbd').sla!.targets[1]).toEqual({ metric: 'on-site', within: { unit: 'next-business-day' }, from: 'report' });
  });

  it(`${SEED}: AHB, on-site support "NIE"; guaranteed parts delivery "8h lub NBD", measured from acceptance of the report`, () => {
    for (const p of ahb) {
      expect(p.entitlements.channels).not.toContain('on-site');
      expect(p.entitlements.services).not.toContain('onsite-support');
      expect(p.entitlements.services).toContain('parts-delivery');
    }
    expect(plan('ahb-8x5-8h').sla!.targets[1]).toEqual({ metric: 'parts-delivery', within: { unit: 'minutes', value: 480 }, from: 'acceptance' });
    expect(plan('ahb-24x7-nbd').sla!.targets[1]).toEqual({ metric: 'parts-delivery', within: { unit: 'next-business-day' }, from: 'acceptance' });
  });

  it(`${SEED}: both options, technical support, remote diagnosis, support in Polish, firmware/software upgrades`, () => {
    for (const p of catalog.plans)
      expect(p.entitlements.services).toEqual(expect.arrayContaining(['technical-support', 'remote-diagnosis', 'polish-language-support', 'firmware-upgrades']));
  });

  it(`${SEED}: reports go through the phone line, the myHEZO.pl portal or e-mail`, () => {
    for (const p of catalog.plans) expect(p.entitlements.channels).toEqual(expect.arrayContaining(['phone', 'portal', 'email']));
  });

  it(`${SEED}: a report needs "numeru seryjnego urządzenia ... oraz numeru umowy serwisowej"`, () => {
    for (const p of catalog.plans) expect(p.ticketRequires).toEqual(['device-serial-number', 'contract-number']);
  });

  it(`${SEED}: portal registration needs the end user's NIP (matching the order), the serial number and the HEZO contract number`, () => {
    for (const p of catalog.plans)
      expect(p.registration).toEqual({
        requires: [
          { fact: 'end-user-tax-id', mustMatchOrder: true },
          { fact: 'device-serial-number', mustMatchOrder: false },
          { fact: 'contract-number', mustMatchOrder: false },
        ],
      });
  });

  it(`${SEED}: the faulty device goes back "w ciągu 7 dni" on a prepaid waybill; a replacement ships only after verification`, () => {
    for (const p of catalog.plans) expect(p.rma).toEqual({ returnWithinDays: 7, returnShippingPaidBy: 'vendor', verifiedBeforeReplacement: true });
  });

  it(`${SEED}: system care with a review "nie rzadziej niż 1 raz w roku" (logs, firmware, checks after updates, tests)`, () => {
    const care = findAddOn(catalog, 'system-care')!;
    expect(care.systemReview?.everyMonths).toBe(12);
    expect(care.systemReview?.checks).toHaveLength(4);
    expect(care.grants.services).toEqual(['system-review', 'service-visits']);
  });

  it(`${SEED}: escalations go to escalation@myhezo.pl or a separate phone number`, () => {
    expect(catalog.contacts.filter((c) => c.purpose === 'escalation').map((c) => c.channel)).toEqual(['email', 'phone']);
  });

  it(`${SEED}: work outside the scope or outside standard hours "są ustalane i wyceniane niezależnie"`, () => {
    expect(catalog.outOfScopeWork).toBe('quoted');
  });
});
