/**
 * The opaque position of a stream as `load` read it. `append` accepts only positions the store
 * issued, so a caller cannot name an arbitrary version and leave a gap.
 */
export interface StreamPosition {
  readonly streamId: string;
  readonly version: number;
}

const issued = new WeakSet<StreamPosition>();

export function issuePosition(streamId: string, version: number): StreamPosition {
  const position = Object.freeze({ streamId, version });
  issued.add(position);
  return position;
}

export function assertIssued(position: StreamPosition): void {
  if (!issued.has(position)) {
    throw new TypeError('append needs the stream position that load returned; it cannot be constructed by hand');
  }
}
