/** Latency samples (ms) and wall time of one measurement, and the numbers a report shows. */
export interface Summary {
  ops: number;
  wallMs: number;
  /** Operations per second over the wall time (all writers together). */
  perSecond: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const now = () => performance.now();

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 50);
}

/** The raw samples of one measurement: each operation's latency and the wall time of all of them. */
export interface Run {
  latencies: number[];
  wallMs: number;
}

/** Rounds of one measurement, taken at different times, as if they were one run. */
export const combine = (runs: readonly Run[]): Run => ({
  latencies: runs.flatMap((r) => r.latencies),
  wallMs: runs.reduce((sum, r) => sum + r.wallMs, 0),
});

export function summarize(latencies: readonly number[], wallMs: number, opsPerSample = 1): Summary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ops = latencies.length * opsPerSample;
  return {
    ops,
    wallMs: round(wallMs),
    perSecond: round((ops / wallMs) * 1000),
    meanMs: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? NaN),
  };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Runs `writers` concurrent loops of `opsPerWriter` calls each; `setup` prepares a writer's state
 * (untimed), `op` is one timed operation. Returns every operation's latency and the wall time.
 */
export async function runWriters<State>(options: {
  writers: number;
  opsPerWriter: number;
  setup: (writer: number) => Promise<State>;
  op: (state: State, i: number, writer: number) => Promise<void>;
}): Promise<Run> {
  const states = await Promise.all(Array.from({ length: options.writers }, (_, w) => options.setup(w)));
  const latencies: number[] = [];
  const started = now();
  await Promise.all(
    states.map(async (state, w) => {
      for (let i = 0; i < options.opsPerWriter; i++) {
        const t = now();
        await options.op(state, i, w);
        latencies.push(now() - t);
      }
    }),
  );
  return { latencies, wallMs: now() - started };
}

/** Times one async call. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = now();
  const value = await fn();
  return { ms: now() - t, value };
}
