import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import { presets, type PresetName } from '../../domain/catalog/presets/index';
import type { PlaceOrder } from '../../domain/contract/commands';
import { contractDecider } from '../../domain/contract/decider';
import { contractProjection, type ContractView } from '../../domain/contract/view';
import { fold } from '../../domain/decider';
import { ConflictError, NotEntitledError, ValidationError } from '../../domain/errors';
import type { OpenTicket } from '../../domain/ticket/commands';
import { ticketDecider } from '../../domain/ticket/decider';
import type { Ticket } from '../../domain/ticket/state';
import { stored } from '../support/decider-spec';

/**
 * Tickets, rule by rule: intake (matching, eligibility, routing, priority, the SLA snapshot) and
 * the SLA clocks through windows, holidays, pauses and changes. Each names its seed and clause, or
 * "(example value)" where the preset fills in a figure.
 */

/** A contract's view after the order (and activation), from the contract decider and projection. */
function contractView(preset: PresetName, order: Partial<PlaceOrder>, at = '2026-01-05T08:00:00.000Z'): ContractView {
  const context = { now: at, catalog: presets[preset] };
  const command: PlaceOrder = {
    type: 'PlaceOrder', contractId: 'C1', channel: 'website',
    customer: { name: 'Ada', email: 'ada@example.com', locale: 'en', taxId: 'PL5260250995' },
    planId: 'gold', termMonths: 12, startsOn: '2026-01-01', ...order,
  };
  const ordered = contractDecider.decide(command, contractDecider.initialState, context);
  const activated = contractDecider.decide({ type: 'Activate', contractId: 'C1' }, fold(contractDecider, stored(ordered)), context);
  const projection = contractProjection(presets[preset]);
  return stored([...ordered, ...activated]).reduce<ContractView | undefined>((view, e) => projection.evolve(view, e), undefined)!;
}

const hezo = (order: Partial<PlaceOrder> = {}) => contractView('hezo', { planId: 'sos-8x5-nbd', regionId: 'pl', serialNumbers: ['QS-1001'], ...order });

const report = (contract: ContractView, overrides: Partial<OpenTicket> = {}): OpenTicket => ({
  type: 'OpenTicket', ticketId: 'T1', contract, intake: 'website', category: 'general', severity: 'high',
  subject: 'Tape library offline', description: 'The robot arm stopped.',
  contact: { name: 'Jan', email: 'jan@example.com', locale: 'pl' }, serialNumber: 'QS-1001', taxId: 'PL5260250995', ...overrides,
});

/** Decides commands one after another, each at its own instant, and returns all events and the state. */
function run(preset: PresetName, steps: { at: string; command: Parameters<typeof ticketDecider.decide>[0] }[]) {
  let events: ReturnType<typeof stored> = [];
  const decided: NewEvent[][] = [];
  for (const { at, command } of steps) {
    const state = fold(ticketDecider, events);
    const out = ticketDecider.decide(command, state, { now: at, catalog: presets[preset] });
    decided.push(out);
    events = [...events, ...stored(out, 'ticket#T1').map((e) => ({ ...e, occurredAt: at }))];
  }
  return { decided, state: fold(ticketDecider, events) as Ticket };
}

const check = (at: string) => ({ at, command: { type: 'CheckSla' as const, ticketId: 'T1' } });
const metricsOf = (events: NewEvent[]) => events.map((e) => `${e.type}:${(e.payload as { metric?: string }).metric ?? ''}`);

