import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import type { Booking, WorkEntry } from '../../events/credit';
import { presets } from '../../domain/catalog/presets/index';
import { balanceAt } from '../../domain/credit/balance';
import type { CreditCommand } from '../../domain/credit/commands';
import { creditDecider } from '../../domain/credit/decider';
import type { CreditHolder } from '../../domain/credit/holder';
import { fold } from '../../domain/decider';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { stored } from '../support/decider-spec';

/**
 * Support-time credit, rule by rule, from the Q3 support concept (`q3-support-concept-fr.txt`,
 * quoted in French): the grant per rental year, what it pays for, rounding per case, rates, free
 * cases, the year's end, and corrections. "(example value)" marks a figure the preset fills in.
 */
const SEED = 'q3-support-concept-fr.txt';
const q3 = presets.q3;

/** A Q3 rental licence: profi variant, two main modules (the "several main modules" row), CHF 1,200 a year. */
const holder = (overrides: Partial<CreditHolder> = {}): CreditHolder => ({
  contractId: 'C1',
  billTo: { customerId: 'CUST-1', country: 'CH' },
  planId: 'profi',
  regionId: 'ch',
  timeZone: 'Europe/Zurich',
  addOnIds: [],
  licence: { annualValue: { amount: 120_000, currency: 'CHF' }, mainModules: ['cofi', 'payroll'] },
  cancelled: false,
  term: { termStartsOn: '2026-03-01', termEndsOn: '2027-03-01', termStartsAt: '2026-02-28T23:00:00.000Z', termEndsAt: '2027-02-28T23:00:00.000Z' },
  ...overrides,
});

const YEAR = { startsOn: '2026-03-01', endsOn: '2027-03-01', startsAt: '2026-02-28T23:00:00.000Z', endsAt: '2027-02-28T23:00:00.000Z' };
const chf = (amount: number) => ({ amount, currency: 'CHF' });
const support = (minutes: number, more: Partial<WorkEntry> = {}): WorkEntry => ({ minutes, activity: 'user-support', ...more });

let entries = 0;
const log = (entry: WorkEntry, h = holder(), ticketId = 'T1'): CreditCommand => ({
  type: 'LogWork', holder: h, ticketId, entryId: `W${++entries}`, performedAt: '2026-04-01T08:00:00.000Z', entry,
});

/** Decides commands one after another at `at`, and returns what each decided. */
function run(commands: CreditCommand[], at = '2026-04-01T09:00:00.000Z', given: NewEvent[] = []) {
  let history = stored(given, 'credit#C1');
  return commands.map((command) => {
    const decided = creditDecider.decide(command, fold(creditDecider, history), { now: at, catalog: q3 });
    history = [...history, ...stored(decided, 'credit#C1')];
    return decided;
  });
}

const bookingsOf = (decided: NewEvent[][]): Booking[] =>
  decided.flat().filter((e) => e.type === 'WorkLogged').map((e) => (e.payload as { booking: Booking }).booking);

