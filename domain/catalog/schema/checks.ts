/** Helpers for the cross-field checks each schema file runs over the whole catalog. */
export type Path = (string | number)[];
export type Report = (path: Path, message: string) => void;

/** Reports every entry whose key was already used, at the entry's key field. */
export function checkUnique<T>(items: readonly T[], key: (item: T) => string, at: (index: number) => Path, report: Report, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) report(at(i), `Duplicate ${what} ${k}.`);
    seen.add(k);
  });
}

/** Reports each reference that names nothing in `known`. */
export function checkRefs(refs: readonly string[], known: ReadonlySet<string> | ReadonlyMap<string, unknown>, at: Path, report: Report, what: string): void {
  refs.forEach((ref, i) => {
    if (!known.has(ref)) report([...at, i], `Unknown ${what} ${ref}.`);
  });
}

export const joinOr = (words: readonly string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
