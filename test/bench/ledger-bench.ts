/**
 * Ledger rebuild speed and memory: `rebuildLedger` over a generated history of 100,000 events (a
 * realistic mix: contracts ordered, activated and renewed, support time logged with billed
 * bookings and corrected, loaners charged), in shuffled order, on one core. Prints events per
 * second, the lines produced and memory (peak RSS of the process, heap before and after).
 * `npx tsx test/bench/ledger-bench.ts [--events N]` runs it alone.
 */
import type { DomainEvent, NewEvent } from '../../events/catalog';
import type { Booking } from '../../events/credit';
import { presets } from '../../domain/catalog/presets/index';
import { quoteOrder } from '../../domain/contract/quote';
import { rebuildLedger } from '../../domain/ledger/rebuild';
import { random } from './random';

export interface LedgerBenchOptions {
  /** Events generated (default 100,000). */
  events?: number;
  /** Seed of the pseudo-random mix (default 7). */
  seed?: number;
}

export interface LedgerBenchResult {
  events: number;
  streams: number;
  lines: number;
  rebuildMs: number;
  eventsPerSecond: number;
  /** The process's peak resident set size (MB) after the rebuild (includes the generated events). */
  peakRssMB: number;
  /** Heap used (MB) before the rebuild (the events) and after it (events and lines). */
  heapBeforeMB: number;
  heapAfterMB: number;
  /** Whether a second rebuild over the events in another order gave the same lines. */
  ok: boolean;
}

const catalog = presets.q3;
const chf = (amount: number) => ({ amount, currency: 'CHF' });
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;