describe('the credit of a rental year', () => {
  it.each([
    ['standard', ['cofi'], 5],
    ['premium', ['cofi'], 25],
    ['advanced', ['cofi', 'payroll'], 15],
    ['profi', ['cofi', 'payroll', 'invoices', 'creditors'], 25],
  ])(`${SEED} "tableau d'assistance": %s with %j → %i free minutes per rental year`, (planId, mainModules, minutes) => {
    const [opened] = run([{ type: 'RollOverCredit', holder: holder({ planId, licence: { annualValue: chf(120_000), mainModules } }) }]);
    expect(opened).toEqual([
      expect.objectContaining({ type: 'CreditYearOpened', payload: expect.objectContaining({ year: YEAR, includedMinutes: minutes, addOnMinutes: 0, covers: ['user-support'] }) }),
    ]);
  });

  it(`${SEED} footnote 2: "valable dès un loyer annuel de CHF 100.-": below it there is no credit, and the reason says why`, () => {
    const [opened] = run([{ type: 'RollOverCredit', holder: holder({ licence: { annualValue: chf(9_900), mainModules: ['cofi'] } }) }]);
    expect(opened[0].payload).toMatchObject({ includedMinutes: 0, noCreditReason: expect.stringMatching(/CHF 99\.00 is below the CHF 100\.00/) });
  });

  it(`${SEED} Support+: "120 minutes supplémentaires", "également valable pour le contrôle des données et la formation"`, () => {
    const [opened] = run([{ type: 'RollOverCredit', holder: holder({ addOnIds: ['support-plus'] }) }]);
    expect(opened[0].payload).toMatchObject({ includedMinutes: 25, addOnMinutes: 120, covers: ['user-support', 'data-checks', 'training'] });
  });

  it(`${SEED} footnote 2: the credit "ne peut pas être ... cumulé ou repris dans la prochaine période": what is left expires at the year's end`, () => {
    const renewed = holder({ term: { termStartsOn: '2027-03-01', termEndsOn: '2028-03-01', termStartsAt: '2027-02-28T23:00:00.000Z', termEndsAt: '2028-02-29T23:00:00.000Z' } });
    const [year1, work] = run([{ type: 'RollOverCredit', holder: holder() }, log(support(10))]);
    const [rollover] = run([{ type: 'RollOverCredit', holder: renewed }], '2027-03-01T05:00:00.000Z', [...year1, ...work]);
    expect(year1[0].type).toBe('CreditYearOpened');
    expect(bookingsOf([work])).toEqual([{ basis: 'billable', yearStartsOn: '2026-03-01', billableMinutes: 10, creditMinutes: 10 }]);
    expect(rollover.map((e) => e.type)).toEqual(['CreditYearClosed', 'CreditYearOpened']);
    expect(rollover[0].payload).toEqual({ contractId: 'C1', yearStartsOn: '2026-03-01', expiredMinutes: 15 });
    expect(rollover[1].payload).toMatchObject({ year: { startsOn: '2027-03-01' }, includedMinutes: 25 });
  });

  it(`${SEED} Support+ bought during the year adds its 120 minutes, and training, to the open year at once`, () => {
    const [opened, work] = run([{ type: 'RollOverCredit', holder: holder() }, log(support(20))]);
    const withSupportPlus = holder({ addOnIds: ['support-plus'] });
    const [decided] = run([log({ minutes: 60, activity: 'training' }, withSupportPlus)], '2026-06-01T09:00:00.000Z', [...opened, ...work]);
    expect(decided[0]).toEqual({ type: 'CreditAdded', payload: { contractId: 'C1', yearStartsOn: '2026-03-01', addOnMinutes: 120, covers: ['user-support', 'data-checks', 'training'] } });
    expect(bookingsOf([decided])[0]).toMatchObject({ creditMinutes: 60 });
    expect(run([{ type: 'RollOverCredit', holder: withSupportPlus }], '2026-06-02T00:00:00.000Z', [...opened, ...work, ...decided])).toEqual([[]]);
  });

  it('a repeated roll-over changes nothing; outside a term, and for a cancelled contract, no year opens', () => {
    const opened = run([{ type: 'RollOverCredit', holder: holder() }]).flat();
    expect(run([{ type: 'RollOverCredit', holder: holder() }], '2026-05-01T00:00:00.000Z', opened)).toEqual([[]]);
    expect(run([{ type: 'RollOverCredit', holder: holder() }], '2027-04-01T00:00:00.000Z')).toEqual([[]]);
    expect(run([{ type: 'RollOverCredit', holder: holder({ cancelled: true }) }])).toEqual([[]]);
  });

  it('years are 12 months from the term start; a 24-month term has two, the second ending with the term', () => {
    const twoYears = holder({ term: { termStartsOn: '2026-03-01', termEndsOn: '2028-03-01', termStartsAt: '2026-02-28T23:00:00.000Z', termEndsAt: '2028-02-29T23:00:00.000Z' } });
    const [decided] = run([{ type: 'RollOverCredit', holder: twoYears }], '2027-06-01T00:00:00.000Z');
    expect(decided[0].payload).toMatchObject({ year: { startsOn: '2027-03-01', endsOn: '2028-03-01' } });
  });
});

