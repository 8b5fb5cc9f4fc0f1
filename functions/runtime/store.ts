import { EventStore } from '../store/event-store';
import { dynamo } from './clients';
import { tableEnvVar } from '../tables';
import { tableName } from './env';
import { sealForStore } from './vault';

let store: EventStore | undefined;

/** The event store of this container, configured from the environment. */
export const eventStore = (): EventStore =>
  (store ??= new EventStore({ client: dynamo(), eventsTable: tableName('events'), idempotencyTable: process.env[tableEnvVar('idempotency')], seal: sealForStore }));
