import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';
import type { DomainEvent, NewEvent } from '../../events/catalog';
import { presets } from '../../domain/catalog/presets/index';
import type { PlaceOrder } from '../../domain/contract/commands';
import { contractDecider } from '../../domain/contract/decider';
import { contractProjection, type ContractView } from '../../domain/contract/view';
import { fold } from '../../domain/decider';
import type { OpenTicket } from '../../domain/ticket/commands';
import { ticketDecider, TICKET_CATEGORY } from '../../domain/ticket/decider';
import { SLA_CHECK } from '../../domain/ticket/view';
import type { EventStore } from '../../functions/store/event-store';
import { ViewStore } from '../../functions/views/view-store';
import { scheduledEvent } from '../../infra/local/scheduler';
import { metadata } from '../support/fixtures';
import type { TableNames } from './dynamodb';
import { REGION } from './env';
import { round } from './stats';
import { dueIndexReads, notDueEntries, useBenchEnvironment } from './sweep-bench';

export interface SlaSweepResult {
  tickets: number;
  due: number;
  sweepMs: number;
  /** Items the sweeper read from the due index (the goal: ≈ items due). */
  indexItemsRead: number;
  /** Reads of the due index (one query per shard, plus pages). */
  indexQueries: number;
  warnings: number;
  breaches: number;
  /** What the due tickets should have raised: a warning each, and a breach for those past their target. */
  expectedWarnings: number;
  expectedBreaches: number;
  ok: boolean;
}

/**
 * The sweep's time: Monday 9 March 2026, 11:00 in Warsaw (10:00Z). HEZO's 8x5 reaction target is
 * 60 business minutes, warned at 80 %. Tickets reported at 09:00 Warsaw (08:00Z) are warned at
 * 09:48 and breached at 10:00: both are due. Tickets reported at 10:10 (09:10Z) are warned at
 * 10:58 (due) and breached at 11:10 (not yet).
 */
const SWEEP_AT = '2026-03-09T10:00:00.000Z';
const OPENED_LATE = '2026-03-09T08:00:00.000Z';
const OPENED_RECENTLY = '2026-03-09T09:10:00.000Z';

/** Wraps decided events in an envelope, as the store would, so the decider and projection can fold them. */
const envelope = (events: NewEvent[], streamId: string, at: string): DomainEvent[] =>
  events.map(
    (e, i) =>
      ({
        ...e, eventId: randomUUID(), streamId, version: i + 1, schemaVersion: 1, occurredAt: at, recordedAt: at,
        correlationId: 'bench', causationId: 'bench', actor: { kind: 'system', id: 'bench' },
      }) as DomainEvent,
  );

/** A HEZO contract (plan sos-8x5-nbd, region pl) as its view stands once ordered and activated. */
function hezoContract(): ContractView {
  const catalog = presets.hezo;
  const context = { now: '2026-01-05T08:00:00.000Z', catalog };
  const order: PlaceOrder = {
    type: 'PlaceOrder', contractId: 'C-BENCH', channel: 'website',
    customer: { name: 'Ada', email: 'ada@example.com', locale: 'en', taxId: 'PL5260250995' },
    planId: 'sos-8x5-nbd', regionId: 'pl', serialNumbers: ['QS-1001'], termMonths: 12, startsOn: '2026-01-01',
  };
  const ordered = contractDecider.decide(order, contractDecider.initialState, context);
  const activated = contractDecider.decide({ type: 'Activate', contractId: 'C-BENCH' }, fold(contractDecider, envelope(ordered, 'contract#C-BENCH', context.now)), context);
  const projection = contractProjection(catalog);
  return envelope([...ordered, ...activated], 'contract#C-BENCH', context.now).reduce<ContractView | undefined>((view, e) => projection.evolve(view, e), undefined)!;
}

/** The TicketOpened the decider makes for ticket `ticketId` reported at `at` (a high-severity website report). */
function ticketOpened(contract: ContractView, ticketId: string, at: string): NewEvent[] {
  const command: OpenTicket = {
    type: 'OpenTicket', ticketId, contract, intake: 'website', category: 'general', severity: 'high',
    subject: 'Tape library offline', description: 'The robot arm stopped.',
    contact: { name: 'Jan', email: 'jan@example.com', locale: 'pl' }, serialNumber: 'QS-1001', taxId: 'PL5260250995',
  };
  return ticketDecider.decide(command, ticketDecider.initialState, { now: at, catalog: presets.hezo });
}

