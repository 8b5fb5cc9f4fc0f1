import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import { presets, type PresetName } from '../../domain/catalog/presets/index';
import type { PlaceOrder } from '../../domain/contract/commands';
import { contractDecider } from '../../domain/contract/decider';
import { fold } from '../../domain/decider';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { contractProjection, nextReminder, type ContractView } from '../../domain/contract/view';
import { spec, stored } from '../support/decider-spec';

/**
 * The contract lifecycle, rule by rule, on the four presets. Each test names the seed and clause
 * a rule comes from, or "(example value)" where the preset fills in a figure the seed does not give.
 */

const NOW = '2025-06-01T00:00:00.000Z';
const given = (preset: PresetName) => spec(contractDecider, { now: NOW, catalog: presets[preset] });

const order = (overrides: Partial<PlaceOrder> = {}): PlaceOrder => ({
  type: 'PlaceOrder',
  contractId: 'C1',
  channel: 'website',
  // The end user's tax id (NIP) is part of every order here: HEZO's registration checks it against the order.
  customer: { name: 'Ada', email: 'ada@example.com', locale: 'en', taxId: '5250001009' },
  planId: 'gold',
  termMonths: 12,
  startsOn: '2025-01-01',
  ...overrides,
});

/** The events an accepted order (and, unless `activate` is false, its activation) decide: the history of later specs. */
function history(preset: PresetName, overrides: Partial<PlaceOrder> = {}, activate = true): NewEvent[] {
  const context = { now: NOW, catalog: presets[preset] };
  const ordered = contractDecider.decide(order(overrides), contractDecider.initialState, context);
  if (!activate) return ordered;
  const state = fold(contractDecider, stored(ordered));
  return [...ordered, ...contractDecider.decide({ type: 'Activate', contractId: 'C1' }, state, context)];
}

const fields = (error: unknown) => {
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
};
const conflict = (code: string, message?: string | RegExp) => (error: unknown) => {
  expect(error).toBeInstanceOf(ConflictError);
  expect((error as ConflictError).code).toBe(code);
  if (message) expect((error as ConflictError).message).toMatch(message);
};

const usd = (amount: number) => ({ amount, currency: 'USD' });
const chf = (amount: number) => ({ amount, currency: 'CHF' });
const pln = (amount: number) => ({ amount, currency: 'PLN' });

const expired = (termEndsAt: string): NewEvent => ({ type: 'ContractExpired', payload: { contractId: 'C1', expiredAt: termEndsAt } });
// Gold, 2025-01-01 to 2026-01-01 in Stockholm.
const GOLD_ENDS_AT = '2025-12-31T23:00:00.000Z';

