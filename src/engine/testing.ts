import { expect } from 'vitest';
import type { Command } from './commands';
import { Engine } from './engine';
import type { EngineEvent } from './events';
import type { MediaName } from './media';
import { type Model, OP_SESSION_ID } from './model';

/** Shared by the engine's tests: a fixed clock, and commands that must be accepted. */
export const T0 = 1_700_000_000_000;

/** The n-th id of each kind the engine generates (ids.ts), to stand where generated ids would. */
export const nthSessionId = (n: number) => `S-${n.toString(36).toUpperCase().padStart(5, '0')}`;
export const nthGuid = (n: number) => `00${n.toString(36).toUpperCase().padStart(14, '0')}`;

export function newEngine(): Engine {
  return new Engine({ clock: () => T0 });
}

export function accept(engine: Engine, command: Command): readonly EngineEvent[] {
  const result = engine.execute(command);
  if (!result.ok) throw new Error(`expected ${command.verb} to be accepted: ${JSON.stringify(result.error)}`);
  return result.events;
}

/** S1: an interaction arrives and starts the session that owns it. */
export function arrival(
  engine: Engine,
  media: MediaName = 'TMediaVoice',
): { session: string; g_uid: string } {
  const created = accept(engine, { verb: 'arrive', media }).find((e) => e.name === 'interaction.created');
  if (created?.name !== 'interaction.created') throw new Error('arrive created no interaction');
  const g_uid = created.data.interaction.g_uid;
  return { g_uid, session: engine.state.interactions.get(g_uid)?.owner as string };
}

export function startedSession(engine: Engine): string {
  const [started] = accept(engine, { verb: 'startSession', src: 'http://ors/app.scxml' });
  return started?.session as string;
}

/** Event names with the session they were sent to, the form most assertions compare. */
export function sent(events: readonly EngineEvent[]): string[] {
  return events.map((e) => `${e.name} -> ${e.session ?? '-'}`);
}

/** B1-B3 over the whole model: the first violation, or null. Fast enough to run after every step. */
export function invariantViolation(model: Model): string | null {
  const owners = new Map<string, string>();
  for (const session of model.sessions.values()) {
    for (const g_uid of session.interactions) {
      if (owners.has(g_uid)) return `B1: ${g_uid} is listed by ${owners.get(g_uid)} and ${session.id}`;
      owners.set(g_uid, session.id);
    }
  }
  for (const interaction of model.interactions.values()) {
    const listedBy = owners.get(interaction.g_uid) ?? null;
    if (interaction.owner !== listedBy) {
      return `B3: ${interaction.g_uid} has owner ${interaction.owner} but is listed by ${listedBy}`;
    }
    const property = interaction.properties[OP_SESSION_ID];
    if (
      interaction.owner === null
        ? Object.hasOwn(interaction.properties, OP_SESSION_ID)
        : property !== interaction.owner
    ) {
      return `B2: ${interaction.g_uid} has owner ${interaction.owner} but OP-Session-ID ${property}`;
    }
  }
  return null;
}

export function expectInvariants(engine: Engine): void {
  expect(invariantViolation(engine.state)).toBeNull();
}
