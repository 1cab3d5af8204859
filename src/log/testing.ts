import type { Connection, Role, TrafficChange } from '../connection/types';
import { type Command, Engine, type EngineEvent, type Snapshot } from '../engine';
import { DEFAULT_TRAFFIC, type TrafficStatus, type WireResult } from '../protocol/messages';
import { createInspectorStore, type InspectorStore } from '../store/store';

/** Shared by this folder's tests: a fixed clock, a store fed by a real engine, a fake transport. */
export const T0 = Date.UTC(2024, 0, 2, 3, 4, 5, 6);

/**
 * A test double of the transport: it records the commands it is sent and runs them on a real
 * engine, whose events reach the store the way a live connection's would.
 */
export class FakeConnection implements Connection {
  readonly kind = 'worker';
  readonly commands: Command[] = [];

  constructor(
    readonly engine: Engine,
    private readonly store: InspectorStore,
    readonly role: Role = 'operator',
  ) {}

  async start(): Promise<void> {}
  stop(): void {}

  async command(command: Command): Promise<WireResult> {
    this.commands.push(command);
    const result = this.engine.execute(command);
    if (!result.ok) return result;
    this.store.getState().applyEvents(result.events);
    const first = result.events[0]?.seq ?? this.engine.seq;
    return { ok: true, command: result.command, firstSeq: first, lastSeq: this.engine.seq };
  }

  async traffic(change: TrafficChange): Promise<TrafficStatus> {
    return { ...DEFAULT_TRAFFIC, ...change };
  }

  async reset(): Promise<void> {}

  async snapshot(): Promise<Snapshot> {
    return this.engine.snapshot();
  }
}

/** An engine, a store synced to it, and a fake connection between them. */
export function inspectorOn(role: Role = 'operator') {
  const engine = new Engine({ clock: () => T0 });
  const store = createInspectorStore('worker', role);
  store.getState().loadSnapshot({ epoch: 'test', snapshot: engine.snapshot(), traffic: DEFAULT_TRAFFIC });
  const connection = new FakeConnection(engine, store, role);
  /** Runs a command straight on the engine (traffic, say) and feeds its events to the store. */
  const run = (command: Command): readonly EngineEvent[] => {
    const result = engine.execute(command);
    if (!result.ok) throw new Error(`${command.verb} refused: ${result.error.reason}`);
    store.getState().applyEvents(result.events);
    return result.events;
  };
  return { engine, store, connection, run };
}