describe('contract lifecycle', () => {
  describe('PlaceOrder', () => {
    it('qualisys-support-agreement.txt: plans are priced per region; the quote lists the plan and add-ons (example value: prices)', () => {
      given('qualisys')([])
        .when(
          order({
            planId: 'diamond',
            customer: { name: 'Ada', email: 'ada@example.com', locale: 'sv', timeZone: 'europe/stockholm' },
            addOns: [{ addOnId: 'camera-loaner' }, { addOnId: 'extended-hardware-warranty', size: 10 }],
          }),
        )
        .then([
          {
            type: 'ContractOrdered',
            payload: {
              contractId: 'C1',
              channel: 'website',
              customer: { name: 'Ada', email: 'ada@example.com', locale: 'sv', timeZone: 'Europe/Stockholm', customerId: 'C1' },
              regionId: 'americas',
              planId: 'diamond',
              termMonths: 12,
              startsOn: '2025-01-01',
              licencePackages: 1,
              addOns: [{ addOnId: 'camera-loaner' }, { addOnId: 'extended-hardware-warranty', size: 10 }],
              registeredPersons: [],
              quote: {
                lines: [
                  { kind: 'plan', ref: 'diamond', description: 'Diamond, 12 months', quantity: 1, unitPrice: usd(400_000), amount: usd(400_000) },
                  { kind: 'add-on', ref: 'camera-loaner', description: 'Camera loaner program (included)', quantity: 1, unitPrice: usd(0), amount: usd(0) },
                  {
                    kind: 'add-on',
                    ref: 'extended-hardware-warranty',
                    description: 'Extended hardware warranty, 10 cameras',
                    quantity: 1,
                    unitPrice: usd(220_000),
                    amount: usd(220_000),
                  },
                ],
                total: usd(620_000),
              },
            },
          },
        ]);
    });

    it('qualisys-support-agreement.txt: other regions have different prices (example value: EUR prices)', () => {
      const [event] = contractDecider.decide(order({ regionId: 'international' }), contractDecider.initialState, { now: NOW, catalog: presets.qualisys });
      expect(event).toMatchObject({ payload: { regionId: 'international', quote: { total: { amount: 230_000, currency: 'EUR' } } } });
    });

    it('qualisys-support-agreement.txt: camera loaner only for Diamond and Platinum', () => {
      given('qualisys')([])
        .when(order({ addOns: [{ addOnId: 'camera-loaner' }] }))
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'addOns.0.addOnId', message: 'Camera loaner program needs Diamond or Platinum.' }]));
    });

    it('qualisys-support-agreement.txt: QCS support is mandatory for QCS customers (and is Diamond plus service)', () => {
      const clinical = { name: 'Ada', email: 'ada@example.com', locale: 'en' as const, segment: 'clinical' };
      given('qualisys')([])
        .when(order({ customer: clinical }))
        .thenFails((error) =>
          expect(fields(error)).toEqual([
            { path: 'addOns', message: 'Qualisys Clinical System (QCS) support is mandatory for Qualisys Clinical System (QCS) customers.' },
          ]),
        );
      given('qualisys')([])
        .when(order({ customer: clinical, addOns: [{ addOnId: 'qcs' }] }))
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'addOns.0.addOnId', message: 'Qualisys Clinical System (QCS) support needs Diamond.' }]));
      const accepted = contractDecider.decide(order({ customer: clinical, planId: 'diamond', addOns: [{ addOnId: 'qcs' }] }), contractDecider.initialState, {
        now: NOW,
        catalog: presets.qualisys,
      });
      expect(accepted[0]).toMatchObject({ type: 'ContractOrdered', payload: { quote: { total: usd(700_000) } } });
    });

    it('qualisys-support-agreement.txt: the extended hardware warranty is priced by the size of the camera system', () => {
      given('qualisys')([])
        .when(order({ addOns: [{ addOnId: 'extended-hardware-warranty' }] }))
        .thenFails((error) =>
          expect(fields(error)).toEqual([{ path: 'addOns.0.size', message: 'Extended hardware warranty is priced by the number of cameras; give that number.' }]),
        );
    });

    it('lists every wrong field at once (example value)', () => {
      given('qualisys')([])
        .when(
          order({
            regionId: 'mars',
            startsOn: '2025-02-30',
            customer: { name: 'Ada', email: 'ada@example.com', locale: 'en', timeZone: 'Mars/Olympus', segment: 'martians' },
            licencePackages: 0,
            addOns: [{ addOnId: 'nope' }],
            registeredPersons: [{ personId: 'p1', name: 'Bo', email: 'bo@example.com' }],
          }),
        )
        .thenFails((error) =>
          expect(fields(error).map((f) => f.path)).toEqual([
            'regionId',
            'startsOn',
            'customer.timeZone',
            'licencePackages',
            'customer.segment',
            'addOns.0.addOnId',
            'registeredPersons',
          ]),
        );
    });

    it('qualisys-support-agreement.txt: Platinum is sold for two years; an unknown plan names the plans there are', () => {
      given('qualisys')([])
        .when(order({ planId: 'platinum' }))
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'termMonths', message: 'Platinum is sold for 24 months.' }]));
      given('qualisys')([])
        .when(order({ planId: 'bronze' }))
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'planId', message: 'Unknown plan bronze; choose one of gold, diamond, platinum.' }]));
    });

    it('onyxceph-support-levels.txt: maintenance is EUR 99 per year per licence package, for every licence', () => {
      const [event] = contractDecider.decide(order({ planId: 'software-maintenance', licencePackages: 3 }), contractDecider.initialState, {
        now: NOW,
        catalog: presets.onyxceph,
      });
      expect(event).toMatchObject({
        payload: {
          licencePackages: 3,
          quote: {
            lines: [{ kind: 'plan', quantity: 3, unitPrice: { amount: 9_900, currency: 'EUR' }, amount: { amount: 29_700, currency: 'EUR' } }],
            total: { amount: 29_700, currency: 'EUR' },
          },
        },
      });
    });

    it('q3-support-concept-fr.txt: Support+ only for profi and premium', () => {
      given('q3')([])
        .when(order({ planId: 'standard', addOns: [{ addOnId: 'support-plus' }] }))
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'addOns.0.addOnId', message: 'Support+ needs Profi or Premium.' }]));
    });

    it('q3-support-concept-fr.txt: Support+ is for one registered person; extra persons need the half-fare subscription', () => {
      const persons = [
        { personId: 'p1', name: 'Anna', email: 'anna@example.ch' },
        { personId: 'p2', name: 'Beat', email: 'beat@example.ch' },
      ];
      given('q3')([])
        .when(order({ planId: 'profi', addOns: [{ addOnId: 'support-plus' }], registeredPersons: persons }))
        .thenFails((error) =>
          expect(fields(error)).toEqual([
            { path: 'registeredPersons.1', message: 'Support+ includes 1 registered person; each further person needs the Half-fare subscription.' },
          ]),
        );
      const [event] = contractDecider.decide(
        order({ planId: 'profi', addOns: [{ addOnId: 'support-plus' }, { addOnId: 'half-fare' }], registeredPersons: persons }),
        contractDecider.initialState,
        { now: NOW, catalog: presets.q3 },
      );
      // "CHF 565.- par année"; "Chaque personne enregistrée supplémentaire coûte CHF 115.-"; no list price for the rental licence itself.
      expect(event).toMatchObject({
        payload: {
          quote: {
            lines: [
              { kind: 'add-on', ref: 'support-plus', amount: chf(56_500) },
              { kind: 'add-on', ref: 'half-fare', amount: chf(24_000) },
              { kind: 'extra-person', ref: 'support-plus', quantity: 1, amount: chf(11_500) },
            ],
            total: chf(92_000),
          },
        },
      });
    });

    it('q3-support-concept-fr.txt: registered persons come only with an add-on that includes them (Support+)', () => {
      given('q3')([])
        .when(order({ planId: 'profi', registeredPersons: [{ personId: 'p1', name: 'Anna', email: 'anna@example.ch' }] }))
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'registeredPersons', message: 'Registered persons come with Support+; add it first.' }]));
    });

    it('hezo-service-terms-pl.txt: registration needs the end user\'s tax id (NIP) matching the order, so the order must carry it', () => {
      given('hezo')([])
        .when(order({ planId: 'sos-8x5-nbd', customer: { name: 'Ada', email: 'ada@example.com', locale: 'pl' } }))
        .thenFails((error) =>
          expect(fields(error)).toEqual([
            { path: 'customer.taxId', message: "HEZO SOS 8x5, NBD needs the end user's tax id on the order: registering for support checks it against the order." },
          ]),
        );
    });

    it('hezo-service-terms-pl.txt: terms of 1 year or 3 years', () => {
      given('hezo')([])
        .when(order({ planId: 'sos-8x5-nbd', termMonths: 24 }))
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'termMonths', message: 'HEZO SOS 8x5, NBD is sold for 12 or 36 months.' }]));
    });

    it('refuses to order the same contract twice', () => {
      given('qualisys')(history('qualisys')).when(order()).thenFails(conflict('contract_exists'));
    });
  });

  describe('CreateContract', () => {
    it('places the order and activates it in one decision, in the region asked for (example value: EUR price)', () => {
      const events = contractDecider.decide(
        {
          type: 'CreateContract',
          contractId: 'C1',
          customer: { name: 'Ada', email: 'ada@example.com', locale: 'de' },
          planId: 'gold',
          startsOn: '2025-01-01',
          termMonths: 12,
          regionId: 'international',
        },
        contractDecider.initialState,
        { now: NOW, catalog: presets.qualisys },
      );
      expect(events.map((e) => e.type)).toEqual(['ContractOrdered', 'ContractActivated']);
      expect(events[0]).toMatchObject({ payload: { channel: 'staff', regionId: 'international', customer: { timeZone: 'Europe/Stockholm' } } });
      expect(events[1]).toMatchObject({ payload: { termEndsOn: '2026-01-01', termEndsAt: GOLD_ENDS_AT } });
    });
  });

  describe('Activate', () => {
    it('hezo-service-terms-pl.txt: a 1-year term from the start date, in the customer zone (Warsaw)', () => {
      given('hezo')(history('hezo', { planId: 'sos-8x5-nbd', startsOn: '2025-03-01' }, false))
        .when({ type: 'Activate', contractId: 'C1' })
        .then([
          {
            type: 'ContractActivated',
            payload: {
              contractId: 'C1',
              termStartsOn: '2025-03-01',
              termEndsOn: '2026-03-01',
              termStartsAt: '2025-02-28T23:00:00.000Z',
              termEndsAt: '2026-02-28T23:00:00.000Z',
            },
          },
        ]);
    });

    it('onyxceph-support-levels.txt: an annual term from 29 February ends on 28 February', () => {
      given('onyxceph')(history('onyxceph', { planId: 'software-maintenance', startsOn: '2024-02-29' }, false))
        .when({ type: 'Activate', contractId: 'C1' })
        .then([
          {
            type: 'ContractActivated',
            payload: {
              contractId: 'C1',
              termStartsOn: '2024-02-29',
              termEndsOn: '2025-02-28',
              termStartsAt: '2024-02-28T23:00:00.000Z',
              termEndsAt: '2025-02-27T23:00:00.000Z',
            },
          },
        ]);
    });

    it('activates once, and an unknown contract is not found', () => {
      given('qualisys')(history('qualisys')).when({ type: 'Activate', contractId: 'C1' }).thenFails(conflict('contract_active', /is active/));
      given('qualisys')([]).when({ type: 'Activate', contractId: 'C1' }).thenThrows(NotFoundError);
    });
  });

  describe('AddAddOn', () => {
    it('qualisys-support-agreement.txt: camera loaner only for Diamond and Platinum', () => {
      given('qualisys')(history('qualisys'))
        .when({ type: 'AddAddOn', contractId: 'C1', addOnId: 'camera-loaner' })
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'addOnId', message: 'Camera loaner program needs Diamond or Platinum.' }]));
      given('qualisys')(history('qualisys', { planId: 'diamond' }))
        .when({ type: 'AddAddOn', contractId: 'C1', addOnId: 'camera-loaner' })
        .then([{ type: 'AddOnAdded', payload: { contractId: 'C1', addOnId: 'camera-loaner' } }]);
    });

    it('refuses an add-on the contract already holds, and changes to an expired contract', () => {
      given('qualisys')(history('qualisys', { planId: 'diamond', addOns: [{ addOnId: 'camera-loaner' }] }))
        .when({ type: 'AddAddOn', contractId: 'C1', addOnId: 'camera-loaner' })
        .thenFails(conflict('add_on_held'));
      given('qualisys')([...history('qualisys', { planId: 'diamond' }), expired(GOLD_ENDS_AT)])
        .when({ type: 'AddAddOn', contractId: 'C1', addOnId: 'camera-loaner' })
        .thenFails(conflict('contract_expired', /has expired; renew it first/));
    });
  });

  describe('RemoveAddOn', () => {
    it('qualisys-support-agreement.txt: QCS support is mandatory for QCS customers', () => {
      given('qualisys')(history('qualisys', { planId: 'diamond', customer: { name: 'A', email: 'a@example.com', locale: 'en', segment: 'clinical' }, addOns: [{ addOnId: 'qcs' }] }))
        .when({ type: 'RemoveAddOn', contractId: 'C1', addOnId: 'qcs' })
        .thenFails(conflict('add_on_mandatory', /mandatory for Qualisys Clinical System \(QCS\) customers/));
    });

    it('q3-support-concept-fr.txt: the half-fare subscription stays while extra Support+ persons need it', () => {
      const persons = [
        { personId: 'p1', name: 'Anna', email: 'anna@example.ch' },
        { personId: 'p2', name: 'Beat', email: 'beat@example.ch' },
      ];
      const events = history('q3', { planId: 'profi', addOns: [{ addOnId: 'support-plus' }, { addOnId: 'half-fare' }], registeredPersons: persons });
      given('q3')(events).when({ type: 'RemoveAddOn', contractId: 'C1', addOnId: 'half-fare' }).thenFails(conflict('add_on_in_use', /Half-fare subscription/));
      given('q3')([...events, { type: 'RegisteredPersonRemoved', payload: { contractId: 'C1', personId: 'p2' } }])
        .when({ type: 'RemoveAddOn', contractId: 'C1', addOnId: 'half-fare' })
        .then([{ type: 'AddOnRemoved', payload: { contractId: 'C1', addOnId: 'half-fare' } }]);
    });

    it('refuses to remove an add-on the contract does not hold', () => {
      given('qualisys')(history('qualisys')).when({ type: 'RemoveAddOn', contractId: 'C1', addOnId: 'camera-loaner' }).thenFails(conflict('add_on_not_held'));
    });
  });

  describe('AddRegisteredPerson', () => {
    const anna = { personId: 'p1', name: 'Anna', email: 'anna@example.ch' };
    const beat = { personId: 'p2', name: 'Beat', email: 'beat@example.ch' };

    it('q3-support-concept-fr.txt: Support+ includes one registered person; each further one needs the half-fare subscription', () => {
      const withSupportPlus = history('q3', { planId: 'premium', addOns: [{ addOnId: 'support-plus' }] });
      given('q3')(withSupportPlus)
        .when({ type: 'AddRegisteredPerson', contractId: 'C1', ...anna })
        .then([{ type: 'RegisteredPersonAdded', payload: { contractId: 'C1', ...anna } }]);
      const withAnna: NewEvent[] = [...withSupportPlus, { type: 'RegisteredPersonAdded', payload: { contractId: 'C1', ...anna } }];
      given('q3')(withAnna)
        .when({ type: 'AddRegisteredPerson', contractId: 'C1', ...beat })
        .thenFails(conflict('no_seat', 'Support+ includes 1 registered person; each further person needs the Half-fare subscription.'));
      given('q3')([...withAnna, { type: 'AddOnAdded', payload: { contractId: 'C1', addOnId: 'half-fare' } }])
        .when({ type: 'AddRegisteredPerson', contractId: 'C1', ...beat })
        // "Chaque personne enregistrée supplémentaire coûte CHF 115.- par année": charged with the addition.
        .then([
          {
            type: 'RegisteredPersonAdded',
            payload: {
              contractId: 'C1', ...beat,
              charge: [{ kind: 'extra-person', ref: 'support-plus', description: 'Support+: 1 further registered person', quantity: 1, unitPrice: { amount: 11_500, currency: 'CHF' }, amount: { amount: 11_500, currency: 'CHF' } }],
            },
          },
        ]);
      given('q3')(withAnna).when({ type: 'AddRegisteredPerson', contractId: 'C1', ...anna }).thenFails(conflict('person_registered'));
    });
  });

  describe('ChangeLicence', () => {
    const licence = (francs: number, mainModules: string[]) => ({ annualValue: { amount: francs * 100, currency: 'CHF' }, mainModules });

    it('q3-support-concept-fr.txt: the credit depends on "un valeur de loyer annuel" and "la quantité des modules": staff record a new rent or modules', () => {
      const events = history('q3', { planId: 'profi', licence: licence(1_200, ['cofi']) });
      given('q3')(events)
        .when({ type: 'ChangeLicence', contractId: 'C1', licence: licence(1_500, ['cofi', 'payroll']) })
        .then([{ type: 'LicenceChanged', payload: { contractId: 'C1', licence: licence(1_500, ['cofi', 'payroll']) } }]);
      given('q3')(events).when({ type: 'ChangeLicence', contractId: 'C1', licence: licence(1_200, ['cofi']) }).then([]);
    });

    it('refuses a rent in another currency and modules the catalog does not name, with the fields', () => {
      given('q3')(history('q3', { planId: 'profi' }))
        .when({ type: 'ChangeLicence', contractId: 'C1', licence: { annualValue: { amount: 100, currency: 'EUR' }, mainModules: ['hr', 'cofi', 'cofi'] } })
        .thenFails((error) => expect((error as ValidationError).fields.map((f) => f.path)).toEqual(['licence.annualValue.currency', 'licence.mainModules.0', 'licence.mainModules.2']));
    });
  });

  describe('RemoveRegisteredPerson', () => {
    it('q3-support-concept-fr.txt: a registered person can be removed (example value)', () => {
      const anna = { personId: 'p1', name: 'Anna', email: 'anna@example.ch' };
      const events = history('q3', { planId: 'profi', addOns: [{ addOnId: 'support-plus' }], registeredPersons: [anna] });
      given('q3')(events)
        .when({ type: 'RemoveRegisteredPerson', contractId: 'C1', personId: 'p1' })
        .then([{ type: 'RegisteredPersonRemoved', payload: { contractId: 'C1', personId: 'p1' } }]);
      given('q3')(events).when({ type: 'RemoveRegisteredPerson', contractId: 'C1', personId: 'p9' }).thenFails(conflict('person_not_registered'));
    });
  });

  describe('ChangeLicencePackages', () => {
    const maintenance = () => history('onyxceph', { planId: 'software-maintenance' });

    it('onyxceph-support-levels.txt: maintenance is charged for every licence package a customer holds', () => {
      given('onyxceph')(maintenance())
        .when({ type: 'ChangeLicencePackages', contractId: 'C1', licencePackages: 3 })
        .then([{ type: 'LicencePackagesChanged', payload: { contractId: 'C1', from: 1, to: 3 } }]);
      given('onyxceph')(maintenance()).when({ type: 'ChangeLicencePackages', contractId: 'C1', licencePackages: 1 }).then([]);
      given('onyxceph')(maintenance())
        .when({ type: 'ChangeLicencePackages', contractId: 'C1', licencePackages: 0 })
        .thenFails((error) => expect(fields(error).map((f) => f.path)).toEqual(['licencePackages']));
    });
  });

  describe('RequestRenewal', () => {
    it('hezo-service-terms-pl.txt: agreements are renewable; a repeated request changes nothing', () => {
      const events = history('hezo', { planId: 'ahb-8x5-nbd' });
      given('hezo')(events)
        .when({ type: 'RequestRenewal', contractId: 'C1', channel: 'website' })
        .then([{ type: 'RenewalRequested', payload: { contractId: 'C1', channel: 'website' } }]);
      given('hezo')([...events, { type: 'RenewalRequested', payload: { contractId: 'C1', channel: 'website' } }])
        .when({ type: 'RequestRenewal', contractId: 'C1', channel: 'staff' })
        .then([]);
    });

    it('refuses a renewal request for an order not yet activated or a cancelled contract', () => {
      given('hezo')(history('hezo', { planId: 'ahb-8x5-nbd' }, false))
        .when({ type: 'RequestRenewal', contractId: 'C1', channel: 'website' })
        .thenFails(conflict('contract_ordered'));
      given('hezo')([...history('hezo', { planId: 'ahb-8x5-nbd' }), { type: 'ContractCancelled', payload: { contractId: 'C1', reason: 'moved' } }])
        .when({ type: 'RequestRenewal', contractId: 'C1', channel: 'website' })
        .thenFails(conflict('contract_cancelled'));
    });
  });

  describe('SendRenewalReminder', () => {
    // qualisys (example value): reminders 60, 30 and 7 days before the term ends; Gold ends 2026-01-01 in Stockholm.
    const remind = (offsetDays: number) => ({ type: 'SendRenewalReminder' as const, contractId: 'C1', offsetDays });

    it('(example value) sends the 30-day reminder from 00:00 local time 30 days before the end day', () => {
      given('qualisys')(history('qualisys'))
        .when(remind(30), { now: '2025-12-01T23:00:00.000Z' })
        .then([{ type: 'RenewalReminded', payload: { contractId: 'C1', offsetDays: 30, termEndsOn: '2026-01-01' } }]);
      given('qualisys')(history('qualisys'))
        .when(remind(30), { now: '2025-12-01T22:59:59.999Z' })
        .thenFails(conflict('reminder_not_due', /2025-12-01T23:00:00.000Z/));
    });

    it('(example value) once per term and offset: a repeated sweep appends nothing', () => {
      given('qualisys')([...history('qualisys'), { type: 'RenewalReminded', payload: { contractId: 'C1', offsetDays: 30, termEndsOn: '2026-01-01' } }])
        .when(remind(30), { now: '2025-12-20T00:00:00.000Z' })
        .then([]);
    });

    it('(example value) only the catalog offsets, and only while the term runs', () => {
      given('qualisys')(history('qualisys'))
        .when(remind(45), { now: '2025-12-20T00:00:00.000Z' })
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'offsetDays', message: 'Reminders go out 60, 30 or 7 days before the term ends.' }]));
      given('qualisys')([...history('qualisys'), expired(GOLD_ENDS_AT)])
        .when(remind(7), { now: '2026-01-02T00:00:00.000Z' })
        .thenFails(conflict('contract_expired'));
    });
  });

  describe('SendDueRenewalReminder', () => {
    // qualisys (example value): reminders 60, 30 and 7 days before the term ends; Gold ends 2026-01-01 in Stockholm.
    const due = { type: 'SendDueRenewalReminder' as const, contractId: 'C1' };
    const reminded = (offsetDays: number): NewEvent => ({ type: 'RenewalReminded', payload: { contractId: 'C1', offsetDays, termEndsOn: '2026-01-01' } });

    it('(example value) sends the offset that has come due, from 00:00 local time that many days before the end day', () => {
      given('qualisys')(history('qualisys')).when(due, { now: '2025-11-01T23:00:00.000Z' }).then([reminded(60)]);
      given('qualisys')([...history('qualisys'), reminded(60)]).when(due, { now: '2025-12-01T23:00:00.000Z' }).then([reminded(30)]);
      given('qualisys')([...history('qualisys'), reminded(60), reminded(30)]).when(due, { now: '2025-12-24T23:00:00.000Z' }).then([reminded(7)]);
    });

    it('(example value) nothing before the first offset, nothing twice: a repeated sweep appends nothing', () => {
      given('qualisys')(history('qualisys')).when(due, { now: '2025-11-01T22:59:59.999Z' }).then([]);
      given('qualisys')([...history('qualisys'), reminded(60)]).when(due, { now: '2025-11-20T00:00:00.000Z' }).then([]);
      given('qualisys')([...history('qualisys'), reminded(60), reminded(30), reminded(7)]).when(due, { now: '2025-12-30T00:00:00.000Z' }).then([]);
    });

    it('(example value) a contract ordered late gets one reminder, the latest due, and never the earlier ones after it', () => {
      // Gold from 2025-01-01, first swept 10 days before the end: the 60- and 30-day reminders were missed.
      given('qualisys')(history('qualisys')).when(due, { now: '2025-12-22T00:15:00.000Z' }).then([reminded(30)]);
      given('qualisys')(history('qualisys')).when(due, { now: '2025-12-26T00:15:00.000Z' }).then([reminded(7)]);
      given('qualisys')([...history('qualisys'), reminded(7)]).when(due, { now: '2025-12-27T00:15:00.000Z' }).then([]);
    });

    it('(example value) no reminder once the term has ended, nor for a contract not active', () => {
      given('qualisys')(history('qualisys')).when(due, { now: GOLD_ENDS_AT }).then([]);
      given('qualisys')([...history('qualisys'), expired(GOLD_ENDS_AT)]).when(due, { now: '2026-01-02T00:00:00.000Z' }).then([]);
      given('qualisys')(history('qualisys', {}, false)).when(due, { now: '2025-12-26T00:00:00.000Z' }).then([]);
      given('qualisys')([]).when(due, { now: '2025-12-26T00:00:00.000Z' }).thenFails((error) => expect(error).toBeInstanceOf(NotFoundError));
    });

    it('(example value) the view indexes the next pending reminder, and none once a later one has gone out', () => {
      const projection = contractProjection(presets.qualisys);
      const viewOf = (events: NewEvent[]) => stored(events).reduce<ContractView | undefined>((acc, e) => projection.evolve(acc, e), undefined)!;
      expect(nextReminder(viewOf(history('qualisys')), presets.qualisys)).toEqual({ offsetDays: 60, at: '2025-11-01T23:00:00.000Z' });
      expect(nextReminder(viewOf([...history('qualisys'), reminded(30)]), presets.qualisys)).toEqual({ offsetDays: 7, at: '2025-12-24T23:00:00.000Z' });
      expect(nextReminder(viewOf([...history('qualisys'), reminded(7)]), presets.qualisys)).toBeUndefined();
    });
  });

  describe('Renew', () => {
    const renew = { type: 'Renew' as const, contractId: 'C1' };

    it('(example value) on time: the next term follows the old one without a gap, at the plan price', () => {
      given('qualisys')(history('qualisys'))
        .when(renew, { now: '2025-12-15T09:00:00.000Z' })
        .then([
          {
            type: 'ContractRenewed',
            payload: {
              contractId: 'C1',
              termStartsOn: '2026-01-01',
              termEndsOn: '2027-01-01',
              termStartsAt: GOLD_ENDS_AT,
              termEndsAt: '2026-12-31T23:00:00.000Z',
              price: usd(250_000),
            },
          },
        ]);
    });

    it('(example value) within the 30-day grace period: an ordinary renewal from the old end, no fee', () => {
      given('qualisys')([...history('qualisys'), expired(GOLD_ENDS_AT)])
        .when(renew, { now: '2026-01-20T09:00:00.000Z' })
        .then([
          {
            type: 'ContractRenewed',
            payload: {
              contractId: 'C1',
              termStartsOn: '2026-01-01',
              termEndsOn: '2027-01-01',
              termStartsAt: GOLD_ENDS_AT,
              termEndsAt: '2026-12-31T23:00:00.000Z',
              price: usd(250_000),
            },
          },
        ]);
    });

    it('(example value) after grace: reinstated with the 10 % fee, back-dated to the anniversary', () => {
      given('qualisys')([...history('qualisys'), expired(GOLD_ENDS_AT), { type: 'ContractLapsed', payload: { contractId: 'C1', lapsedAt: '2026-01-31T23:00:00.000Z' } }])
        .when(renew, { now: '2026-03-01T09:00:00.000Z' })
        .then([
          {
            type: 'ContractReinstated',
            payload: {
              contractId: 'C1',
              termStartsOn: '2026-01-01',
              termEndsOn: '2027-01-01',
              termStartsAt: GOLD_ENDS_AT,
              termEndsAt: '2026-12-31T23:00:00.000Z',
              lines: [{ kind: 'penalty', description: expect.any(String), quantity: 1, unitPrice: usd(25_000), amount: usd(25_000) }],
              total: usd(25_000),
            },
          },
        ]);
    });

    it('hezo-service-terms-pl.txt: renewal after the end date may incur a back-dated reactivation fee', () => {
      // SOS 8x5 NBD, 12 months (example value: PLN 4,800), 2025-03-01 to 2026-03-01 in Warsaw; renewed on 10 April:
      // 1 month and 9 days lapsed, the started month counts whole: 2 × PLN 400.00 back-support (example value: the rule).
      const events = history('hezo', { planId: 'sos-8x5-nbd', startsOn: '2025-03-01' });
      given('hezo')([...events, expired('2026-02-28T23:00:00.000Z')])
        .when(renew, { now: '2026-04-10T08:00:00.000Z' })
        .then([
          {
            type: 'ContractReinstated',
            payload: {
              contractId: 'C1',
              termStartsOn: '2026-04-10',
              termEndsOn: '2027-04-10',
              termStartsAt: '2026-04-09T22:00:00.000Z',
              termEndsAt: '2027-04-09T22:00:00.000Z',
              lines: [{ kind: 'back-support', description: expect.any(String), quantity: 2, unitPrice: pln(40_000), amount: pln(80_000) }],
              total: pln(80_000),
            },
          },
        ]);
    });

    it('(example value) after the 365-day cut-off reinstatement is refused: a new order is needed', () => {
      given('qualisys')([...history('qualisys'), expired(GOLD_ENDS_AT)])
        .when(renew, { now: '2027-01-10T09:00:00.000Z' })
        .thenFails(conflict('reinstatement_refused', /Please place a new order/));
    });

    it('refuses a second renewal before the renewed term has started', () => {
      given('qualisys')([
        ...history('qualisys'),
        {
          type: 'ContractRenewed',
          payload: { contractId: 'C1', termStartsOn: '2026-01-01', termEndsOn: '2027-01-01', termStartsAt: GOLD_ENDS_AT, termEndsAt: '2026-12-31T23:00:00.000Z', price: usd(250_000) },
        },
      ])
        .when(renew, { now: '2025-12-20T09:00:00.000Z' })
        .thenFails(conflict('already_renewed', /2027-01-01/));
    });
  });

  describe('PayReactivationFee', () => {
    // hezo-service-terms-pl.txt: "renewing after the end date may incur a back-dated reactivation fee";
    // the qualisys preset's rule (example value): 10 % of USD 2,500.00, reinstated on 1 March 2026.
    const lapsed: NewEvent = { type: 'ContractLapsed', payload: { contractId: 'C1', lapsedAt: '2026-01-31T23:00:00.000Z' } };
    const reinstated: NewEvent = {
      type: 'ContractReinstated',
      payload: {
        contractId: 'C1', termStartsOn: '2026-01-01', termEndsOn: '2027-01-01', termStartsAt: GOLD_ENDS_AT, termEndsAt: '2026-12-31T23:00:00.000Z',
        lines: [{ kind: 'penalty', description: 'Reactivation fee: 10 %', quantity: 1, unitPrice: usd(25_000), amount: usd(25_000) }],
        total: usd(25_000),
      },
    };
    const owing = [...history('qualisys'), expired(GOLD_ENDS_AT), lapsed, reinstated];
    const pay = (amount: number, reference = 'BANK-1', currency = 'USD') =>
      ({ type: 'PayReactivationFee' as const, contractId: 'C1', paid: { amount, currency }, reference });
    const paid = (amount: number, outstanding: number, reference = 'BANK-1'): NewEvent => ({
      type: 'ReactivationFeePaid',
      payload: { contractId: 'C1', paid: usd(amount), reference, outstanding: usd(outstanding) },
    });

    it('hezo-service-terms-pl.txt (reactivation fee): a payment settles the fee of the reinstatement', () => {
      given('qualisys')(owing).when(pay(25_000)).then([paid(25_000, 0)]);
    });

    it('(example value) part payments reduce what is owed, and a repeat of a reference records nothing', () => {
      given('qualisys')(owing).when(pay(10_000)).then([paid(10_000, 15_000)]);
      given('qualisys')([...owing, paid(10_000, 15_000)]).when(pay(10_000)).then([]);
      given('qualisys')([...owing, paid(10_000, 15_000)]).when(pay(15_000, 'BANK-2')).then([paid(15_000, 0, 'BANK-2')]);
    });

    it('refuses more than is owed, another currency, and a payment when nothing is owed', () => {
      given('qualisys')(owing)
        .when(pay(25_001))
        .thenFails((error) => expect(fields(error)).toEqual([{ path: 'paid.amount', message: 'Only USD 250.00 is owed; this pays USD 250.01.' }]));
      given('qualisys')(owing).when(pay(25_000, 'BANK-1', 'EUR')).thenFails((error) => expect(fields(error).map((f) => f.path)).toEqual(['paid.currency']));
      given('qualisys')(history('qualisys')).when(pay(100)).thenFails(conflict('no_fee_outstanding'));
      given('qualisys')([...owing, paid(25_000, 0)]).when(pay(100, 'BANK-2')).thenFails(conflict('no_fee_outstanding'));
    });

    it('the view shows what is owed until it is paid', () => {
      const project = (events: NewEvent[]) => stored(events).reduce<ContractView | undefined>((view, event) => contractProjection(presets.qualisys).evolve(view, event), undefined)!;
      expect(project(owing).feeOutstanding).toEqual(usd(25_000));
      expect(project([...owing, paid(10_000, 15_000)]).feeOutstanding).toEqual(usd(15_000));
      const settled = project([...owing, paid(10_000, 15_000), paid(15_000, 0, 'BANK-2')]);
      expect(settled.feeOutstanding).toBeUndefined();
      expect(settled.feeLastPaidAt).toBeDefined();
    });
  });

  describe('ExpireContract', () => {
    it('expires at term end, once; a lapsed contract stays lapsed', () => {
      given('qualisys')(history('qualisys')).when({ type: 'ExpireContract', contractId: 'C1' }, { now: GOLD_ENDS_AT }).then([expired(GOLD_ENDS_AT)]);
      given('qualisys')([...history('qualisys'), expired(GOLD_ENDS_AT), { type: 'ContractLapsed', payload: { contractId: 'C1', lapsedAt: '2026-01-31T23:00:00.000Z' } }])
        .when({ type: 'ExpireContract', contractId: 'C1' }, { now: '2026-03-01T00:00:00.000Z' })
        .then([]);
    });
  });

  describe('LapseContract', () => {
    const lapse = { type: 'LapseContract' as const, contractId: 'C1' };
    // qualisys (example value): 30 days' grace; renewing on 31 January is still grace, so the contract lapses at the start of 1 February.
    it('(example value) lapses once the grace period is over, and only once', () => {
      const events = [...history('qualisys'), expired(GOLD_ENDS_AT)];
      given('qualisys')(events).when(lapse, { now: '2026-01-31T22:59:59.999Z' }).thenFails(conflict('grace_not_over'));
      given('qualisys')(events)
        .when(lapse, { now: '2026-01-31T23:00:00.000Z' })
        .then([{ type: 'ContractLapsed', payload: { contractId: 'C1', lapsedAt: '2026-01-31T23:00:00.000Z' } }]);
      given('qualisys')([...events, { type: 'ContractLapsed', payload: { contractId: 'C1', lapsedAt: '2026-01-31T23:00:00.000Z' } }])
        .when(lapse, { now: '2026-03-01T00:00:00.000Z' })
        .then([]);
    });

    it('hezo-service-terms-pl.txt: with no grace (example value), the contract lapses the day after its end day', () => {
      given('hezo')([...history('hezo', { planId: 'sos-8x5-nbd', startsOn: '2025-03-01' }), expired('2026-02-28T23:00:00.000Z')])
        .when(lapse, { now: '2026-03-01T23:00:00.000Z' })
        .then([{ type: 'ContractLapsed', payload: { contractId: 'C1', lapsedAt: '2026-03-01T23:00:00.000Z' } }]);
    });

    it('refuses to lapse a contract that has not expired', () => {
      given('qualisys')(history('qualisys')).when(lapse, { now: '2027-01-01T00:00:00.000Z' }).thenFails(conflict('contract_active'));
    });
  });

  describe('Cancel', () => {
    it('cancels with a reason, once (example value)', () => {
      given('qualisys')(history('qualisys'))
        .when({ type: 'Cancel', contractId: 'C1', reason: ' Customer closed the lab. ' })
        .then([{ type: 'ContractCancelled', payload: { contractId: 'C1', reason: 'Customer closed the lab.' } }]);
      given('qualisys')(history('qualisys'))
        .when({ type: 'Cancel', contractId: 'C1', reason: '  ' })
        .thenFails((error) => expect(fields(error).map((f) => f.path)).toEqual(['reason']));
      given('qualisys')([...history('qualisys'), { type: 'ContractCancelled', payload: { contractId: 'C1', reason: 'x' } }])
        .when({ type: 'Cancel', contractId: 'C1', reason: 'again' })
        .thenFails(conflict('contract_cancelled', /was cancelled/));
    });
  });

  describe('ScheduleSystemReview', () => {
    const review = { type: 'ScheduleSystemReview' as const, contractId: 'C1' };
    const withCare = () => history('hezo', { planId: 'sos-8x5-nbd', termMonths: 36, startsOn: '2025-03-01', addOns: [{ addOnId: 'system-care' }] });

    it('hezo-service-terms-pl.txt: a system review at least once a year, counted from the term start', () => {
      given('hezo')(withCare()).when(review, { now: '2026-02-28T12:00:00.000Z' }).thenFails(conflict('review_not_due', /2026-03-01/));
      given('hezo')(withCare())
        .when(review, { now: '2026-03-01T08:00:00.000Z' })
        .then([{ type: 'SystemReviewDue', payload: { contractId: 'C1', dueOn: '2026-03-01' } }]);
      given('hezo')([...withCare(), { type: 'SystemReviewDue', payload: { contractId: 'C1', dueOn: '2026-03-01' } }])
        .when(review, { now: '2026-03-02T08:00:00.000Z' })
        .then([]);
      given('hezo')(withCare())
        .when(review, { now: '2027-03-05T08:00:00.000Z' })
        .then([{ type: 'SystemReviewDue', payload: { contractId: 'C1', dueOn: '2027-03-01' } }]);
    });

    it('hezo-service-terms-pl.txt: only agreements that include a review have one', () => {
      given('hezo')(history('hezo', { planId: 'sos-8x5-nbd' })).when(review, { now: '2026-03-01T08:00:00.000Z' }).thenFails(conflict('no_system_review'));
    });
  });

  describe('contract view and what is due', () => {
    const view = (preset: PresetName, events: NewEvent[]) => {
      const projection = contractProjection(presets[preset]);
      const v = stored(events).reduce<ContractView | undefined>((acc, e) => projection.evolve(acc, e), undefined)!;
      return { view: v, due: projection.due(v) };
    };

    it('(example value) an active contract: expiry at term end, the earliest unsent reminder', () => {
      const { view: v, due } = view('qualisys', [
        ...history('qualisys'),
        { type: 'RenewalReminded', payload: { contractId: 'C1', offsetDays: 60, termEndsOn: '2026-01-01' } },
      ]);
      expect(v).toMatchObject({ status: 'active', termEndsOn: '2026-01-01', remindedOffsets: [60] });
      expect(due).toEqual([
        { kind: 'contract-expiry', at: GOLD_ENDS_AT },
        { kind: 'renewal-reminder', at: '2025-12-01T23:00:00.000Z' },
      ]);
      expect(nextReminder(v, presets.qualisys)).toEqual({ offsetDays: 30, at: '2025-12-01T23:00:00.000Z' });
    });

    it('(example value) an expired contract: the lapse after grace; a lapsed one: nothing', () => {
      const expiredView = view('qualisys', [...history('qualisys'), expired(GOLD_ENDS_AT)]);
      expect(expiredView.due).toEqual([{ kind: 'contract-lapse', at: '2026-01-31T23:00:00.000Z' }]);
      const lapsed = view('qualisys', [...history('qualisys'), expired(GOLD_ENDS_AT), { type: 'ContractLapsed', payload: { contractId: 'C1', lapsedAt: '2026-01-31T23:00:00.000Z' } }]);
      expect(lapsed.due).toEqual([]);
      expect(lapsed.view.status).toBe('lapsed');
    });

    it('hezo-service-terms-pl.txt: the yearly system review is due from the term start; the reinstatement fee is kept', () => {
      const events = history('hezo', { planId: 'sos-8x5-nbd', termMonths: 36, startsOn: '2025-03-01', addOns: [{ addOnId: 'system-care' }] });
      expect(view('hezo', events).due).toContainEqual({ kind: 'system-review', at: '2026-02-28T23:00:00.000Z' });
      const reinstated = view('hezo', [
        ...history('hezo', { planId: 'sos-8x5-nbd', startsOn: '2025-03-01' }),
        expired('2026-02-28T23:00:00.000Z'),
        {
          type: 'ContractReinstated',
          payload: { contractId: 'C1', termStartsOn: '2026-04-10', termEndsOn: '2027-04-10', termStartsAt: '2026-04-09T22:00:00.000Z', termEndsAt: '2027-04-09T22:00:00.000Z', lines: [], total: pln(80_000) },
        },
      ]);
      expect(reinstated.view).toMatchObject({ status: 'active', reinstatementTotal: pln(80_000), coveredSince: '2026-04-09T22:00:00.000Z', remindedOffsets: [] });
    });
  });
});
