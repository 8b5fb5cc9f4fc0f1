import { REGION } from './env';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { EventStore } from '../../functions/store/event-store';
import { itemSize } from '../../functions/store/limits';
import { benchBundles, TARGET_IMPORT_MS, TARGET_KB, type BundleResult } from './bundle-bench';
import { benchCalendar, CALENDAR_TARGET_PER_SECOND } from './calendar-bench';
import { benchCastorePush, benchCastoreRead, castoreAdapter, writeCastoreStream } from './castore-bench';
import { startBenchDynamo, type BenchDynamo } from './dynamodb';
import { rawEventItem } from './payloads';
import { benchLedger } from './ledger-bench';
import { benchProjector } from './projector-bench';
import { benchRawPuts } from './raw-put-bench';
import { benchPrivacy } from './privacy-bench';
import { benchSlaSweep } from './sla-sweep-bench';
import { benchSweep } from './sweep-bench';
import { fixed, section, table, verdict, writeJson } from './report';
import { combine, round, summarize, type Run, type Summary } from './stats';
import { benchAppends, benchContention, benchStoreRead, writeStream } from './store-bench';

/**
 * `npm run bench`: the event store, its castore peer, the raw PutItem ceiling, the projector, the
 * expiry sweep over 100,000 contracts and the SLA sweep over 100,000 open tickets, measured in one
 * run against DynamoDB Local in memory; then, with DynamoDB Local stopped, the business calendar
 * (one core), the ledger rebuild over 100,000 events (test/bench/ledger-bench.ts, also runnable
 * alone) and the bundles. Progress goes to stderr, the report to stdout and
 * bench-results/bench.json. `--quick` runs a fifth of the operations.
 */
const quick = process.argv.includes('--quick');
const scale = (n: number) => (quick ? Math.max(1, Math.round(n / 5)) : n);

const CONFIG = {
  /** Each comparison (ceiling, ours, castore) runs in rounds, rotating their order, against drift. */
  rounds: 5,
  warmUpOps: scale(1000),
  warmUpOpsPerWriter: scale(200),
  singleWriterOps: scale(3000),
  writers: 16,
  opsPerWriter: scale(250),
  tenEventAppends: scale(150),
  contentionWinsPerWriter: scale(15),
  readEvents: 1000,
  reads: 30,
  projector: { streams: scale(200), eventsPerStream: 10, batchSize: 100 },
  sweep: { contracts: scale(100_000), duePercent: 1 },
  slaSweep: { tickets: scale(100_000), duePercent: 0.1 },
  privacy: { seals: scale(500), opens: scale(5000), purposeKeys: scale(400) },
  calendar: { calls: scale(2_000_000) },
  ledger: { events: scale(100_000) },
};

const projectRoot = resolve(import.meta.dirname, '../..');
const RESULTS_FILE = join(projectRoot, 'bench-results', 'bench.json');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

type Contender = 'raw' | 'ours' | 'castore';
type Compared = Summary & { perSecondByRound: number[] };

