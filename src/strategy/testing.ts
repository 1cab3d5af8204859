import { Engine, type EngineEvent, type MediaName, type Udata } from '../engine';
import { VirtualClock } from '../scxml/clock';
import { loadRealmFactory } from '../scxml/script/node-realms';
import type { RealmFactory } from '../scxml/script/realm';
import type { TraceRecord } from '../scxml/trace';
import { IXN_NAMESPACE } from './ixn-actions';
import { StrategyRuntime, type StrategyRuntimeOptions } from './runtime';

let realms: Promise<RealmFactory> | null = null;

/** The sandboxed realms, loaded once per test file. */
export function testRealms(): Promise<RealmFactory> {
  realms ??= loadRealmFactory();
  return realms;
}

/** A strategy document: SCXML with the ECMAScript datamodel and the `ixn` prefix bound (tests only). */
export const strategy = (name: string, body: string, initial = '') =>
  `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:ixn="${IXN_NAMESPACE}" version="1.0" datamodel="ecmascript" name="${name}"${initial ? ` initial="${initial}"` : ''}>${body}</scxml>`;

/**
 * An engine and a runtime on one virtual clock, documents by name, and what happened: the
 * journal, every trace record, and per session the events its state machine took and its logs.
 */
export async function strategyRig(
  documents: Readonly<Record<string, string>>,
  options: Partial<Omit<StrategyRuntimeOptions, 'engine' | 'clock' | 'documents'>> = {},
) {
  const clock = new VirtualClock();
  const engine = new Engine({ clock: () => clock.now() });
  const journal: EngineEvent[] = [];
  engine.subscribe((events) => journal.push(...events));
  const trace: TraceRecord[] = [];
  const runtime = new StrategyRuntime({
    engine,
    clock,
    realms: await testRealms(),
    documents: (src) => documents[src] ?? null,
    onTrace: (record) => trace.push(record),
    ...options,
  });
  /** The events a session's state machine took, in order. */
  const taken = (session: string) =>
    trace.flatMap((r) =>
      r.kind === 'macrostep.start' && r.session === session && r.event ? [r.event.name] : [],
    );
  /** What a session's `<log label expr>` elements wrote, as `label: value`. */
  const logs = (session: string) =>
    trace.flatMap((r) =>
      r.kind === 'action' && r.session === session && r.action === 'log' ? [r.detail ?? ''] : [],
    );
  /** The data of the events a session took with this name. */
  const eventData = (session: string, name: string) =>
    trace.flatMap((r) =>
      r.kind === 'macrostep.start' && r.session === session && r.event?.name === name ? [r.event.data] : [],
    );
  return { engine, runtime, clock, journal, trace, taken, logs, eventData };
}

/** An arrival on `queue` of interaction `g_uid`, starting session `session`. */
export function arrive(
  engine: Engine,
  queue: string,
  g_uid: string,
  session: string,
  more: { readonly media?: MediaName; readonly udata?: Udata } = {},
): void {
  const result = engine.execute({ verb: 'arrive', media: 'TMediaVoice', ...more, queue, g_uid, session });
  if (!result.ok) throw new Error(`arrival refused: ${JSON.stringify(result.error)}`);
}

/** A rig running `document` for queue `q`, after interaction G1 arrived there and started S-1. */
export async function arrivedRig(document: string, more: Parameters<typeof arrive>[4] = {}) {
  const rig = await strategyRig({ 'doc.scxml': document });
  const provisioned = rig.runtime.provision('q', 'doc.scxml');
  if (!provisioned.ok) throw new Error(provisioned.error.reason);
  arrive(rig.engine, 'q', 'G1', 'S-1', more);
  return rig;
}