describe('booking work', () => {
  it(`${SEED} "Unité de temps minimale par cas de support: 5 min.": the case's total is rounded, not each entry (7 + 2 + 4 → 10, 0, 5)`, () => {
    const decided = run([log(support(7)), log(support(2)), log(support(4))]);
    expect(bookingsOf(decided).map((b) => b.billableMinutes)).toEqual([10, 0, 5]);
  });

  it(`${SEED}: each support case is rounded on its own: 2 minutes on two tickets bill 5 minutes each`, () => {
    const decided = run([log(support(2), holder(), 'T1'), log(support(2), holder(), 'T2')]);
    expect(bookingsOf(decided).map((b) => b.billableMinutes)).toEqual([5, 5]);
  });

  it(`${SEED} "payante, sauf ... votre avoir de temps d'assistance n'est pas encore épuisé", then "CHF 175.-/h": 25 minutes of credit, 40 minutes of support`, () => {
    const decided = run([log(support(20)), log(support(20), holder(), 'T2')]);
    expect(bookingsOf(decided)).toEqual([
      { basis: 'billable', yearStartsOn: '2026-03-01', billableMinutes: 20, creditMinutes: 20 },
      {
        basis: 'billable', yearStartsOn: '2026-03-01', billableMinutes: 20, creditMinutes: 5,
        billed: { minutes: 15, perHour: chf(17_500), amount: chf(4_375) },
      },
    ]);
  });

  it(`${SEED} "avec un abonnement demi-tarif ... seulement CHF 119.-/h" for support requests`, () => {
    const halfFare = holder({ addOnIds: ['half-fare'], licence: { annualValue: chf(5_000), mainModules: [] } });
    const [decided] = run([log(support(30), halfFare)]);
    expect(bookingsOf([decided])[0].billed).toEqual({ minutes: 30, perHour: chf(11_900), reducedBy: 'half-fare', amount: chf(5_950) });
  });

  it.each([['training'], ['data-checks'], ['forms']])(
    `${SEED} "Formation, contrôle de données, formulaires: 175.-/h", and the half fare "n'est pas valable" for them: %s`,
    (activity) => {
      const [decided] = run([log({ minutes: 60, activity }, holder({ addOnIds: ['half-fare'] }))]);
      expect(bookingsOf([decided])[0]).toMatchObject({ creditMinutes: 0, billed: { minutes: 60, perHour: chf(17_500), amount: chf(17_500) } });
    },
  );

  it(`${SEED} "Programmation individuelle: 195.-/h"`, () => {
    const [decided] = run([log({ minutes: 30, activity: 'programming' })]);
    expect(bookingsOf([decided])[0].billed).toEqual({ minutes: 30, perHour: chf(19_500), amount: chf(9_750) });
  });

  it(`${SEED} Support+: the credit "également valable pour ... la formation": training draws on it`, () => {
    const [decided] = run([log({ minutes: 60, activity: 'training' }, holder({ addOnIds: ['support-plus'] }))]);
    expect(bookingsOf([decided])[0]).toMatchObject({ creditMinutes: 60 });
    expect(bookingsOf([decided])[0].billed).toBeUndefined();
  });

  it.each([['first-installation'], ['licence-entry'], ['verified-software-error']])(
    `${SEED} "sauf pour l'installation et saisie du code de licence ... en cas d'une erreur logicielle vérifié": %s is free and uses no credit`,
    (freeReason) => {
      const decided = run([log(support(45, { freeReason })), log(support(3))]);
      expect(bookingsOf(decided)).toEqual([
        { basis: 'free', yearStartsOn: '2026-03-01', billableMinutes: 0, creditMinutes: 0 },
        { basis: 'billable', yearStartsOn: '2026-03-01', billableMinutes: 5, creditMinutes: 5 },
      ]);
    },
  );

  it('bad input is refused with the field, and nothing is decided', () => {
    expect(() => run([log({ minutes: 5, activity: 'yoga' })])).toThrow(ValidationError);
    expect(() => run([log(support(5, { freeReason: 'goodwill' }))])).toThrow(ValidationError);
    const future = { ...log(support(5)), performedAt: '2026-05-01T00:00:00.000Z' } as CreditCommand;
    try {
      run([future]);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as ValidationError).fields.map((f) => f.path)).toEqual(['performedAt']);
    }
  });

  it('time that must be billed at no rate is refused: the direct line has no hourly rate and the credit does not pay for it', () => {
    const noCredit = holder({ licence: { annualValue: chf(5_000), mainModules: [] } });
    try {
      run([log({ minutes: 5, activity: 'direct-line' }, noCredit)]);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as ValidationError).fields).toEqual([{ path: 'activity', message: expect.stringMatching(/no hourly rate in Switzerland/) }]);
    }
  });

  it('outside a term nothing draws on credit: the time is billed', () => {
    const [decided] = run([log(support(10))], '2027-04-01T00:00:00.000Z');
    expect(bookingsOf([decided])[0]).toMatchObject({ billableMinutes: 10, creditMinutes: 0, billed: { minutes: 10 } });
    expect(bookingsOf([decided])[0].yearStartsOn).toBeUndefined();
  });

  it('work done before the open year began is logged outside the credit: that year\'s credit has expired', () => {
    const renewed = holder({ term: { termStartsOn: '2027-03-01', termEndsOn: '2028-03-01', termStartsAt: '2027-02-28T23:00:00.000Z', termEndsAt: '2028-02-29T23:00:00.000Z' } });
    const late = { ...log(support(10), renewed), performedAt: '2027-02-28T16:00:00.000Z' } as CreditCommand;
    const [decided] = run([late], '2027-03-01T08:00:00.000Z');
    expect(decided.map((e) => e.type)).toEqual(['CreditYearOpened', 'WorkLogged']);
    expect(bookingsOf([decided])[0]).toEqual({ basis: 'billable', billableMinutes: 10, creditMinutes: 0, billed: { minutes: 10, perHour: chf(17_500), amount: chf(2_917) } });
  });

  it('a catalog that bills no support time includes it (Qualisys: support is part of the agreement)', () => {
    const decided = creditDecider.decide(
      log({ minutes: 30, activity: 'bug-fixes' }, holder({ planId: 'gold', regionId: 'americas', licence: undefined })),
      creditDecider.initialState,
      { now: '2026-04-01T09:00:00.000Z', catalog: presets.qualisys },
    );
    expect(decided.find((e) => e.type === 'WorkLogged')?.payload).toMatchObject({ booking: { basis: 'included', billableMinutes: 0, creditMinutes: 0 } });
  });
});

