import type { Engine } from '../engine';
import type { TrafficGenerator } from './generator';

export interface PumpResult {
  readonly commands: number;
  readonly events: number;
  readonly refused: number;
}

/**
 * Runs commands from `generator` on `engine` until at least `events` events were produced (or
 * `maxCommands` ran); returns the counts. Refused commands are counted, not thrown.
 *
 * Each accepted command's events are fed to the generator here, so pump works without a
 * subscription; with one, the generator skips the events it already saw. The default
 * `maxCommands` is generous (every accepted command makes at least one event) but finite, so a
 * generator that only produced refusals could not spin forever.
 */
export function pump(
  engine: Engine,
  generator: TrafficGenerator,
  events: number,
  maxCommands = 10 * events + 100,
): PumpResult {
  let commands = 0;
  let produced = 0;
  let refused = 0;
  while (produced < events && commands < maxCommands) {
    const result = engine.execute(generator.next());
    commands++;
    if (result.ok) {
      produced += result.events.length;
      generator.observe(result.events);
    } else {
      refused++;
    }
  }
  return { commands, events: produced, refused };
}
