import * as z from 'zod';
import { Id, Name, Named, Provider } from './basics';
import { checkUnique, type Path } from './checks';
import type { Refs } from './refs';

/**
 * A support level: who answers which topics. A customer starts at the level marked
 * `firstContact`; what it cannot solve goes to `escalatesTo`.
 */
export const SupportLevel = z.strictObject({
  id: Id,
  name: Name,
  providedBy: Provider,
  firstContact: z.boolean(),
  topics: z.array(Named).min(1, 'Give the level at least one topic.'),
  escalatesTo: Id.optional(),
});
export type SupportLevel = z.infer<typeof SupportLevel>;

export function checkSupportLevels(levels: readonly SupportLevel[], at: Path, refs: Refs): void {
  if (levels.length === 0) return;
  checkUnique(levels, (l) => l.id, (i) => [...at, i, 'id'], refs.report, 'support level');
  const firsts = levels.filter((l) => l.firstContact).length;
  if (firsts !== 1) refs.report(at, `Exactly one level is the first contact (${firsts} are).`);
  const topics = levels.flatMap((level, i) => level.topics.map((topic, j) => ({ topic, at: [...at, i, 'topics', j, 'id'] })));
  checkUnique(topics, (t) => t.topic.id, (k) => topics[k].at, refs.report, 'topic');
  levels.forEach((level, i) => {
    if (level.escalatesTo === undefined) return;
    if (level.escalatesTo === level.id) refs.report([...at, i, 'escalatesTo'], 'A level cannot escalate to itself.');
    else if (!refs.levels.has(level.escalatesTo)) refs.report([...at, i, 'escalatesTo'], `Unknown support level ${level.escalatesTo}.`);
  });
}