describe('corrections reverse and re-book, never edit', () => {
  const correct = (entryId: string, correction: WorkEntry, ticketId = 'T1'): CreditCommand => ({
    type: 'CorrectWorkLog', holder: holder(), ticketId, entryId, correction, reason: 'typo',
  });

  it('correcting 40 minutes to 10 reverses the booking and re-books it: the overage goes, the credit comes back', () => {
    entries = 100;
    const [first, corrected] = run([log(support(40)), correct('W101', support(10))]);
    expect(bookingsOf([first])[0]).toMatchObject({ creditMinutes: 25, billed: { minutes: 15 } });
    expect(corrected).toEqual([
      {
        type: 'WorkLogCorrected',
        payload: {
          contractId: 'C1', billTo: { customerId: 'CUST-1', country: 'CH' }, ticketId: 'T1', entryId: 'W101', correction: support(10), reason: 'typo',
          changes: [
            {
              entryId: 'W101',
              reversed: { basis: 'billable', yearStartsOn: '2026-03-01', billableMinutes: 40, creditMinutes: 25, billed: { minutes: 15, perHour: chf(17_500), amount: chf(4_375) } },
              rebooked: { basis: 'billable', yearStartsOn: '2026-03-01', billableMinutes: 10, creditMinutes: 10 },
            },
          ],
        },
      },
    ]);
  });

  it("re-books the whole case, and only the entries whose booking changes are reversed (the case's rounding moves)", () => {
    entries = 200;
    const decided = run([log(support(1)), log(support(9)), log(support(1)), correct('W202', support(1))]);
    const changes = (decided[3][0].payload as { changes: { entryId: string }[] }).changes;
    // 1 + 9 + 1 → 5, 5, 5 (15); after the correction 1 + 1 + 1 → 5, 0, 0.
    expect(changes.map((c) => c.entryId)).toEqual(['W202', 'W203']);
  });

  it('the balance after a correction counts the credit returned', () => {
    entries = 300;
    const history = run([log(support(40)), correct('W301', support(10))]).flat();
    const state = fold(creditDecider, stored(history, 'credit#C1'));
    expect(balanceAt(q3, holder(), state, '2026-04-02T00:00:00.000Z')).toMatchObject({ grantedMinutes: 25, usedMinutes: 10, leftMinutes: 15 });
  });

  it('an unknown entry is not found; the same values again change nothing; a closed year can no longer change', () => {
    entries = 400;
    expect(() => run([correct('W999', support(1))])).toThrow(NotFoundError);
    expect(run([log(support(5)), correct('W401', support(5))])[1]).toEqual([]);
    const year1 = run([log(support(5))]).flat();
    const nextYear = holder({ term: { termStartsOn: '2027-03-01', termEndsOn: '2028-03-01', termStartsAt: '2027-02-28T23:00:00.000Z', termEndsAt: '2028-02-29T23:00:00.000Z' } });
    const late = { ...correct('W402', support(1)), holder: nextYear } as CreditCommand;
    expect(() => run([late], '2027-03-02T00:00:00.000Z', year1)).toThrow(ConflictError);
  });
});

describe('the balance', () => {
  it(`${SEED} "Vous pouvez vous renseigner chez nous à tout instant au sujet de votre avoir": before anything is recorded, the year's grant shows`, () => {
    expect(balanceAt(q3, holder({ addOnIds: ['support-plus'] }), undefined, '2026-06-01T00:00:00.000Z')).toMatchObject({
      year: YEAR, includedMinutes: 25, addOnMinutes: 120, grantedMinutes: 145, usedMinutes: 0, leftMinutes: 145,
    });
  });

  it('a balance request opens the year first, then records the request', () => {
    const [decided] = run([{ type: 'RequestCreditBalance', holder: holder(), channel: 'website' }]);
    expect(decided.map((e) => e.type)).toEqual(['CreditYearOpened', 'CreditBalanceRequested']);
  });
});
