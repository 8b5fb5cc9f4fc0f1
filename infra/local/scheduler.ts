import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import type { Schedule } from './schedule-expression';
import { parseScheduleExpression } from './schedule-expression';

/**
 * The local stand-in for EventBridge schedules: fires each schedule at its times with the event
 * EventBridge would send. Like EventBridge it fires on time whether or not the previous run has
 * finished, never backfills times missed while the process was not running, and keeps going after
 * a failing run (which it logs).
 */

/** Account id used by every locally built event. */
export const LOCAL_ACCOUNT = '000000000000';

export interface LocalSchedule {
  /** The rule name; it appears in the event's `resources` ARN. */
  name: string;
  /** `rate(…)` or `cron(…)`, as in the topology. */
  expression: string;
  fire(event: ScheduledEvent): Promise<void>;
}

export interface SchedulerClock {
  now(): Date;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerLogger {
  error(message: string, error: unknown): void;
}

export interface LocalSchedulerOptions {
  /** Region written into the events. Default: AWS_REGION, else eu-north-1. */
  region?: string;
  clock?: SchedulerClock;
  logger?: SchedulerLogger;
}

/** Node caps timer delays at 2^31 - 1 ms (about 24.8 days); longer waits are taken in steps. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Entry {
  definition: LocalSchedule;
  schedule?: Schedule;
  timer?: unknown;
  due?: Date | null;
}

export class LocalScheduler {
  private readonly entries: Entry[];
  private readonly clock: SchedulerClock;
  private readonly logger: SchedulerLogger;
  private readonly region: string;
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;

  /** Throws if a name repeats or an expression is invalid, before anything is started. */
  constructor(schedules: readonly LocalSchedule[], options: LocalSchedulerOptions = {}) {
    const names = new Set<string>();
    for (const { name, expression } of schedules) {
      if (names.has(name)) throw new Error(`Schedule "${name}" is declared twice`);
      names.add(name);
      parseScheduleExpression(expression);
    }
    this.entries = schedules.map((definition) => ({ definition }));
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? console;
    this.region = options.region ?? process.env.AWS_REGION ?? 'eu-north-1';
  }

  /** Arms every schedule; rate schedules count their intervals from now. */
  start(): void {
    if (this.running) throw new Error('LocalScheduler is already running');
    this.running = true;
    const now = this.clock.now();
    for (const entry of this.entries) {
      entry.schedule = parseScheduleExpression(entry.definition.expression, { createdAt: now });
      this.arm(entry, entry.schedule.next(now));
    }
  }

  /** Cancels every timer, then waits for runs already under way to settle. */
  async stop(): Promise<void> {
    this.running = false;
    for (const entry of this.entries) {
      if (entry.timer !== undefined) this.clock.clearTimeout(entry.timer);
      entry.timer = undefined;
      entry.due = undefined;
    }
    await Promise.allSettled([...this.inFlight]);
  }

  /** The next fire time of each schedule (null: it never fires again); empty before start(). */
  upcoming(): { name: string; at: Date | null }[] {
    return this.entries
      .filter((entry) => entry.due !== undefined)
      .map((entry) => ({ name: entry.definition.name, at: entry.due ?? null }));
  }

  private arm(entry: Entry, due: Date | null): void {
    entry.due = due;
    entry.timer = undefined;
    if (due === null || !this.running) return;
    const delay = Math.min(Math.max(0, due.getTime() - this.clock.now().getTime()), MAX_TIMER_DELAY_MS);
    entry.timer = this.clock.setTimeout(() => this.wake(entry, due), delay);
  }

  private wake(entry: Entry, due: Date): void {
    if (!this.running) return;
    const now = this.clock.now();
    if (now.getTime() < due.getTime()) {
      this.arm(entry, due);
      return;
    }
    this.dispatch(entry.definition, due);
    this.arm(entry, entry.schedule!.next(now));
  }

  private dispatch(definition: LocalSchedule, due: Date): void {
    const event = scheduledEvent(definition.name, due, this.region);
    const run: Promise<void> = Promise.resolve()
      .then(() => definition.fire(event))
      .catch((error: unknown) => {
        this.logger.error(`Schedule "${definition.name}" failed for ${event.time}`, error);
      })
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }
}

/** The event EventBridge sends a target of scheduled rule `ruleName` for the fire time `time`. */
export function scheduledEvent(ruleName: string, time: Date, region: string): ScheduledEvent<Record<string, never>> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: LOCAL_ACCOUNT,
    time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:${LOCAL_ACCOUNT}:rule/${ruleName}`],
    detail: {},
  };
}
