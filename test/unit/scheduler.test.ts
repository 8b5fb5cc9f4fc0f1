import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { LocalSchedule, SchedulerClock } from '../../infra/local/scheduler';
import { LocalScheduler, scheduledEvent } from '../../infra/local/scheduler';

/** A clock whose time only moves when the test says so; due timers run in time order. */
class FakeClock implements SchedulerClock {
  private time: number;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  readonly delays: number[] = [];

  constructor(start: string) {
    this.time = new Date(start).getTime();
  }

  now = (): Date => new Date(this.time);

  setTimeout = (callback: () => void, delayMs: number): unknown => {
    this.delays.push(delayMs);
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + delayMs, callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward to `iso`, running every timer due on the way (and those they set). */
  async advanceTo(iso: string): Promise<void> {
    const target = new Date(iso).getTime();
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
      await flush();
    }
    this.time = target;
    await flush();
  }

  /** Jumps the wall clock without running timers (a suspended laptop). */
  jumpTo(iso: string): void {
    this.time = new Date(iso).getTime();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

function recorder(name: string, expression: string) {
  const events: ScheduledEvent[] = [];
  const schedule: LocalSchedule = {
    name,
    expression,
    fire: async (event) => {
      events.push(event);
    },
  };
  return { schedule, events, times: () => events.map((event) => event.time) };
}

const silentLogger = () => ({ error: vi.fn() });

describe('scheduledEvent', () => {
  it('has the exact shape EventBridge sends a scheduled rule target', () => {
    const event = scheduledEvent('expire-contracts', new Date('2026-03-01T00:05:00.123Z'), 'eu-north-1');
    expect(event).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: '2026-03-01T00:05:00Z',
      region: 'eu-north-1',
      resources: ['arn:aws:events:eu-north-1:000000000000:rule/expire-contracts'],
      detail: {},
    });
    expect(Object.keys(event)).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
  });

  it('gives every event its own id', () => {
    const time = new Date('2026-03-01T00:00:00Z');
    expect(scheduledEvent('a', time, 'eu-north-1').id).not.toBe(scheduledEvent('a', time, 'eu-north-1').id);
  });
});

