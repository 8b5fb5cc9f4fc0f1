import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../runtime/logger';
import type { ViewStore } from '../views/view-store';

const CONCURRENCY = 8;

export interface SweepResult {
  due: number;
  failed: number;
}

/**
 * Works through what is due for `kind` at the schedule's time (never the clock), reading only
 * the due index. Each item is independent; failures are logged, and the sweep then fails as a
 * whole so the schedule retries (the commands are idempotent).
 */
export async function sweep(views: ViewStore, kind: string, event: ScheduledEvent, act: (pk: string) => Promise<void>): Promise<SweepResult> {
  const now = event.time;
  const due = views.due(kind, now);
  let count = 0;
  let failed = 0;
  const worker = async () => {
    for (let next = await due.next(); !next.done; next = await due.next()) {
      count++;
      try {
        await act(next.value.pk);
      } catch (error) {
        failed++;
        logger.error('sweep item failed', { kind, pk: next.value.pk, error: error as Error });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  logger.info('sweep done', { kind, now, due: count, failed });
  if (failed > 0) throw new Error(`${failed} of ${count} due ${kind} items failed`);
  return { due: count, failed };
}