/** Everything measured against DynamoDB Local. */
async function measureDatabase(dynamo: BenchDynamo) {
  const { tables } = dynamo;
  const client = dynamo.main.client;
  const store = new EventStore({ client, eventsTable: tables.events, idempotencyTable: tables.idempotency });
  const adapter = castoreAdapter(dynamo.castore.client, tables.castore);
  const contenders: Record<Contender, (writers: number, opsPerWriter: number) => Promise<Run>> = {
    raw: (w, n) => benchRawPuts(dynamo.ceiling.client, tables.ceiling, w, n),
    ours: (w, n) => benchAppends(store, w, n),
    castore: (w, n) => benchCastorePush(adapter, w, n),
  };
  const order: Contender[] = ['raw', 'ours', 'castore'];

  /** Each contender in `rounds` rounds, the order rotating each round; rounds are combined. */
  const compare = async (writers: number, totalOpsPerWriter: number): Promise<Record<Contender, Compared>> => {
    const runs: Record<Contender, Run[]> = { raw: [], ours: [], castore: [] };
    const perRound = Math.max(1, Math.round(totalOpsPerWriter / CONFIG.rounds));
    for (let r = 0; r < CONFIG.rounds; r++) {
      for (let k = 0; k < order.length; k++) {
        const who = order[(r + k) % order.length];
        runs[who].push(await contenders[who](writers, perRound));
      }
    }
    const s = (who: Contender): Compared => {
      const run = combine(runs[who]);
      return { ...summarize(run.latencies, run.wallMs), perSecondByRound: runs[who].map((r) => round((r.latencies.length / r.wallMs) * 1000, 0)) };
    };
    return { raw: s('raw'), ours: s('ours'), castore: s('castore') };
  };

  // DynamoDB Local's JVM keeps getting faster for thousands of requests: warm it (and V8) well.
  log('warming up…');
  for (const who of order) {
    await contenders[who](1, CONFIG.warmUpOps);
    await contenders[who](CONFIG.writers, CONFIG.warmUpOpsPerWriter);
  }
  await benchAppends(store, 1, Math.ceil(CONFIG.warmUpOps / 10), 10);

  log(`single-event writes, 1 writer (${CONFIG.singleWriterOps} each: PutItem, EventStore.append, castore pushEvent)…`);
  const one = await compare(1, CONFIG.singleWriterOps);
  log(`single-event writes, ${CONFIG.writers} writers on ${CONFIG.writers} streams…`);
  const many = await compare(CONFIG.writers, CONFIG.opsPerWriter);

  log(`10-event appends, 1 writer (${CONFIG.tenEventAppends})…`);
  const tenRun = await benchAppends(store, 1, CONFIG.tenEventAppends, 10);
  const ten = summarize(tenRun.latencies, tenRun.wallMs, 10);

  log(`${CONFIG.writers} writers on one stream, ${CONFIG.contentionWinsPerWriter} appends each…`);
  const contention = await benchContention(store, CONFIG.writers, CONFIG.contentionWinsPerWriter);

  log(`reading a ${CONFIG.readEvents}-event stream (${CONFIG.reads} reads, ours and castore's)…`);
  const ourStream = await writeStream(store, CONFIG.readEvents);
  const castoreAggregate = await writeCastoreStream(dynamo.castore.client, adapter, CONFIG.readEvents);
  const ourRead = await benchStoreRead(store, ourStream, CONFIG.readEvents, CONFIG.reads);
  const castoreRead = await benchCastoreRead(adapter, castoreAggregate, CONFIG.readEvents, CONFIG.reads);

  const p = CONFIG.projector;
  log(`projector: ${p.streams} streams × ${p.eventsPerStream} events in batches of ${p.batchSize}…`);
  const projector = await benchProjector({ client, store, endpoint: dynamo.main.endpoint, tables, ...p });

  const sweep = await benchSweep({ client, store, endpoint: dynamo.main.endpoint, tables, ...CONFIG.sweep, log });
  const slaSweep = await benchSlaSweep({ client, store, endpoint: dynamo.main.endpoint, tables, ...CONFIG.slaSweep, log });
  // After the sweeps, which point the runtime at these tables (the vault's among them).
  log(`PII vault: sealing ${CONFIG.privacy.seals} orders of new and of known subjects, ${CONFIG.privacy.opens} openings, purging ${CONFIG.privacy.purposeKeys} purpose keys…`);
  const privacy = await benchPrivacy(CONFIG.privacy);

  return { one, many, ten, contention, ourRead, castoreRead, projector, sweep, slaSweep, privacy };
}

