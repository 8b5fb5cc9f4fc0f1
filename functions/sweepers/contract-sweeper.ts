import type { ScheduledEvent } from 'aws-lambda';
import type { ContractCommand } from '../../domain/contract/commands';
import { contractDecider } from '../../domain/contract/decider';
import type { SweepResult } from './sweep';
import { streamSweeper } from './stream-sweeper';

/** A scheduled handler that runs one contract command for each contract due for `kind` (see `streamSweeper`). */
export const contractSweeper = (
  kind: string,
  actorId: string,
  commandFor: (contractId: string) => ContractCommand,
  decided: string,
): ((event: ScheduledEvent) => Promise<SweepResult>) => streamSweeper(contractDecider, kind, actorId, commandFor, decided);
