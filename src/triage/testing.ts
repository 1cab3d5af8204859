import { type Command, Engine, type EngineEvent } from '../engine';

/** Event time the triage tests start at. */
export const T0 = 1_700_000_000_000;

/**
 * A real engine on a clock the test sets: `at(s, command)` runs the command `s` seconds after T0
 * and returns its events, which is what triage is fed on the page.
 */
export class World {
  private now = T0;
  readonly engine = new Engine({ clock: () => this.now });

  at(seconds: number, command: Command): readonly EngineEvent[] {
    this.now = T0 + seconds * 1000;
    const result = this.engine.execute(command);
    if (!result.ok) throw new Error(`${command.verb} refused: ${JSON.stringify(result.error)}`);
    return result.events;
  }
}

export const seconds = (s: number): number => T0 + s * 1000;
