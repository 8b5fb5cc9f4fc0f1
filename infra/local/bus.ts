import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { EventBridgeEvent } from 'aws-lambda';
import { functions, LAMBDA_ASYNC_RETRIES, type FunctionName } from '../topology';
import { matchesPattern } from './event-pattern';
import type { Invoke } from './functions';

interface Rule {
  name: string;
  pattern: Record<string, unknown>;
  target: FunctionName;
}

interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: number | string;
}

export interface DeadLetter {
  rule: string;
  event: EventBridgeEvent<string, unknown>;
  error: string;
}

/**
 * The local event bus: answers EventBridge's PutEvents API (so the projector's SDK client works
 * unchanged, pointed here by AWS_ENDPOINT_URL_EVENTBRIDGE), matches every entry against the
 * declared rule patterns and invokes the targets asynchronously. A handler that throws is retried
 * as Lambda retries asynchronous invocations (twice), then kept as a dead letter (in AWS: the
 * function's on-failure queue).
 */
export class LocalBus {
  readonly deadLetters: DeadLetter[] = [];
  private readonly rules: Rule[];
  private readonly inFlight = new Set<Promise<void>>();
  private failEntries = 0;
  private server?: Server;

  constructor(private readonly invoke: Invoke, private readonly region: string, private readonly retryDelayMs = 200) {
    this.rules = Object.entries(functions).flatMap(([name, fn]) =>
      fn.triggers.flatMap((t) =>
        t.kind === 'bus' ? [{ name: t.rule, pattern: t.pattern, target: name as FunctionName }] : [],
      ),
    );
  }

  async listen(port: number): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const reply = (status: number, payload: unknown) => {
          res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(JSON.stringify(payload));
        };
        if (req.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
          return reply(400, { __type: 'UnknownOperationException', message: 'The local bus only implements PutEvents.' });
        }
        try {
          reply(200, this.putEvents(JSON.parse(body).Entries ?? []));
        } catch (error) {
          reply(400, { __type: 'ValidationException', message: String(error) });
        }
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /** For tests: the next `count` entries are refused with an InternalFailure, as EventBridge sometimes does. */
  failNextEntries(count: number): void {
    this.failEntries = count;
  }

  putEvents(entries: PutEventsEntry[]) {
    let failed = 0;
    const results = entries.map((entry) => {
      if (this.failEntries > 0) {
        this.failEntries--;
        failed++;
        return { ErrorCode: 'InternalFailure', ErrorMessage: 'injected failure' };
      }
      const event = this.toEvent(entry);
      this.route(event);
      return { EventId: event.id };
    });
    return { FailedEntryCount: failed, Entries: results };
  }

  private toEvent(entry: PutEventsEntry): EventBridgeEvent<string, unknown> {
    const time = entry.Time === undefined ? new Date() : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time);
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType ?? '',
      source: entry.Source ?? '',
      account: '000000000000',
      time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.region,
      resources: entry.Resources ?? [],
      detail: JSON.parse(entry.Detail ?? '{}'),
    };
  }

  /** Delivers to every matching rule's target, as EventBridge does, without waiting. */
  route(event: EventBridgeEvent<string, unknown>): void {
    for (const rule of this.rules) {
      if (!matchesPattern(rule.pattern, event)) continue;
      const delivery = this.deliver(rule, event).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
  }

  private async deliver(rule: Rule, event: EventBridgeEvent<string, unknown>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.invoke(rule.target, event);
        return;
      } catch (error) {
        if (attempt >= LAMBDA_ASYNC_RETRIES) {
          console.error(`[bus] ${rule.name} → ${rule.target} failed for good: ${String(error)}`);
          this.deadLetters.push({ rule: rule.name, event, error: String(error) });
          return;
        }
        await new Promise((r) => setTimeout(r, this.retryDelayMs * 2 ** Math.min(attempt, 5)));
      }
    }
  }

  /** Resolves when every delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