describe('ticket intake', () => {
  it('hezo-service-terms-pl.txt: the report carries the serial number and contract number; the SLA is the plan\'s, in its service window', () => {
    const { decided } = run('hezo', [{ at: '2026-03-06T15:30:00.000Z', command: report(hezo()) }]);
    const [opened] = decided[0];
    expect(opened.type).toBe('TicketOpened');
    expect(opened.payload).toMatchObject({
      contractId: 'C1', planId: 'sos-8x5-nbd', channel: 'email', serialNumber: 'QS-1001', priority: false, handler: { provider: 'vendor' },
      sla: { windowId: '8x5', warnAtPercent: 80, calendar: { timeZone: 'Europe/Warsaw' } },
    });
    expect((opened.payload as { sla: { targets: { metric: string }[] } }).sla.targets.map((t) => t.metric)).toEqual(['reaction', 'on-site']);
  });

  it('hezo-service-terms-pl.txt: a report needs the serial number (a field error)', () => {
    expect(() => run('hezo', [{ at: '2026-03-06T15:30:00.000Z', command: report(hezo(), { serialNumber: undefined }) }])).toThrow(ValidationError);
  });

  it('without an active agreement: a refusal that offers renewal', () => {
    const expired = { ...hezo(), status: 'expired' as const };
    try {
      run('hezo', [{ at: '2027-03-06T15:30:00.000Z', command: report(expired) }]);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(NotEntitledError);
      expect((error as NotEntitledError).remedy.action).toBe('renew');
      expect((error as Error).message).toMatch(/expired/);
    }
  });

  it('qualisys-support-agreement.txt: a channel the plan does not cover is refused', () => {
    const gold = contractView('qualisys', { planId: 'gold' });
    expect(() => run('qualisys', [{ at: '2026-03-06T10:00:00.000Z', command: report(gold, { intake: 'staff', channel: 'on-site' }) }])).toThrow(/does not cover/);
  });

  it('onyxceph-support-levels.txt: level-0 topics go to the customer\'s distributor, level-1 topics to the vendor; escalation moves L0 to L1', () => {
    const contract = contractView('onyxceph', { planId: 'technical-support', distributorId: 'dist-north', regionId: undefined });
    const l0 = run('onyxceph', [{ at: '2026-03-06T10:00:00.000Z', command: report(contract, { category: 'database-backup', serialNumber: undefined, taxId: undefined }) }]);
    expect(l0.state).toMatchObject({ level: 'level-0', handler: { provider: 'distributor', distributorId: 'dist-north' } });
    const l1 = run('onyxceph', [{ at: '2026-03-06T10:00:00.000Z', command: report(contract, { category: 'troubleshooting', serialNumber: undefined, taxId: undefined }) }]);
    expect(l1.state).toMatchObject({ level: 'level-1', handler: { provider: 'vendor' } });
    const escalated = run('onyxceph', [
      { at: '2026-03-06T10:00:00.000Z', command: report(contract, { category: 'database-backup', serialNumber: undefined, taxId: undefined }) },
      { at: '2026-03-06T11:00:00.000Z', command: { type: 'EscalateTicket', ticketId: 'T1', agentId: 'a', to: 'next-level', reason: 'Backup restore fails' } },
    ]);
    expect(escalated.decided[1][0]).toMatchObject({ type: 'TicketEscalated', payload: { fromLevel: 'level-0', toLevel: 'level-1', reason: 'Backup restore fails', handler: { provider: 'vendor' } } });
    expect(escalated.state.handler).toEqual({ provider: 'vendor' });
  });

  it('q3-support-concept-fr.txt: Support+ ("traitement prioritaire") puts the ticket first', () => {
    const contract = contractView('q3', { planId: 'profi', regionId: 'ch', addOns: [{ addOnId: 'support-plus' }] });
    const { state } = run('q3', [{ at: '2026-03-06T10:00:00.000Z', command: report(contract, { serialNumber: undefined, taxId: undefined }) }]);
    expect(state.priority).toBe(true);
  });

  it('refuses to open the same ticket twice', () => {
    const contract = hezo();
    expect(() => run('hezo', [
      { at: '2026-03-06T15:30:00.000Z', command: report(contract) },
      { at: '2026-03-06T15:31:00.000Z', command: report(contract) },
    ])).toThrow(ConflictError);
  });
});

