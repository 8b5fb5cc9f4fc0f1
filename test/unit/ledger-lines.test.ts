import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import type { Booking } from '../../events/credit';
import { presets } from '../../domain/catalog/presets/index';
import type { PlaceOrder } from '../../domain/contract/commands';
import type { ContractView } from '../../domain/contract/view';
import { contractLines } from '../../domain/ledger/contract-lines';
import { creditLines, nextEntryBookings, type EntryBookings } from '../../domain/ledger/credit-lines';
import { ledgerPartition, statementMonthPartition, statementMonthSort, type LedgerLine } from '../../domain/ledger/line';
import { contractLedgerProjection, ticketLedgerProjection } from '../../domain/ledger/projections';
import { ledgerRows } from '../../domain/ledger/rows';
import { divideHalfAwayFromZero, vatOf } from '../../domain/ledger/vat';
import type { TicketView } from '../../domain/ticket/view';
import { decided, streamOf } from './ledger-fixtures';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const usd = (amount: number) => ({ amount, currency: 'USD' });
const chf = (amount: number) => ({ amount, currency: 'CHF' });

/** Folds a contract stream through the ledger's contract projection and returns every line its events add. */
function contractLedger(catalog: (typeof presets)[keyof typeof presets], events: NewEvent[], at?: string): LedgerLine[] {
  const projection = contractLedgerProjection(catalog);
  let view: ContractView | undefined;
  const lines: LedgerLine[] = [];
  for (const event of streamOf('contract#C1', events, at)) {
    const next = projection.evolve(view, event);
    lines.push(...contractLines(catalog, event, next));
    view = next;
  }
  return lines;
}

const order = (extra: Pick<PlaceOrder, 'customer' | 'planId'> & Partial<PlaceOrder>): PlaceOrder => ({ type: 'PlaceOrder', contractId: 'C1', channel: 'staff', termMonths: 12, startsOn: '2025-03-10', ...extra });

