import {
  type Connection,
  ConnectionError,
  type ProvisionRequest,
  type TrafficChange,
} from '../connection/types';
import { type Command, Engine, type EngineEvent, type MediaName, type Snapshot } from '../engine';
import { findHistory } from '../protocol/history';
import {
  DEFAULT_TRAFFIC,
  type History,
  type HistoryQuery,
  type StrategyInspection,
  type TrafficStatus,
  type WireResult,
} from '../protocol/messages';
import type { Role } from '../protocol/role';
import { answerStrategyRequest } from '../protocol/strategy-requests';
import { createInspectorStore, type InspectorStore } from './store';

const NO_STRATEGIES = { runtime: null, watch: null, uploads: null } as const;

function refusal(answer: ReturnType<typeof answerStrategyRequest>): ConnectionError {
  if (!('code' in answer)) return new ConnectionError('badreply', 'type', 'expected a refusal');
  return new ConnectionError(answer.code, answer.field, answer.reason);
}

/** For tests of what reads the store (graph, log): the engine's fixed clock. */
export const T0 = Date.UTC(2024, 0, 2, 3, 4, 5, 6);

/**
 * A real engine on a fixed clock, a store kept in step with it, and a connection between them
 * for components that send commands. `run` executes a command straight on the engine (traffic,
 * say) and feeds its events to the store; `arrive` is the commonest one.
 */
export function engineWithStore(role: Role = 'operator') {
  const engine = new Engine({ clock: () => T0 });
  const store = createInspectorStore('worker', role);
  store.getState().loadSnapshot({ epoch: 'test', snapshot: engine.snapshot(), traffic: DEFAULT_TRAFFIC });
  store.getState().setConnection({ state: 'connected', role });
  const connection = new EngineConnection(engine, store, role);
  const run = (command: Command): readonly EngineEvent[] => {
    const result = engine.execute(command);
    if (!result.ok) throw new Error(`${command.verb} refused: ${result.error.reason}`);
    store.getState().applyEvents(result.events);
    return result.events;
  };
  /** An interaction arrives and starts the session that owns it. */
  const arrive = (media: MediaName = 'TMediaVoice'): { session: string; g_uid: string } => {
    const created = run({ verb: 'arrive', media }).find((e) => e.name === 'interaction.created');
    if (created?.name !== 'interaction.created') throw new Error('arrive created no interaction');
    const g_uid = created.data.interaction.g_uid;
    return { g_uid, session: engine.state.interactions.get(g_uid)?.owner as string };
  };
  return { engine, store, connection, run, arrive };
}

/**
 * A Connection test double: it records the commands it is sent and runs them on the engine, whose
 * events reach the store the way a live connection's would (refusals are returned, not applied).
 */
class EngineConnection implements Connection {
  readonly kind = 'worker';
  readonly commands: Command[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly store: InspectorStore,
    readonly role: Role,
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

  /** This engine runs no strategies: refused as a host without them refuses. */
  async strategy(session: string): Promise<StrategyInspection> {
    throw refusal(answerStrategyRequest({ v: 1, id: 0, type: 'strategy', session }, NO_STRATEGIES));
  }

  async provision(request: ProvisionRequest): Promise<{ queue: string; strategy: string }> {
    throw refusal(answerStrategyRequest({ v: 1, id: 0, type: 'provision', ...request }, NO_STRATEGIES));
  }

  /** Answered by the hosts' own lookup, on this engine's memory. */
  async history(query: HistoryQuery): Promise<History> {
    const found = await findHistory(this.engine, 'test', query, null);
    if ('code' in found) throw new ConnectionError(found.code, found.field, found.reason);
    return found;
  }
}