describe('SLA clocks', () => {
  it('hezo-service-terms-pl.txt: a 1-hour reaction counted in 8x5 hours: reported Friday 16:30, warned Monday 09:18 (80 %), breached Monday 09:30', () => {
    // Friday 6 March 2026, 16:30 in Warsaw (UTC+1).
    const opened = { at: '2026-03-06T15:30:00.000Z', command: report(hezo()) };
    const { decided } = run('hezo', [opened, check('2026-03-06T16:10:00.000Z'), check('2026-03-09T08:17:00.000Z'), check('2026-03-09T08:18:00.000Z'), check('2026-03-09T08:18:30.000Z'), check('2026-03-09T08:30:00.000Z')]);
    expect(decided[1]).toEqual([]);
    expect(decided[2]).toEqual([]);
    expect(metricsOf(decided[3])).toEqual(['SlaWarningRaised:reaction']);
    expect(decided[3][0].payload).toMatchObject({ dueAt: '2026-03-09T08:30:00.000Z', percent: 80, cycle: 1 });
    expect(decided[4]).toEqual([]);
    expect(metricsOf(decided[5])).toEqual(['SlaBreached:reaction']);
  });

  it('hezo-service-terms-pl.txt: public holidays do not count (reported the evening before Independence Day, due the day after at 09:30)', () => {
    // Tuesday 10 November 2026, 16:30 Warsaw; 11 November is a public holiday.
    const { decided } = run('hezo', [{ at: '2026-11-10T15:30:00.000Z', command: report(hezo()) }, check('2026-11-12T08:29:00.000Z'), check('2026-11-12T08:30:00.000Z')]);
    expect(metricsOf(decided[1])).toEqual(['SlaWarningRaised:reaction']);
    expect(metricsOf(decided[2])).toEqual(['SlaBreached:reaction']);
    expect(decided[2][0].payload).toMatchObject({ dueAt: '2026-11-12T08:30:00.000Z' });
  });

  it('only a public reply is a response; an internal note is not', () => {
    const { state } = run('hezo', [
      { at: '2026-03-09T08:00:00.000Z', command: report(hezo()) },
      { at: '2026-03-09T08:10:00.000Z', command: { type: 'AddReply', ticketId: 'T1', agentId: 'a', visibility: 'internal', body: 'Looking at the logs' } },
    ]);
    expect(state.clocks.find((c) => c.metric === 'reaction')?.status).toBe('running');
    const replied = run('hezo', [
      { at: '2026-03-09T08:00:00.000Z', command: report(hezo()) },
      { at: '2026-03-09T08:40:00.000Z', command: { type: 'AddReply', ticketId: 'T1', agentId: 'a', visibility: 'public', body: 'We are on it' } },
      check('2026-03-09T10:00:00.000Z'),
    ]);
    expect(replied.state.clocks.find((c) => c.metric === 'reaction')).toMatchObject({ status: 'stopped', elapsedMinutes: 40 });
    expect(replied.decided[2]).toEqual([]);
  });

  it('waiting on the customer pauses the clocks; elapsed time survives a change of severity', () => {
    const { state, decided } = run('hezo', [
      { at: '2026-03-09T08:00:00.000Z', command: report(hezo()) }, // Monday 09:00 Warsaw
      { at: '2026-03-09T08:20:00.000Z', command: { type: 'WaitOnCustomer', ticketId: 'T1', agentId: 'a', reason: 'Need the logs' } },
      { at: '2026-03-09T12:00:00.000Z', command: { type: 'RecordCustomerReply', ticketId: 'T1', body: 'Logs attached' } },
      { at: '2026-03-09T12:05:00.000Z', command: { type: 'ChangeSeverity', ticketId: 'T1', agentId: 'a', severity: 'critical', contract: hezo(), reason: 'Production down' } },
      check('2026-03-09T12:44:00.000Z'),
      check('2026-03-09T12:45:00.000Z'),
    ]);
    // 20 minutes before the pause, 40 after it: due 12:40 UTC (not 09:00 + 60).
    expect(state.clocks.find((c) => c.metric === 'reaction')).toMatchObject({ breached: true, cycle: 1 });
    expect(metricsOf(decided[4])).toEqual(['SlaWarningRaised:reaction', 'SlaBreached:reaction']);
    expect(decided[4][1].payload).toMatchObject({ dueAt: '2026-03-09T12:40:00.000Z' });
    expect(decided[5]).toEqual([]);
  });

  it('qualisys-support-agreement.txt: "response within two business days" on e-mail, counted in Swedish office hours', () => {
    const gold = contractView('qualisys', { planId: 'gold' });
    // Thursday 5 March 2026 15:00 Stockholm: two business days after Thursday → end of Monday 9 March (17:00 = 16:00Z).
    const { decided } = run('qualisys', [
      { at: '2026-03-05T14:00:00.000Z', command: report(gold, { intake: 'staff', channel: 'email', serialNumber: undefined, taxId: undefined }) },
      check('2026-03-09T16:00:00.000Z'),
    ]);
    expect(metricsOf(decided[1])).toEqual(['SlaWarningRaised:first-response', 'SlaBreached:first-response']);
    expect(decided[1][1].payload).toMatchObject({ dueAt: '2026-03-09T16:00:00.000Z' });
  });
});