/** A history of about `total` events across customers, each with a contract, its credit stream and sometimes a loaner ticket. */
export function generateLedgerHistory(total: number, seed = 7): DomainEvent[] {
  const rand = random(seed);
  const events: DomainEvent[] = [];
  const quote = quoteOrder(catalog, { planId: 'premium', regionId: 'ch', termMonths: 12, licencePackages: 1, addOns: [{ addOnId: 'support-plus' }, { addOnId: 'half-fare' }], registeredPersons: [] });
  let n = 0;
  const push = (streamId: string, version: number, day: number, event: NewEvent) =>
    events.push({
      ...event,
      eventId: `E${String(++n).padStart(8, '0')}`,
      streamId,
      version,
      schemaVersion: 1,
      occurredAt: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + 9 * 3_600_000).toISOString(),
      recordedAt: '2026-01-01T00:00:00.000Z',
      correlationId: 'bench',
      causationId: 'bench',
      actor: { kind: 'system', id: 'bench' },
    } as DomainEvent);
  const billed = (minutes: number, perHour: number): Booking => ({
    basis: 'billable',
    billableMinutes: minutes,
    creditMinutes: 0,
    billed: { minutes, perHour: chf(perHour), amount: chf(Math.round((minutes * perHour) / 60)) },
  });
  for (let c = 0; events.length < total; c++) {
    const contractId = `C${String(c).padStart(6, '0')}`;
    const customerId = `K${String(Math.floor(c / 2)).padStart(6, '0')}`; // two contracts per customer
    const billTo = { customerId, country: 'CH' };
    const start = Math.floor(rand() * 300);
    const term = (from: number) => ({
      termStartsOn: new Date(Date.UTC(2025, 0, 1) + from * 86_400_000).toISOString().slice(0, 10),
      termEndsOn: new Date(Date.UTC(2026, 0, 1) + from * 86_400_000).toISOString().slice(0, 10),
      termStartsAt: new Date(Date.UTC(2025, 0, 1) + from * 86_400_000).toISOString(),
      termEndsAt: new Date(Date.UTC(2026, 0, 1) + from * 86_400_000).toISOString(),
    });
    const contract = `contract#${contractId}`;
    push(contract, 1, start, {
      type: 'ContractOrdered',
      payload: {
        contractId,
        channel: 'staff',
        customer: { name: 'Bench AG', email: 'bench@example.ch', locale: 'fr', timeZone: 'Europe/Zurich', customerId, country: 'CH' },
        regionId: 'ch',
        planId: 'premium',
        termMonths: 12,
        startsOn: term(start).termStartsOn,
        licencePackages: 1,
        addOns: [{ addOnId: 'support-plus' }, { addOnId: 'half-fare' }],
        registeredPersons: [],
        quote,
      },
    });
    push(contract, 2, start, { type: 'ContractActivated', payload: { contractId, ...term(start) } });
    push(contract, 3, start + 350, { type: 'ContractRenewed', payload: { contractId, ...term(start + 365), price: quote.total, lines: quote.lines } });
    // support time: about 12 entries a year, a few corrected
    const credit = `credit#${contractId}`;
    let version = 0;
    const entries = 8 + Math.floor(rand() * 9);
    for (let e = 0; e < entries; e++) {
      const entryId = `${contractId}-W${e}`;
      const minutes = 5 * (1 + Math.floor(rand() * 12));
      const perHour = rand() < 0.5 ? 17_500 : 11_900;
      const day = start + Math.floor(rand() * 360);
      push(credit, ++version, day, {
        type: 'WorkLogged',
        payload: { contractId, billTo, ticketId: `T${c}-${e}`, entryId, performedAt: '2025-06-01T09:00:00.000Z', minutes, activity: 'user-support', booking: billed(minutes, perHour) },
      });
      if (rand() < 0.15)
        push(credit, ++version, day + 1, {
          type: 'WorkLogCorrected',
          payload: {
            contractId,
            billTo,
            ticketId: `T${c}-${e}`,
            entryId,
            correction: { minutes: minutes + 5, activity: 'user-support' },
            reason: 'bench',
            changes: [{ entryId, reversed: billed(minutes, perHour), rebooked: billed(minutes + 5, perHour) }],
          },
        });
    }
    if (rand() < 0.2) {
      const ticketId = `L${c}`;
      const ticket = `ticket#${ticketId}`;
      push(ticket, 1, start + 30, {
        type: 'TicketOpened',
        payload: {
          ticketId,
          contractId,
          planId: 'premium',
          intake: 'staff',
          channel: 'email',
          category: 'hardware',
          severity: 'normal',
          subject: 'Camera',
          description: 'Broken',
          contact: { name: 'Bench', email: 'bench@example.ch', locale: 'fr' },
          handler: { provider: 'vendor' },
          priority: false,
          timeZone: 'Europe/Zurich',
          sla: null,
          billTo,
        },
      });
      push(ticket, 2, start + 80, { type: 'LoanerCharged', payload: { ticketId, contractId, loanerSerialNumber: `S${c}`, amount: chf(450_000), returnDueAt: '2025-06-01T00:00:00.000Z' } });
    }
  }
  events.length = Math.min(events.length, total);
  // Any order: shuffle (a stream cut at `total` keeps its first events only).
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [events[i], events[j]] = [events[j], events[i]];
  }
  return events;
}

export function benchLedger(options: LedgerBenchOptions = {}): LedgerBenchResult {
  const total = options.events ?? 100_000;
  const events = generateLedgerHistory(total, options.seed);
  const streams = new Set(events.map((e) => e.streamId)).size;
  // Warm up on a small history of its own, then time the full rebuild.
  rebuildLedger(generateLedgerHistory(5_000, (options.seed ?? 7) + 1), catalog);
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const lines = rebuildLedger(events, catalog);
  const rebuildMs = performance.now() - start;
  const heapAfter = process.memoryUsage().heapUsed;
  const peakRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  const again = rebuildLedger([...events].reverse(), catalog);
  const ok = again.length === lines.length && again.every((l, i) => l.lineId === lines[i].lineId && l.net.amount === lines[i].net.amount);
  return {
    events: events.length,
    streams,
    lines: lines.length,
    rebuildMs: Math.round(rebuildMs),
    eventsPerSecond: Math.round(events.length / (rebuildMs / 1000)),
    peakRssMB,
    heapBeforeMB: mb(heapBefore),
    heapAfterMB: mb(heapAfter),
    ok,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--events');
  console.log(JSON.stringify(benchLedger(at > 0 ? { events: Number(process.argv[at + 1]) } : {}), null, 2));
}