/**
 * Due tickets: real streams (TicketOpened through the EventStore at the reporting instant),
 * projected by the projector's own code, so their view and due-index item are what the system
 * would write. Half are past their target (warning and breach due), half only past the warning.
 */
async function dueTickets(store: EventStore, views: ViewStore, count: number): Promise<{ ids: string[]; breachDue: Set<string> }> {
  const { applyToView } = await import('../../functions/projector/apply-to-views');
  const { projections } = await import('../../functions/projector/projections');
  const contract = hezoContract();
  const ids = Array.from({ length: count }, () => `${TICKET_CATEGORY}#${randomUUID()}`);
  const breachDue = new Set(ids.slice(0, Math.ceil(count / 2)));
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const streamId = ids[next++];
      const at = breachDue.has(streamId) ? OPENED_LATE : OPENED_RECENTLY;
      const { position } = await store.load(streamId);
      const events = ticketOpened(contract, streamId.slice(streamId.indexOf('#') + 1), at);
      const result = await store.append(position, events, metadata({ occurredAt: at, actor: { kind: 'system', id: 'bench' } }));
      if (result.status !== 'appended') throw new Error('append replayed');
      await applyToView(result.events, projections, store, views);
      const stored = await views.get(streamId);
      const due = stored?.due.find((d) => d.kind === SLA_CHECK);
      if (!due || due.at > SWEEP_AT) throw new Error(`ticket ${streamId} is not due at ${SWEEP_AT} (due ${due?.at ?? 'never'})`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return { ids, breachDue };
}

/**
 * The every-minute SLA sweep over `tickets` open tickets of which `duePercent` % have a warning
 * or breach due: its time, how many items it reads from the due index (the goal: ≈ the number
 * due, not the total) and the SlaWarningRaised / SlaBreached events it appends.
 */
export async function benchSlaSweep(options: {
  client: DynamoDBClient;
  store: EventStore;
  endpoint: string;
  tables: TableNames;
  tickets: number;
  duePercent: number;
  log: (message: string) => void;
}): Promise<SlaSweepResult> {
  const { client, store, tables } = options;
  useBenchEnvironment(options.endpoint, tables, { CATALOG_PRESET: 'hezo' });
  const views = new ViewStore(client, tables.views);
  const due = Math.max(1, Math.round((options.tickets * options.duePercent) / 100));
  options.log(`SLA sweep: writing ${due} due tickets and ${options.tickets - due} due-index entries for later…`);
  const { ids, breachDue } = await dueTickets(store, views, due);
  const sweepAt = Date.parse(SWEEP_AT);
  // Not due: their next check falls between one minute and about a week after the sweep.
  await notDueEntries(client, tables.views, options.tickets - due, {
    kind: SLA_CHECK,
    category: TICKET_CATEGORY,
    at: (i) => new Date(sweepAt + 60_000 * (1 + (i % 10_000))).toISOString(),
  });

  const { handler } = (await import('../../functions/sweepers/check-slas')) as { handler: (event: ScheduledEvent) => Promise<unknown> };
  const counter = await dueIndexReads();
  options.log('SLA sweep: running the check-slas sweeper…');
  counter.reset();
  const started = performance.now();
  await handler(scheduledEvent('check-slas', new Date(SWEEP_AT), REGION));
  const sweepMs = performance.now() - started;
  const reads = counter.read();

  let warnings = 0;
  let breaches = 0;
  for (const id of ids) {
    const events = await store.read(id, 2);
    warnings += events.filter((e) => e.type === 'SlaWarningRaised').length;
    breaches += events.filter((e) => e.type === 'SlaBreached').length;
  }
  const expectedWarnings = ids.length;
  const expectedBreaches = breachDue.size;
  return {
    tickets: options.tickets,
    due,
    sweepMs: round(sweepMs, 0),
    indexItemsRead: reads.items,
    indexQueries: reads.queries,
    warnings,
    breaches,
    expectedWarnings,
    expectedBreaches,
    ok: reads.items === due && warnings === expectedWarnings && breaches === expectedBreaches,
  };
}