describe('devices due back', () => {
  const returns = (at: string) => ({ at, command: { type: 'CheckReturns' as const, ticketId: 'T1' } });
  const agent = { ticketId: 'T1', agentId: 'a' };

  it('hezo-service-terms-pl.txt: a replacement ships only after verification; the faulty device is due back within 7 days, reminded 2 days before, overdue after', () => {
    const contract = hezo();
    const opened = { at: '2026-03-09T08:00:00.000Z', command: report(contract) };
    expect(() => run('hezo', [opened, { at: '2026-03-09T09:00:00.000Z', command: { type: 'ShipReplacement', ...agent, contract } }])).toThrow(/verified/);
    const { decided, state } = run('hezo', [
      opened,
      { at: '2026-03-09T09:00:00.000Z', command: { type: 'AcceptTicket', ...agent } },
      { at: '2026-03-09T10:00:00.000Z', command: { type: 'ShipReplacement', ...agent, contract } },
      returns('2026-03-14T09:59:00.000Z'),
      returns('2026-03-14T10:00:00.000Z'),
      returns('2026-03-15T10:00:00.000Z'),
      returns('2026-03-16T10:00:00.000Z'),
      returns('2026-03-17T10:00:00.000Z'),
    ]);
    expect(decided[2]).toEqual([{ type: 'ReplacementShipped', payload: { ticketId: 'T1', faultySerialNumber: 'QS-1001', returnDueAt: '2026-03-16T10:00:00.000Z', returnShippingPaidBy: 'vendor' } }]);
    expect(decided[3]).toEqual([]);
    expect(decided[4]).toEqual([{ type: 'DeviceReturnReminded', payload: { ticketId: 'T1', device: 'faulty', returnDueAt: '2026-03-16T10:00:00.000Z' } }]);
    expect(decided[5]).toEqual([]);
    expect(decided[6]).toEqual([{ type: 'DeviceReturnOverdue', payload: { ticketId: 'T1', returnDueAt: '2026-03-16T10:00:00.000Z' } }]);
    expect(decided[7]).toEqual([]);
    expect(state.rma).toMatchObject({ reminded: true, lapsed: true, returned: false });
  });

  it('qualisys-support-agreement.txt: "If the camera is not returned, the user will be billed at the existing list price" (example value: 30 days)', () => {
    const diamond = contractView('qualisys', { planId: 'diamond' });
    const listPrice = { amount: 1_250_000, currency: 'USD' };
    const ship = { at: '2026-03-09T10:00:00.000Z', command: { type: 'ShipLoaner' as const, ...agent, contract: diamond, loanerSerialNumber: 'CAM-77', listPrice } };
    const opened = { at: '2026-03-09T08:00:00.000Z', command: report(diamond, { intake: 'staff', channel: 'phone', serialNumber: undefined, taxId: undefined }) };
    const { decided } = run('qualisys', [opened, ship, returns('2026-04-08T10:00:00.000Z'), returns('2026-04-08T10:00:00.000Z')]);
    expect(decided[1][0]).toMatchObject({ type: 'LoanerShipped', payload: { returnDueAt: '2026-04-08T10:00:00.000Z', shippingPaidBy: 'customer' } });
    expect(decided[2]).toEqual([{ type: 'LoanerCharged', payload: { ticketId: 'T1', contractId: 'C1', loanerSerialNumber: 'CAM-77', amount: listPrice, returnDueAt: '2026-04-08T10:00:00.000Z' } }]);
    expect(decided[3]).toEqual([]);
    // Returned in time: nothing is charged.
    const back = run('qualisys', [opened, ship, { at: '2026-03-20T10:00:00.000Z', command: { type: 'RecordDeviceReturn', ...agent, device: 'loaner' } }, returns('2026-04-09T10:00:00.000Z')]);
    expect(back.decided[3]).toEqual([]);
    // Gold has no loaner program.
    const gold = contractView('qualisys', { planId: 'gold' });
    expect(() => run('qualisys', [opened, { ...ship, command: { ...ship.command, contract: gold } }])).toThrow(/not part of/);
  });
});
