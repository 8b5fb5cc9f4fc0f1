import type { NewEvent } from '../../events/catalog';
import type { Actor } from '../../events/envelope';
import { isActivity } from '../../domain/privacy/activity';
import { ownerStreamOf, PERSONAL_FIELDS, type PersonalGroup } from '../../events/personal-fields';
import { isSealed, keyRefOf, subjectOfKeyRef } from '../../events/sealed';
import type { Vault } from '../vault/vault';
import type { Sealer } from './sealer';

type Json = Record<string, unknown>;

const get = (object: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Json)[key] : undefined), object);

function set(object: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Json>((at, key) => at[key] as Json, object);
  parent[keys.at(-1)!] = value;
}

/** Who appends and when, and where to note that we heard from a subject (domain/privacy/activity.ts). */
export interface SealContext {
  actor: Pick<Actor, 'kind'>;
  occurredAt: string;
  activity: { note(subjectId: string, at: string): Promise<void> };
}

/**
 * Seals the personal fields of events about to be appended to `streamId` (see PERSONAL_FIELDS),
 * each with its subject's key, and notes in the vault which subjects' data the stream holds.
 * Values already sealed (copied from another event) stay as they are. With a `context`, each
 * subject the append shows active is noted once.
 */
export async function sealEvents(sealer: Sealer, vault: Vault, streamId: string, events: readonly NewEvent[], context?: SealContext): Promise<NewEvent[]> {
  const sealed: NewEvent[] = [];
  const active = new Set<string>();
  for (const event of events) {
    const groups = PERSONAL_FIELDS[event.type];
    if (!groups) {
      sealed.push(event);
      continue;
    }
    const payload = structuredClone(event.payload) as Json;
    for (const group of groups) {
      const subjects = await sealGroup(sealer, vault, streamId, payload, group);
      if (context && isActivity(event.type, context.actor, { owner: group.owner === true, byEmail: group.subjectEmail !== undefined })) subjects.forEach((s) => active.add(s));
    }
    sealed.push({ ...event, payload } as NewEvent);
  }
  for (const subjectId of active) await context!.activity.note(subjectId, context!.occurredAt);
  return sealed;
}

/** Seals one group's fields; answers the subjects whose data it sealed. */
async function sealGroup(sealer: Sealer, vault: Vault, streamId: string, payload: Json, group: PersonalGroup): Promise<string[]> {
  const items = group.each ? ((get(payload, group.each) as Json[] | undefined) ?? []) : [payload];
  const subjects: string[] = [];
  for (const item of items) {
    const present = group.paths.filter((path) => typeof get(item, path) === 'string' && !isSealed(get(item, path)));
    if (present.length === 0) continue;
    const subjectId = await subjectFor(sealer, vault, streamId, item, group);
    for (const path of present) set(item, path, await sealer.sealForSubject(get(item, path) as string, subjectId));
    await vault.noteSubjectStream(subjectId, streamId, group.owner === true);
    subjects.push(subjectId);
  }
  return subjects;
}

async function subjectFor(sealer: Sealer, vault: Vault, streamId: string, item: Json, group: PersonalGroup): Promise<string> {
  if (group.subjectEmail) {
    const email = get(item, group.subjectEmail) as string;
    if (!isSealed(email)) return sealer.subjectOf(email);
    const subject = subjectOfKeyRef(keyRefOf(email));
    if (!subject) throw new Error(`the subject e-mail of a ${group.paths[0]} group is sealed with a purpose key, not a subject's`);
    return subject;
  }
  const owner = await vault.ownerOf(ownerStreamOf(streamId));
  if (!owner) throw new Error(`no owner recorded for ${ownerStreamOf(streamId)}: its personal data cannot be sealed`);
  return owner;
}