async function main(): Promise<number> {
  const started = performance.now();
  log('starting DynamoDB Local in memory (3 JVMs: ours, castore, raw ceiling)…');
  const dynamo = await startBenchDynamo();
  const onSignal = () => void dynamo.stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let measured: Awaited<ReturnType<typeof measureDatabase>>;
  try {
    measured = await measureDatabase(dynamo);
  } finally {
    await dynamo.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { one, many, ten, contention, ourRead, castoreRead, projector, sweep, slaSweep, privacy } = measured;

  // After DynamoDB Local has stopped, so its JVMs do not compete with the calendar or the fresh Node processes.
  log(`business calendar: ${CONFIG.calendar.calls} calls each of addBusinessMinutes, businessMinutesBetween, addBusinessDays on one core…`);
  const calendar = benchCalendar({ calls: CONFIG.calendar.calls });
  log(`ledger rebuild: ${CONFIG.ledger.events} events (contracts, support time, corrections, loaners) on one core…`);
  const ledger = benchLedger({ events: CONFIG.ledger.events });
  log('bundling and timing each function…');
  const bundles = await benchBundles();

  const ratios = [
    { name: 'append / castore pushEvent, 1 writer', value: one.ours.perSecond / one.castore.perSecond, goal: 1.0 },
    { name: `append / castore pushEvent, ${CONFIG.writers} writers`, value: many.ours.perSecond / many.castore.perSecond, goal: 1.0 },
    { name: `read ${CONFIG.readEvents} events / castore getEvents`, value: castoreRead.meanMs / ourRead.meanMs, goal: 1.5 },
    { name: 'append / raw PutItem ceiling, 1 writer', value: one.ours.perSecond / one.raw.perSecond, goal: undefined },
    { name: `append / raw PutItem ceiling, ${CONFIG.writers} writers`, value: many.ours.perSecond / many.raw.perSecond, goal: undefined },
  ].map((r) => ({ ...r, value: round(r.value, 2), meets: r.goal === undefined ? undefined : r.value >= r.goal }));

  const itemBytes = itemSize(rawEventItem('contract#00000000-0000-0000-0000-000000000000', 1));
  const writeRow = (name: string, writers: number, s: Compared) => [
    name,
    writers,
    s.ops,
    fixed(s.meanMs, 2),
    fixed(s.p50Ms, 2),
    fixed(s.p99Ms, 2),
    fixed(s.perSecond, 0),
    s.perSecondByRound.join(' '),
  ];
  const out = [
    `# support-ledger bench — ${new Date().toISOString()}${quick ? ' (QUICK: a fifth of the operations)' : ''}`,
    `Node ${process.version}, ${cpus().length} cores, DynamoDB Local in memory (one JVM per write contender), region ${REGION}; event item ≈ ${itemBytes} B (ContractOrdered)`,
    section(
      'Single-event writes (conditional attribute_not_exists put, each writer on its own stream)',
      table([
        ['measurement', 'writers', 'ops', 'mean ms', 'p50 ms', 'p99 ms', 'ops/s', 'ops/s by round'],
        writeRow('raw PutItem (ceiling)', 1, one.raw),
        writeRow('EventStore.append', 1, one.ours),
        writeRow('castore pushEvent', 1, one.castore),
        writeRow('raw PutItem (ceiling)', CONFIG.writers, many.raw),
        writeRow('EventStore.append', CONFIG.writers, many.ours),
        writeRow('castore pushEvent', CONFIG.writers, many.castore),
      ]),
    ),
    section(
      '10-event appends (one TransactWriteItems), 1 writer',
      table([
        ['measurement', 'appends', 'events', 'p50 ms', 'p99 ms', 'events/s', 'appends/s'],
        ['EventStore.append ×10', ten.ops / 10, ten.ops, fixed(ten.p50Ms, 2), fixed(ten.p99Ms, 2), fixed(ten.perSecond, 0), fixed(ten.perSecond / 10, 0)],
      ]),
    ),
    section(
      `${contention.writers} writers on ONE stream, load → append, retry on ConcurrencyError`,
      table([
        ['wins', 'conflicts', 'retries', 'max attempts', 'final version', 'wins/s', 'p50 ms', 'p99 ms', 'check'],
        [
          contention.wins,
          contention.conflicts,
          contention.retries,
          contention.maxAttemptsForOneAppend,
          contention.finalVersion,
          fixed(contention.winsPerSecond, 0),
          fixed(contention.p50Ms, 1),
          fixed(contention.p99Ms, 1),
          contention.consistent ? 'OK' : 'MISMATCH',
        ],
      ]),
    ),
    section(
      `Reading a ${CONFIG.readEvents}-event stream (${CONFIG.reads} reads after 3 warm-up reads)`,
      table([
        ['measurement', 'mean ms', 'p50 ms', 'min ms', 'events/s'],
        ['EventStore.read', fixed(ourRead.meanMs), fixed(ourRead.p50Ms), fixed(ourRead.minMs), fixed(ourRead.eventsPerSecond, 0)],
        ['castore getEvents', fixed(castoreRead.meanMs), fixed(castoreRead.p50Ms), fixed(castoreRead.minMs), fixed(castoreRead.eventsPerSecond, 0)],
      ]),
    ),
    section(
      'Ratios',
      table([
        ['ratio', 'value', 'goal', 'verdict'],
        ...ratios.map((r) => [r.name, fixed(r.value, 2), r.goal === undefined ? '-' : `≥ ${fixed(r.goal, 1)}`, r.meets === undefined ? '-' : verdict(r.meets)]),
      ]),
    ),
    section(
      `Projector (${projector.streams} streams × ${projector.eventsPerStream} events, batches of ${projector.batchSize}, one after another)`,
      table([
        ['events', 'batches', 'handler ms', 'events/s', 'batch p50 ms', 'batch p99 ms', 'item failures', 'published', 'views current', 'check'],
        [
          projector.events,
          projector.batches,
          fixed(projector.handlerMs, 0),
          fixed(projector.eventsPerSecond, 0),
          fixed(projector.batchP50Ms, 1),
          fixed(projector.batchP99Ms, 1),
          projector.batchItemFailures,
          projector.published,
          `${projector.viewsUpToDate}/${projector.streams}`,
          projector.ok ? 'OK' : 'MISMATCH',
        ],
      ]),
    ),
    section(
      `Expiry sweep over ${sweep.contracts} contracts, ${sweep.due} due (${CONFIG.sweep.duePercent} %)`,
      table([
        ['contracts', 'due', 'sweep ms', 'index queries', 'index items read', 'expired', 'check'],
        [sweep.contracts, sweep.due, fixed(sweep.sweepMs, 0), sweep.indexQueries, sweep.indexItemsRead, sweep.expired, sweep.ok ? 'OK' : 'MISMATCH'],
      ]),
    ),
    section(
      `SLA sweep (every minute) over ${slaSweep.tickets} open tickets, ${slaSweep.due} due (${CONFIG.slaSweep.duePercent} %)`,
      table([
        ['tickets', 'due', 'sweep ms', 'index queries', 'index items read', 'SlaWarningRaised', 'SlaBreached', 'check'],
        [
          slaSweep.tickets,
          slaSweep.due,
          fixed(slaSweep.sweepMs, 0),
          slaSweep.indexQueries,
          slaSweep.indexItemsRead,
          `${slaSweep.warnings}/${slaSweep.expectedWarnings}`,
          `${slaSweep.breaches}/${slaSweep.expectedBreaches}`,
          slaSweep.ok ? 'OK' : 'MISMATCH',
        ],
      ]),
    ),
    section(
      'PII vault (the store\'s sealing step for a website order: customer name, e-mail, tax id and the origin IP under two purpose keys)',
      table([
        ['measurement', 'ops', 'mean ms', 'p50 ms', 'p99 ms', 'ops/s'],
        ...([['seal, new subject (key created, stream and activity noted)', privacy.newSubject], ['seal, known subject, new stream (key cached)', privacy.knownSubject], ['seal a reply on a known ticket (no vault write)', privacy.reply], ['open every value (keys cached)', privacy.open]] as const).map(
          ([name, s]) => [name, s.ops, fixed(s.meanMs, 2), fixed(s.p50Ms, 2), fixed(s.p99Ms, 2), fixed(s.perSecond, 0)],
        ),
      ]) +
        '\n\n' +
        table([
          ['purpose keys', 'expired', 'purge ms (one query, no scan)', 'deleted', 'check'],
          [privacy.purge.keys, privacy.purge.expired, fixed(privacy.purge.purgeMs, 0), privacy.purge.deleted, privacy.purge.ok ? 'OK' : 'MISMATCH'],
        ]),
    ),
    section(
      `Business calendar, one core (${calendar.calls} random instants over 2026–2027, 4 calendars with holidays and DST)`,
      table([
        ['measurement', 'value', 'goal', 'verdict'],
        ['addBusinessMinutes (due time) /s', fixed(calendar.computationsPerSecond, 0), `> ${CALENDAR_TARGET_PER_SECOND}`, verdict(calendar.ok)],
        ['businessMinutesBetween /s', fixed(calendar.betweenPerSecond, 0), '-', '-'],
        ['addBusinessDays /s', fixed(calendar.businessDaysPerSecond, 0), '-', '-'],
        ['compileCalendar ms (mean)', fixed(calendar.compileMs, 2), '-', '-'],
        ['one year table ms (mean)', fixed(calendar.yearTableMs, 2), '-', '-'],
      ]),
    ),
    section(
      `Ledger rebuild (rebuildLedger over ${ledger.events} events in ${ledger.streams} streams, shuffled; one core)`,
      table([
        ['events', 'lines', 'rebuild ms', 'events/s', 'peak RSS MB', 'heap before MB', 'heap after MB', 'check'],
        [ledger.events, ledger.lines, ledger.rebuildMs, fixed(ledger.eventsPerSecond, 0), fixed(ledger.peakRssMB), fixed(ledger.heapBeforeMB), fixed(ledger.heapAfterMB), ledger.ok ? 'OK' : 'MISMATCH'],
      ]),
    ),
    section(
      `Bundles (esbuild, esm, node20, minified; import in a fresh Node process, median of 5) — targets < ${TARGET_KB} KB, < ${TARGET_IMPORT_MS} ms`,
      table([
        ['function', 'KB', 'import ms', 'size', 'import', 'heaviest parts (KB)'],
        ...bundles.map((b: BundleResult) => [
          b.name,
          fixed(b.sizeKB),
          fixed(b.importMs),
          verdict(b.meetsSize),
          verdict(b.meetsImport),
          b.heaviest.map((h) => `${h.module} ${fixed(h.kB)}`).join(', '),
        ]),
      ]),
    ),
    `Total bench time ${fixed((performance.now() - started) / 1000)} s. JSON: ${RESULTS_FILE}`,
  ];
  console.log(out.join('\n'));

  await writeJson(RESULTS_FILE, {
    at: new Date().toISOString(),
    quick,
    environment: { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model, dynamodb: 'DynamoDB Local, in memory, one JVM each for ours, castore and the raw ceiling', eventItemBytes: itemBytes },
    config: CONFIG,
    privacy,
    singleEventWrites: { writers1: one, [`writers${CONFIG.writers}`]: many },
    tenEventAppends: ten,
    contention,
    read: { ours: ourRead, castore: castoreRead },
    ratios,
    projector,
    sweep,
    slaSweep,
    calendar,
    ledger,
    bundles,
    totalSeconds: round((performance.now() - started) / 1000, 1),
  });
  return contention.consistent && projector.ok && sweep.ok && slaSweep.ok && ledger.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
