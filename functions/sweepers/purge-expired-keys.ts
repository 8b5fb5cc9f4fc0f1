import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../runtime/logger';
import { vault } from '../runtime/vault';

export interface PurgeResult {
  deleted: number;
}

/**
 * Daily: deletes the purpose keys (time-limited data: the IP addresses of website requests) whose
 * retention period has ended at the schedule's time (never the clock). Everything sealed with them
 * reads as erased from then on. A repeat deletes nothing more. Logs how many keys went, never which.
 */
export async function handler(event: ScheduledEvent): Promise<PurgeResult> {
  const deleted = await vault().purgeExpired(event.time);
  logger.info('expired purpose keys deleted', { now: event.time, deleted: deleted.length });
  return { deleted: deleted.length };
}
