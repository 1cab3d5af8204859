import { applyEvent } from './apply';
import type { Command } from './commands';
import { type CommandError, Refusal } from './errors';
import type { Cause, EngineEvent, Origin } from './events';
import { Journal } from './journal';
import { createModel, type Model } from './model';
import { modelFromSnapshot, type Snapshot, takeSnapshot } from './snapshot';
import { validateCommand } from './validate';
import { ACTION_VERBS, HANDLERS } from './verbs';
import type { PlanContext } from './verbs/context';

export type CommandResult =
  /** `command` numbers the accepted commands that journaled events; null for one that changed nothing. */
  | { readonly ok: true; readonly command: number | null; readonly events: readonly EngineEvent[] }
  | { readonly ok: false; readonly error: CommandError };

const NO_CAUSE: Cause = { command: 0, verb: '', origin: 'api' };

export type EventListener = (events: readonly EngineEvent[]) => void;

export interface EngineOptions {
  /** Milliseconds since the epoch; injectable so tests and replays are deterministic. */
  readonly clock?: () => number;
  /** How many events the journal keeps in memory (see Journal). */
  readonly retain?: number;
}

/**
 * The ORS interaction engine: commands in, events out. A command's handler reads the model and
 * emits its events, stamped with `seq`, `time` and `cause`; a refusal throws and discards them.
 * Only then is each event folded into the model by `applyEvent` and journaled.
 */
export class Engine {
  private model: Model;
  private journal: Journal;
  private commands: number;
  private refusals = 0;
  private readonly clock: () => number;
  private readonly retain: number;
  private readonly listeners = new Set<EventListener>();
  private readonly unnotified: (readonly EngineEvent[])[] = [];
  private notifying = false;
  /** The command being planned; `emit` is made once, not per command, as it runs per event. */
  private plan: { events: EngineEvent[]; time: number; cause: Cause } = {
    events: [],
    time: 0,
    cause: NO_CAUSE,
  };
  private readonly emit: PlanContext['emit'] = (name, session, data) => {
    const { events, time, cause } = this.plan;
    events.push({ seq: this.seq + events.length + 1, time, name, session, data, cause } as EngineEvent);
  };

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.retain = options.retain ?? Number.POSITIVE_INFINITY;
    this.model = createModel();
    this.journal = new Journal(this.retain);
    this.commands = 0;
  }

  /** E2: an engine rebuilt from a journal (optionally on top of the snapshot it continues). */
  static replay(events: Iterable<EngineEvent>, options: EngineOptions = {}, from?: Snapshot): Engine {
    const engine = new Engine(options);
    if (from !== undefined) engine.load(from);
    for (const event of events) engine.record(event);
    return engine;
  }

  /** Replaces the whole state with a snapshot (and forgets the journal before it). */
  load(snapshot: Snapshot): void {
    this.model = modelFromSnapshot(snapshot);
    this.journal = new Journal(this.retain, snapshot.seq);
    this.commands = snapshot.commands;
  }

  get seq(): number {
    return this.journal.lastSeq;
  }

  /** The current state. Read only: it changes through commands alone. */
  get state(): Readonly<Model> {
    return this.model;
  }

  snapshot(): Snapshot {
    return takeSnapshot(this.model, this.seq, this.commands);
  }

  /** The seq before the oldest event the journal still keeps (0 while it keeps them all). */
  get journalStart(): number {
    return this.journal.firstResumableSeq;
  }

  /** Journaled events after `seq`, or null when they are older than the journal keeps. */
  eventsSince(seq: number): readonly EngineEvent[] | null {
    return this.journal.since(seq);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Untrusted input (wire, file, UI): validated first (E1), never throws. */
  dispatch(input: unknown): CommandResult {
    const validation = validateCommand(input);
    if (!validation.ok) return validation;
    return this.execute(validation.command);
  }

  /** A command already typed and shape-checked (e.g. by the traffic generator). */
  execute(command: Command): CommandResult {
    const number = this.commands + 1;
    const given = 'requestid' in command ? command.requestid : undefined;
    const requestid = given ?? `R${number}`;
    const origin: Origin = command.origin ?? 'api';
    const made: Cause = ACTION_VERBS.has(command.verb)
      ? { command: number, verb: command.verb, origin, requestid }
      : { command: number, verb: command.verb, origin };
    const cause: Cause = command.strategy === undefined ? made : { ...made, strategy: command.strategy };
    const events: EngineEvent[] = [];
    this.plan = { events, time: this.clock(), cause };
    try {
      // The handlers table is keyed by verb, so the command always fits its handler.
      HANDLERS[command.verb](command as never, { model: this.model, requestid, emit: this.emit });
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: this.refusal(command, error, given) };
      throw error;
    }
    // A number names the events of a command, and lives in the journal through them: a command
    // that journals nothing (a purge with nothing to forget) has none, so replay numbers as live.
    if (events.length === 0) return { ok: true, command: null, events };
    for (const event of events) this.record(event);
    this.notify(events);
    return { ok: true, command: number, events };
  }

  /**
   * Journals events made by another engine (a replay re-feeding what was not made by strategies)
   * and tells listeners, as if this engine had made them. They must continue the journal's seq.
   */
  append(events: readonly EngineEvent[]): void {
    for (const event of events) {
      if (event.seq !== this.seq + 1)
        throw new Error(`event ${event.seq} does not follow the journal's last seq ${this.seq}`);
      this.record(event);
    }
    if (events.length > 0) this.notify(events);
  }

  /**
   * A listener may run a command (a strategy reacting to its events): that command's batch waits
   * until every listener has had the current one, so each listener sees batches in seq order.
   */
  private notify(events: readonly EngineEvent[]): void {
    this.unnotified.push(events);
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let batch = this.unnotified.shift(); batch; batch = this.unnotified.shift())
        for (const listener of this.listeners) listener(batch);
    } finally {
      this.notifying = false;
    }
  }

  private record(event: EngineEvent): EngineEvent {
    applyEvent(this.model, event);
    this.journal.append(event);
    this.commands = event.cause.command;
    return event;
  }

  private refusal(command: Command, refusal: Refusal, given: string | undefined): CommandError {
    const error = { code: refusal.code, field: refusal.field, reason: refusal.reason, verb: command.verb };
    if (!ACTION_VERBS.has(command.verb) || !('session' in command) || command.session === undefined)
      return error;
    // A refused action is also the ORS error event its requesting session receives (A6).
    const requestid = given ?? `R${this.commands + 1}.${++this.refusals}`;
    return {
      ...error,
      ors: {
        name: `error.interaction.${command.verb}`,
        session: command.session,
        data: { requestid, error: refusal.code, description: refusal.reason },
      },
    };
  }
}