describe('ledger lines of contract events', () => {
  it('onyxceph-support-levels.txt "EUR 99 + VAT per license package", through a reseller: 3 packages, German VAT, the reseller bills and remits in its annual billing', () => {
    // given an OnyxCeph maintenance order for 3 licence packages through distributor D1, for a German customer
    const catalog = presets.onyxceph;
    const events = decided(catalog, [
      order({ customer: { name: 'Praxis', email: 'p@example.de', locale: 'de', customerId: 'CUST-1', country: 'DE' }, planId: 'software-maintenance', licencePackages: 3, distributorId: 'D1' }),
      { type: 'Activate', contractId: 'C1' },
    ]);
    // when it is activated
    const lines = contractLedger(catalog, events);
    // then one agreement line: 3 × EUR 99.00, VAT 19 %, billed by the reseller
    expect(lines).toEqual([
      {
        lineId: 'contract#C1@2#0',
        customerId: 'CUST-1',
        contractId: 'C1',
        date: '2025-03-10',
        kind: 'agreement',
        ref: 'software-maintenance',
        description: expect.stringContaining('per licence package'),
        quantity: 3,
        unit: 'licence package',
        unitPrice: eur(9_900),
        net: eur(29_700),
        vat: { country: 'DE', percent: 19, amount: eur(5_643) },
        billedBy: { party: 'reseller', distributorId: 'D1', remitsToVendor: eur(29_700), remittance: 'annual-billing' },
        source: { streamId: 'contract#C1', version: 2, eventId: 'contract#C1@2', type: 'ContractActivated' },
      },
    ]);
  });

  it('onyxceph: without a distributor the vendor bills; a country without a catalog rate shows no VAT', () => {
    const catalog = presets.onyxceph;
    const events = decided(catalog, [
      order({ customer: { name: 'Praxis', email: 'p@example.at', locale: 'de', country: 'AT' }, planId: 'software-maintenance', licencePackages: 2 }),
      { type: 'Activate', contractId: 'C1' },
    ]);
    const [line] = contractLedger(catalog, events);
    expect(line.billedBy).toEqual({ party: 'vendor' });
    expect(line.vat).toBeUndefined();
    // an order without a customer id bills the contract itself
    expect(line.customerId).toBe('C1');
  });

  it('qualisys-support-agreement.txt extended hardware warranty "based on the size of the total camera system": an add-on line beside the plan; the included camera loaner (0) is left out', () => {
    // given a Diamond order in the Americas with the warranty for 10 cameras and the camera loaner (included)
    const catalog = presets.qualisys;
    const events = decided(catalog, [
      order({
        customer: { name: 'Lab', email: 'lab@example.com', locale: 'en' },
        planId: 'diamond',
        regionId: 'americas',
        addOns: [{ addOnId: 'extended-hardware-warranty', size: 10 }, { addOnId: 'camera-loaner' }],
      }),
      { type: 'Activate', contractId: 'C1' },
    ]);
    const lines = contractLedger(catalog, events);
    expect(lines.map((l) => [l.lineId, l.kind, l.ref, l.quantity, l.unit, l.net])).toEqual([
      ['contract#C1@2#0', 'agreement', 'diamond', 1, 'term', expect.objectContaining({ currency: 'USD' })],
      ['contract#C1@2#1', 'add-on', 'extended-hardware-warranty', 1, 'year', usd(220_000)],
    ]);
    // the Americas have no VAT in this catalog (example value)
    expect(lines.every((l) => l.vat === undefined)).toBe(true);
  });

  it('books on the date in the contract\'s zone: 23:30 UTC on 31 December is 1 January in Berlin', () => {
    const catalog = presets.onyxceph;
    const events = decided(catalog, [
      order({ customer: { name: 'P', email: 'p@example.de', locale: 'de', country: 'DE', timeZone: 'Europe/Berlin' }, planId: 'software-maintenance', startsOn: '2026-01-01' }),
      { type: 'Activate', contractId: 'C1' },
    ]);
    expect(contractLedger(catalog, events, '2025-12-31T23:30:00.000Z')[0].date).toBe('2026-01-01');
  });

  it('hezo: a reinstatement\'s fee lines are reactivation-fee lines (Polish VAT 23 %); its payment is no line', () => {
    const catalog = presets.hezo;
    const [ordered, activated] = decided(catalog, [
      order({ customer: { name: 'Firma', email: 'f@example.pl', locale: 'pl', taxId: '5250001009' }, planId: 'sos-8x5-nbd' }),
      { type: 'Activate', contractId: 'C1' },
    ]);
    const term = { termStartsOn: '2026-04-10', termEndsOn: '2027-04-10', termStartsAt: '2026-04-09T22:00:00.000Z', termEndsAt: '2027-04-09T22:00:00.000Z' };
    const pln = (amount: number) => ({ amount, currency: 'PLN' });
    const lines = contractLedger(catalog, [
      ordered,
      activated,
      { type: 'ContractReinstated', payload: { contractId: 'C1', ...term, lines: [{ kind: 'back-support', description: 'Back-support, 2 months', quantity: 2, unitPrice: pln(40_000), amount: pln(80_000) }], total: pln(80_000) } },
      { type: 'ReactivationFeePaid', payload: { contractId: 'C1', paid: pln(80_000), reference: 'R1', outstanding: pln(0) } },
    ]).filter((l) => l.kind === 'reactivation-fee');
    expect(lines).toEqual([
      expect.objectContaining({ lineId: 'contract#C1@3#0', ref: 'back-support', quantity: 2, unit: 'month', unitPrice: pln(40_000), net: pln(80_000), vat: { country: 'PL', percent: 23, amount: pln(18_400) } }),
    ]);
  });

  it('a renewal without itemized lines is one agreement line for its price; with lines, each line', () => {
    const catalog = presets.qualisys;
    const [ordered, activated] = decided(catalog, [order({ customer: { name: 'Lab', email: 'lab@example.com', locale: 'en' }, planId: 'gold', regionId: 'americas' }), { type: 'Activate', contractId: 'C1' }]);
    const term = { termStartsOn: '2026-03-10', termEndsOn: '2027-03-10', termStartsAt: '2026-03-10T05:00:00.000Z', termEndsAt: '2027-03-10T05:00:00.000Z' };
    const renewed = contractLedger(catalog, [ordered, activated, { type: 'ContractRenewed', payload: { contractId: 'C1', ...term, price: usd(250_000) } }]).slice(1);
    expect(renewed.map((l) => [l.lineId, l.kind, l.ref, l.quantity, l.net])).toEqual([['contract#C1@3#0', 'agreement', 'gold', 1, usd(250_000)]]);
  });
});