describe('LocalScheduler', () => {
  it('fires a cron schedule at each scheduled time with that time in the event', async () => {
    const clock = new FakeClock('2026-03-01T23:58:30Z');
    const sweep = recorder('expire-contracts', 'cron(5 0 * * ? *)');
    const scheduler = new LocalScheduler([sweep.schedule], { clock, region: 'eu-west-1', logger: silentLogger() });
    scheduler.start();
    expect(scheduler.upcoming()).toEqual([{ name: 'expire-contracts', at: new Date('2026-03-02T00:05:00Z') }]);

    await clock.advanceTo('2026-03-02T00:04:59Z');
    expect(sweep.events).toHaveLength(0);
    await clock.advanceTo('2026-03-04T12:00:00Z');
    expect(sweep.times()).toEqual(['2026-03-02T00:05:00Z', '2026-03-03T00:05:00Z', '2026-03-04T00:05:00Z']);
    expect(sweep.events[0].region).toBe('eu-west-1');
    expect(sweep.events[0].resources).toEqual(['arn:aws:events:eu-west-1:000000000000:rule/expire-contracts']);
    expect(new Set(sweep.events.map((event) => event.id)).size).toBe(3);
    await scheduler.stop();
  });

  it('fires a rate schedule every interval counted from start()', async () => {
    const clock = new FakeClock('2026-03-01T10:00:20Z');
    const sla = recorder('sla-sweep', 'rate(1 minute)');
    const scheduler = new LocalScheduler([sla.schedule], { clock, logger: silentLogger() });
    scheduler.start();
    await clock.advanceTo('2026-03-01T10:03:30Z');
    expect(sla.times()).toEqual(['2026-03-01T10:01:20Z', '2026-03-01T10:02:20Z', '2026-03-01T10:03:20Z']);
    await scheduler.stop();
  });

  it('runs several schedules independently', async () => {
    const clock = new FakeClock('2026-03-01T00:00:00Z');
    const everyFive = recorder('five', 'rate(5 minutes)');
    const quarterly = recorder('quarter', 'cron(0/15 * * * ? *)');
    const scheduler = new LocalScheduler([everyFive.schedule, quarterly.schedule], { clock, logger: silentLogger() });
    scheduler.start();
    await clock.advanceTo('2026-03-01T00:31:00Z');
    expect(everyFive.times()).toHaveLength(6);
    expect(quarterly.times()).toEqual(['2026-03-01T00:15:00Z', '2026-03-01T00:30:00Z']);
    await scheduler.stop();
  });

  it('logs a failing run and keeps the schedule going', async () => {
    const clock = new FakeClock('2026-03-01T00:00:00Z');
    const logger = silentLogger();
    const times: string[] = [];
    const failing: LocalSchedule = {
      name: 'flaky',
      expression: 'rate(1 minute)',
      fire: async (event) => {
        times.push(event.time);
        if (times.length === 1) throw new Error('boom');
      },
    };
    const throwingSynchronously: LocalSchedule = {
      name: 'sync-throw',
      expression: 'rate(1 minute)',
      fire: () => {
        throw new Error('not even a promise');
      },
    };
    const scheduler = new LocalScheduler([failing, throwingSynchronously], { clock, logger });
    scheduler.start();
    await clock.advanceTo('2026-03-01T00:03:00Z');
    expect(times).toEqual(['2026-03-01T00:01:00Z', '2026-03-01T00:02:00Z', '2026-03-01T00:03:00Z']);
    expect(logger.error).toHaveBeenCalledWith('Schedule "flaky" failed for 2026-03-01T00:01:00Z', expect.any(Error));
    expect(logger.error).toHaveBeenCalledWith(
      'Schedule "sync-throw" failed for 2026-03-01T00:03:00Z',
      expect.objectContaining({ message: 'not even a promise' }),
    );
    expect(logger.error).toHaveBeenCalledTimes(4);
    await scheduler.stop();
  });

  it('does not wait for a slow run before firing the next one', async () => {
    const clock = new FakeClock('2026-03-01T00:00:00Z');
    const started: string[] = [];
    const releases: (() => void)[] = [];
    const slow: LocalSchedule = {
      name: 'slow',
      expression: 'rate(1 minute)',
      fire: (event) => {
        started.push(event.time);
        return new Promise<void>((resolve) => releases.push(resolve));
      },
    };
    const scheduler = new LocalScheduler([slow], { clock, logger: silentLogger() });
    scheduler.start();
    await clock.advanceTo('2026-03-01T00:02:00Z');
    expect(started).toHaveLength(2);

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await flush();
    expect(stopped).toBe(false);
    releases.forEach((release) => release());
    await stopping;
    expect(stopped).toBe(true);
  });

  it('stop() cancels every timer so the process can exit', async () => {
    const clock = new FakeClock('2026-03-01T00:00:00Z');
    const a = recorder('a', 'rate(1 minute)');
    const b = recorder('b', 'cron(0 0 * * ? *)');
    const scheduler = new LocalScheduler([a.schedule, b.schedule], { clock, logger: silentLogger() });
    scheduler.start();
    expect(clock.pending).toBe(2);
    await scheduler.stop();
    expect(clock.pending).toBe(0);
    await clock.advanceTo('2026-03-03T00:00:00Z');
    expect(a.events).toHaveLength(0);
    expect(b.events).toHaveLength(0);
    expect(scheduler.upcoming()).toEqual([]);
  });

  it('can be started again after stop()', async () => {
    const clock = new FakeClock('2026-03-01T00:00:00Z');
    const a = recorder('a', 'rate(1 minute)');
    const scheduler = new LocalScheduler([a.schedule], { clock, logger: silentLogger() });
    scheduler.start();
    expect(() => scheduler.start()).toThrow(/already running/);
    await scheduler.stop();
    clock.jumpTo('2026-03-01T00:00:30Z');
    scheduler.start();
    await clock.advanceTo('2026-03-01T00:01:40Z');
    expect(a.times()).toEqual(['2026-03-01T00:01:30Z']);
    await scheduler.stop();
  });

  it('fires a missed time once, late, and does not backfill the others', async () => {
    const clock = new FakeClock('2026-03-01T00:00:00Z');
    const a = recorder('a', 'cron(0/10 * * * ? *)');
    const scheduler = new LocalScheduler([a.schedule], { clock, logger: silentLogger() });
    scheduler.start();
    clock.jumpTo('2026-03-01T01:05:00Z');
    await clock.advanceTo('2026-03-01T01:25:00Z');
    expect(a.times()).toEqual(['2026-03-01T00:10:00Z', '2026-03-01T01:10:00Z', '2026-03-01T01:20:00Z']);
    await scheduler.stop();
  });

  it('waits in steps when the next time is beyond the longest timer delay', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const yearly = recorder('yearly', 'cron(0 0 1 1 ? *)');
    const scheduler = new LocalScheduler([yearly.schedule], { clock, logger: silentLogger() });
    scheduler.start();
    expect(Math.max(...clock.delays)).toBeLessThanOrEqual(2 ** 31 - 1);
    await clock.advanceTo('2026-12-31T23:59:00Z');
    expect(yearly.events).toHaveLength(0);
    await clock.advanceTo('2027-01-01T00:00:00Z');
    expect(yearly.times()).toEqual(['2027-01-01T00:00:00Z']);
    await scheduler.stop();
  });

  it('re-arms a timer that fires early', async () => {
    const clock = new FakeClock('2026-03-01T00:00:00Z');
    const a = recorder('a', 'cron(0 1 * * ? *)');
    const early: SchedulerClock = {
      now: clock.now,
      clearTimeout: clock.clearTimeout,
      setTimeout: (callback, delayMs) => clock.setTimeout(callback, delayMs > 1_000 ? delayMs - 1_000 : delayMs),
    };
    const scheduler = new LocalScheduler([a.schedule], { clock: early, logger: silentLogger() });
    scheduler.start();
    await clock.advanceTo('2026-03-01T00:59:59.500Z');
    expect(a.events).toHaveLength(0);
    await clock.advanceTo('2026-03-01T01:00:00Z');
    expect(a.times()).toEqual(['2026-03-01T01:00:00Z']);
    await scheduler.stop();
  });

  it('stops arming a schedule that has no more fire times', async () => {
    const clock = new FakeClock('2026-12-31T23:00:00Z');
    const once = recorder('once', 'cron(0 0 1 1 ? 2027)');
    const scheduler = new LocalScheduler([once.schedule], { clock, logger: silentLogger() });
    scheduler.start();
    await clock.advanceTo('2027-06-01T00:00:00Z');
    expect(once.times()).toEqual(['2027-01-01T00:00:00Z']);
    expect(clock.pending).toBe(0);
    expect(scheduler.upcoming()).toEqual([{ name: 'once', at: null }]);
    await scheduler.stop();
  });

  it('refuses invalid expressions and duplicate names before starting anything', () => {
    const clock = new FakeClock('2026-03-01T00:00:00Z');
    const good = recorder('good', 'rate(1 minute)').schedule;
    expect(() => new LocalScheduler([good, recorder('bad', 'cron(0 0 * * *)').schedule], { clock })).toThrow(
      /Invalid schedule expression "cron\(0 0 \* \* \*\)"/,
    );
    expect(() => new LocalScheduler([good, good], { clock })).toThrow(/"good" is declared twice/);
    expect(clock.pending).toBe(0);
  });
});
