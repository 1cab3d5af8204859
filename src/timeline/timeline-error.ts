/** A request the timeline cannot serve: a seq it does not hold, events that leave a gap. */
export class TimelineError extends Error {
  constructor(
    readonly code: 'notheld' | 'gap' | 'badunit',
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'TimelineError';
  }
}