describe('charges in contract events (the decider)', () => {
  it('onyxceph: a renewal itemizes the licence packages; its price is their total', () => {
    const catalog = presets.onyxceph;
    const events = decided(
      catalog,
      [
        order({ customer: { name: 'P', email: 'p@example.de', locale: 'de', country: 'DE' }, planId: 'software-maintenance', licencePackages: 3, startsOn: '2025-01-01' }),
        { type: 'Activate', contractId: 'C1' },
        { type: 'Renew', contractId: 'C1' },
      ],
      '2025-12-20T09:00:00.000Z',
    );
    const renewed = events.at(-1)!;
    expect(renewed.type).toBe('ContractRenewed');
    const payload = renewed.payload as { price: unknown; lines: { kind: string; quantity: number; amount: unknown }[] };
    expect(payload.price).toEqual(eur(29_700));
    expect(payload.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([['plan', 3, eur(29_700)]]);
  });

  it('q3-support-concept-fr.txt "Support+ CHF 565/year", "each further registered person CHF 115/year": additions to an active term are charged', () => {
    const catalog = presets.q3;
    const anna = { personId: 'p1', name: 'Anna', email: 'anna@example.ch' };
    const beat = { personId: 'p2', name: 'Beat', email: 'beat@example.ch' };
    const events = decided(catalog, [
      order({ customer: { name: 'Treuhand', email: 't@example.ch', locale: 'fr' }, planId: 'premium', addOns: [{ addOnId: 'half-fare' }] }),
      { type: 'Activate', contractId: 'C1' },
      { type: 'AddAddOn', contractId: 'C1', addOnId: 'support-plus' },
      { type: 'AddRegisteredPerson', contractId: 'C1', ...anna },
      { type: 'AddRegisteredPerson', contractId: 'C1', ...beat },
    ]);
    const [supportPlus, first, second] = events.slice(2) as { payload: { charge?: { kind: string; ref: string; quantity: number; amount: unknown }[] } }[];
    expect(supportPlus.payload.charge?.map((l) => [l.kind, l.ref, l.quantity, l.amount])).toEqual([['add-on', 'support-plus', 1, chf(56_500)]]);
    // Support+ includes one person: Anna costs nothing more, Beat CHF 115
    expect(first.payload.charge).toBeUndefined();
    expect(second.payload.charge?.map((l) => [l.kind, l.ref, l.quantity, l.amount])).toEqual([['extra-person', 'support-plus', 1, chf(11_500)]]);
    // and the ledger turns the charges into lines, with Swiss VAT 8.1 %
    const lines = contractLedger(catalog, events).filter((l) => l.source.type !== 'ContractActivated');
    expect(lines.map((l) => [l.kind, l.net, l.vat?.amount])).toEqual([
      ['add-on', chf(56_500), chf(4_577)],
      ['extra-person', chf(11_500), chf(932)],
    ]);
    // while the view's add-ons and persons read as before (the charge is the ledger's)
    const view = streamOf('contract#C1', events).reduce<ContractView | undefined>((v, e) => contractLedgerProjection(catalog).evolve(v, e), undefined)!;
    expect(view.addOns).toEqual([{ addOnId: 'half-fare' }, { addOnId: 'support-plus' }]);
    expect(view.registeredPersons).toEqual([anna, beat]);
  });
});

describe('support time (credit events)', () => {
  const catalog = presets.q3;
  const billed = (minutes: number, perHour: number): Booking => ({
    basis: 'billable',
    billableMinutes: minutes,
    creditMinutes: 0,
    billed: { minutes, perHour: chf(perHour), amount: chf(Math.round((minutes * perHour) / 60)) },
  });
  const credit = (minutes: number): Booking => ({ basis: 'billable', billableMinutes: minutes, creditMinutes: minutes });
  const billTo = { customerId: 'CUST-Q3', country: 'CH' };
  const logged = (entryId: string, booking: Booking): NewEvent => ({
    type: 'WorkLogged',
    payload: { contractId: 'C3', billTo, ticketId: 'T1', entryId, performedAt: '2025-03-10T08:00:00.000Z', minutes: booking.billableMinutes, activity: 'user-support', booking },
  });
  const corrected = (entryId: string, changes: { entryId: string; reversed: Booking; rebooked: Booking }[], activity = 'user-support'): NewEvent => ({
    type: 'WorkLogCorrected',
    payload: { contractId: 'C3', billTo, ticketId: 'T1', entryId, correction: { minutes: 40, activity }, reason: 'typo', changes },
  });
  /** Every line of a credit stream, folding the entries' booking numbers as the projection does. */
  function ledger(events: NewEvent[], at?: string): LedgerLine[] {
    let entries: EntryBookings = {};
    return streamOf('credit#C3', events, at).flatMap((event) => {
      const lines = creditLines(catalog, event, entries, catalog.defaultTimeZone);
      entries = nextEntryBookings(entries, event);
      return lines;
    });
  }

  it('q3-support-concept-fr.txt "CHF 175/h" once the credit is used up: billed minutes at the hourly rate, Swiss VAT 8.1 % rounded half away from zero', () => {
    // given 30 minutes billed at CHF 175.00/h = CHF 87.50 (VAT 7.0875 → 7.09)
    const [line] = ledger([logged('W1', billed(30, 17_500))]);
    expect(line).toEqual({
      lineId: 'work#W1#0',
      customerId: 'CUST-Q3',
      contractId: 'C3',
      ticketId: 'T1',
      date: '2025-03-10',
      kind: 'support-time',
      ref: 'user-support',
      description: expect.stringContaining('30 min'),
      quantity: 30,
      unit: 'minute at the hourly rate',
      unitPrice: chf(17_500),
      net: chf(8_750),
      vat: { country: 'CH', percent: 8.1, amount: chf(709) },
      billedBy: { party: 'vendor' },
      source: { streamId: 'credit#C3', version: 1, eventId: 'credit#C3@1', type: 'WorkLogged' },
    });
  });

  it('time paid from the credit is no line', () => {
    expect(ledger([logged('W1', credit(10))])).toEqual([]);
  });

  it('q3 "CHF 119/h with a half-fare subscription": a correction reverses the billed booking (naming its line) and books the new one; a second correction reverses the first re-booking', () => {
    const events = [
      logged('W1', billed(30, 17_500)),
      corrected('W1', [{ entryId: 'W1', reversed: billed(30, 17_500), rebooked: billed(40, 11_900) }]),
      corrected('W1', [{ entryId: 'W1', reversed: billed(40, 11_900), rebooked: credit(40) }], 'data-checks'),
    ];
    const lines = ledger(events);
    expect(lines.map((l) => [l.lineId, l.ref, l.quantity, l.net.amount, l.vat?.amount.amount, l.reverses])).toEqual([
      ['work#W1#0', 'user-support', 30, 8_750, 709, undefined],
      ['work#W1#0#reversal', 'user-support', -30, -8_750, -709, 'work#W1#0'],
      ['work#W1#1', 'user-support', 40, 7_933, 643, undefined],
      ['work#W1#1#reversal', 'user-support', -40, -7_933, -643, 'work#W1#1'],
    ]);
    // the net of the entry is now 0: everything billed was reversed
    expect(lines.reduce((sum, l) => sum + l.net.amount, 0)).toBe(0);
  });

  it('q3 VAT "hors TVA", example rates 7.7 % until 2023 and 8.1 % from 2024: the rate of the booking date in the catalog\'s zone (Zurich)', () => {
    const [before] = ledger([logged('W1', billed(60, 17_500))], '2023-12-31T22:30:00.000Z');
    const [after] = ledger([logged('W2', billed(60, 17_500))], '2023-12-31T23:30:00.000Z');
    expect([before.date, before.vat]).toEqual(['2023-12-31', { country: 'CH', percent: 7.7, amount: chf(1_348) }]);
    expect([after.date, after.vat]).toEqual(['2024-01-01', { country: 'CH', percent: 8.1, amount: chf(1_418) }]);
  });
});

describe('loaners (ticket events)', () => {
  const catalog = presets.qualisys;
  const view = (billTo?: TicketView['billTo']) =>
    ({ ticketId: 'T9', contractId: 'C9', timeZone: 'Europe/Stockholm', handler: { provider: 'vendor' }, ...(billTo ? { billTo } : {}) }) as TicketView;
  const charged: NewEvent = { type: 'LoanerCharged', payload: { ticketId: 'T9', contractId: 'C9', loanerSerialNumber: 'CAM-1', amount: { amount: 500_000, currency: 'EUR' }, returnDueAt: '2025-03-01T00:00:00.000Z' } };
  const linesFor = (v: TicketView) => {
    const [event] = streamOf('ticket#T9', [charged], '2025-03-10T09:00:00.000Z', 7);
    return ticketLedgerProjection(catalog).rows!(v, event, v);
  };

  it('qualisys-support-agreement.txt "if the camera is not returned, the user will be billed at the existing list price": a loaner line to the ticket\'s billTo, Swedish VAT 25 %', () => {
    const rows = linesFor(view({ customerId: 'CUST-SE', country: 'SE' }));
    expect(rows.map((r) => r.partition)).toEqual([ledgerPartition('CUST-SE'), statementMonthPartition('2025-03')]);
    expect(rows[0].data).toMatchObject({ lineId: 'ticket#T9@7#0', kind: 'loaner', ref: 'camera-loaner', ticketId: 'T9', contractId: 'C9', quantity: 1, unit: 'device', net: { amount: 500_000, currency: 'EUR' }, vat: { country: 'SE', percent: 25, amount: { amount: 125_000, currency: 'EUR' } } });
  });

  it('an older ticket without billTo bills the contract, without VAT', () => {
    const [row] = linesFor(view());
    expect(row.data).toMatchObject({ customerId: 'C9' });
    expect((row.data as LedgerLine).vat).toBeUndefined();
  });
});

describe('VAT rounding and rows', () => {
  it.each([
    [5, 10, 1],
    [-5, 10, -1],
    [4, 10, 0],
    [-4, 10, 0],
    [15, 10, 2],
    [-15, 10, -2],
  ])('%i / %i rounds half away from zero to %i', (n, d, q) => expect(divideHalfAwayFromZero(n, d)).toBe(q));

  it('a reversal\'s VAT is exactly the negative of the original\'s', () => {
    const vat = (amount: number) => vatOf(presets.q3, 'CH', '2025-01-01', chf(amount))!.amount.amount;
    for (const amount of [1, 50, 8_750, 7_933, 123_457]) expect(vat(-amount) + vat(amount)).toBe(0);
  });

  it('one statement-month marker per customer and month, whatever the number of lines', () => {
    const line = (lineId: string, date: string) => ({ lineId, customerId: 'K', date }) as LedgerLine;
    const rows = ledgerRows([line('a', '2025-03-01'), line('b', '2025-03-31'), line('c', '2025-04-01')]);
    expect(rows.filter((r) => r.partition.startsWith('statement-month#')).map((r) => [r.partition, r.sort, r.data])).toEqual([
      [statementMonthPartition('2025-03'), statementMonthSort('K'), {}],
      [statementMonthPartition('2025-04'), statementMonthSort('K'), {}],
    ]);
  });
});

describe('booking dates', () => {
  it('equal luxon\'s date in the zone for every quarter hour around the DST changes of 2025 (Zurich, Sydney, Lord Howe\'s half hour)', async () => {
    const { DateTime } = await import('luxon');
    const { bookingDate } = await import('../../domain/ledger/booking-date');
    for (const zone of ['Europe/Zurich', 'Australia/Sydney', 'Australia/Lord_Howe', 'UTC'])
      for (const day of ['2025-03-29', '2025-03-30', '2025-04-05', '2025-04-06', '2025-10-04', '2025-10-05', '2025-10-26'])
        for (let q = 0; q < 96 * 2; q++) {
          const instant = new Date(Date.parse(`${day}T00:00:00Z`) - 12 * 3_600_000 + q * 900_000).toISOString();
          expect(bookingDate(instant, zone), `${instant} ${zone}`).toBe(DateTime.fromISO(instant, { zone }).toISODate());
        }
  });
});
