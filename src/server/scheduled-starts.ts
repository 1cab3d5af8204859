/**
 * X12's `idealtime`: starts asked for a later time, each under the session id it was promised,
 * on timers. With a journal file the REST layer writes them there too, so a restart waits for
 * them again (rest-sessions.ts); stopping only clears the timers.
 */
export class ScheduledStarts {
  private readonly waiting = new Map<string, { readonly at: number; readonly timer: NodeJS.Timeout }>();
  /** The ordinal of the last id given: ids go on past every one the journal names (`given`). */
  private made: number;

  constructor(given: Iterable<string> = []) {
    this.made = ordinal(ScheduledStarts.highest(given));
  }

  /** Of the ids of scheduled starts, the one given last (the highest `T-<n>`), or null for none. */
  static highest(ids: Iterable<string | null>): string | null {
    let last: string | null = null;
    for (const id of ids) if (id !== null && ordinal(id) > ordinal(last)) last = id;
    return last;
  }

  /** setTimeout's reach (about 24.8 days): a later start is refused rather than fired early. */
  static readonly HORIZON_MS = 2 ** 31 - 1;

  /**
   * A session id for a scheduled start that `taken` does not know and no other start holds; never
   * one given before in the journal's life, so a cancelled start's id does not name a new one.
   */
  newId(taken: (id: string) => boolean): string {
    let id: string;
    do id = `T-${++this.made}`;
    while (taken(id) || this.waiting.has(id));
    return id;
  }

  add(session: string, at: number, start: () => void): void {
    const timer = setTimeout(
      () => {
        this.waiting.delete(session);
        start();
      },
      Math.max(0, at - Date.now()),
    );
    this.waiting.set(session, { at, timer });
  }

  /** When `session` is due to start, or undefined when it is not waiting. */
  when(session: string): number | undefined {
    return this.waiting.get(session)?.at;
  }

  /** Forgets a waiting start; false when there was none. */
  cancel(session: string): boolean {
    const waiting = this.waiting.get(session);
    if (waiting === undefined) return false;
    clearTimeout(waiting.timer);
    this.waiting.delete(session);
    return true;
  }

  stop(): void {
    for (const session of [...this.waiting.keys()]) this.cancel(session);
  }
}

/** n of `T-<n>`; 0 for no id, or one of another form (an engine session's). */
function ordinal(id: string | null): number {
  const match = id === null ? null : /^T-(\d+)$/.exec(id);
  return match === null ? 0 : Number(match[1]);
}
