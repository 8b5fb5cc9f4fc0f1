import { sealEvents } from '../privacy/seal-events';
import { sealOrigin, subjectsOfRequest } from '../privacy/seal-origin';
import { Sealer } from '../privacy/sealer';
import { LinkSigner } from '../privacy/signed-link';
import type { NewEvent } from '../../events/catalog';
import type { EventMetadata, SealedAppend } from '../store/event-store';
import { LocalKeyWrapper, type KeyWrapper } from '../vault/key-wrapper';
import { KmsKeyWrapper } from '../vault/kms-key-wrapper';
import { Vault } from '../vault/vault';
import { subjectActivity } from './activity';
import { dynamo, kms } from './clients';
import { tableName } from './env';

/**
 * The PII vault of this container: data keys wrapped by KMS (`VAULT_KMS_KEY_ID`, in AWS) or by
 * the local master key (`VAULT_MASTER_KEY`, base64 of 32 bytes: the local runtime and tests).
 */
function wrapper(): KeyWrapper {
  const keyId = process.env.VAULT_KMS_KEY_ID;
  if (keyId) return new KmsKeyWrapper(kms(), keyId);
  const master = process.env.VAULT_MASTER_KEY;
  if (!master) throw new Error('environment variable VAULT_KMS_KEY_ID (AWS) or VAULT_MASTER_KEY (local) is not set');
  return new LocalKeyWrapper(Buffer.from(master, 'base64'));
}

let current: { vault: Vault; sealer: Sealer; links: LinkSigner } | undefined;

const instance = () => {
  if (!current) {
    const vault = new Vault({ client: dynamo(), table: tableName('vault'), wrapper: wrapper() });
    current = { vault, sealer: new Sealer(vault), links: new LinkSigner(vault) };
  }
  return current;
};

export const vault = (): Vault => instance().vault;
export const sealer = (): Sealer => instance().sealer;
/** Signs and checks the links we e-mail. */
export const links = (): LinkSigner => instance().links;

/** The event store's sealing step: events' personal fields, and a public request's origin (IP) under purpose keys. */
export async function sealForStore(streamId: string, events: readonly NewEvent[], metadata?: EventMetadata): Promise<NewEvent[] | SealedAppend> {
  const sealed = await sealEvents(sealer(), vault(), streamId, events, metadata && { actor: metadata.actor, occurredAt: metadata.occurredAt, activity: subjectActivity() });
  if (!metadata?.origin) return sealed;
  const subjects = await subjectsOfRequest(vault(), streamId, sealed);
  const analytics = (await Promise.all(subjects.map((s) => vault().allowsAnalytics(s)))).every(Boolean);
  return { events: sealed, origin: await sealOrigin(sealer(), metadata.origin, metadata.occurredAt, analytics) };
}
