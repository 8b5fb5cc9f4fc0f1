import { ConcurrencyError } from '../../domain/errors';
import type { EventStore, StreamPosition } from '../../functions/store/event-store';
import { uniqueStream } from '../support/fixtures';
import { benchEvent, benchMetadata } from './payloads';
import { median, round, runWriters, summarize, timed, type Run } from './stats';

const appended = (result: Awaited<ReturnType<EventStore['append']>>): StreamPosition => {
  if (result.status !== 'appended') throw new Error(`append answered ${result.status}`);
  return result.position;
};

/**
 * `writers` writers, each on its own new stream: load once, then append `eventsPerAppend`
 * events at the returned position, `opsPerWriter` times.
 */
export function benchAppends(store: EventStore, writers: number, opsPerWriter: number, eventsPerAppend = 1): Promise<Run> {
  return runWriters({
    writers,
    opsPerWriter,
    setup: async () => {
      const { position } = await store.load(uniqueStream());
      return { position, events: Array.from({ length: eventsPerAppend }, () => benchEvent()), metadata: benchMetadata() };
    },
    op: async (state) => {
      state.position = appended(await store.append(state.position, state.events, state.metadata));
    },
  });
}

export interface ContentionResult {
  writers: number;
  winsPerWriter: number;
  wins: number;
  conflicts: number;
  retries: number;
  maxAttemptsForOneAppend: number;
  finalVersion: number;
  /** Versions read back are exactly 1..wins, no gap, no duplicate event. */
  consistent: boolean;
  wallMs: number;
  winsPerSecond: number;
  /** Per successful append, load→append including its retries. */
  p50Ms: number;
  p99Ms: number;
}

/**
 * `writers` writers on ONE stream, each looping load → append until it has `winsPerWriter`
 * successful appends, retrying the whole load → append on ConcurrencyError.
 */
export async function benchContention(store: EventStore, writers: number, winsPerWriter: number): Promise<ContentionResult> {
  const streamId = uniqueStream();
  const maxAttempts = 10_000;
  let wins = 0;
  let conflicts = 0;
  let retries = 0;
  let maxAttemptsForOneAppend = 0;
  const { latencies, wallMs } = await runWriters({
    writers,
    opsPerWriter: winsPerWriter,
    setup: async () => ({ event: benchEvent(), metadata: benchMetadata() }),
    op: async (state) => {
      for (let attempt = 1; ; attempt++) {
        const { position } = await store.load(streamId);
        try {
          appended(await store.append(position, [state.event], state.metadata));
          wins++;
          maxAttemptsForOneAppend = Math.max(maxAttemptsForOneAppend, attempt);
          return;
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          conflicts++;
          if (attempt >= maxAttempts) throw new Error(`gave up after ${attempt} conflicts in a row`);
          retries++;
        }
      }
    },
  });
  const events = await store.read(streamId);
  const finalVersion = await store.version(streamId);
  const consistent =
    events.length === wins &&
    events.every((e, i) => e.version === i + 1) &&
    new Set(events.map((e) => e.eventId)).size === events.length;
  const s = summarize(latencies, wallMs);
  return {
    writers,
    winsPerWriter,
    wins,
    conflicts,
    retries,
    maxAttemptsForOneAppend,
    finalVersion,
    consistent: consistent && finalVersion === wins,
    wallMs: s.wallMs,
    winsPerSecond: s.perSecond,
    p50Ms: s.p50Ms,
    p99Ms: s.p99Ms,
  };
}

export interface ReadResult {
  events: number;
  reads: number;
  meanMs: number;
  p50Ms: number;
  minMs: number;
  eventsPerSecond: number;
}

/** Summarizes `reads` timed reads of a stream of `events` events. */
export async function timeReads(events: number, reads: number, warmUp: number, read: () => Promise<number>): Promise<ReadResult> {
  for (let i = 0; i < warmUp; i++) await read();
  const samples: number[] = [];
  for (let i = 0; i < reads; i++) {
    const { ms, value } = await timed(read);
    if (value !== events) throw new Error(`read returned ${value} events, expected ${events}`);
    samples.push(ms);
  }
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    events,
    reads,
    meanMs: round(mean),
    p50Ms: round(median(samples)),
    minMs: round(Math.min(...samples)),
    eventsPerSecond: round((events / mean) * 1000, 0),
  };
}

/** Writes a stream of `events` events (in 10-event appends) and returns its id. */
export async function writeStream(store: EventStore, events: number): Promise<string> {
  const streamId = uniqueStream();
  let { position } = await store.load(streamId);
  const metadata = benchMetadata();
  for (let written = 0; written < events; written += 10) {
    const batch = Array.from({ length: Math.min(10, events - written) }, () => benchEvent());
    position = appended(await store.append(position, batch, metadata));
  }
  return streamId;
}

export const benchStoreRead = (store: EventStore, streamId: string, events: number, reads: number) =>
  timeReads(events, reads, 3, async () => (await store.read(streamId)).length);
