import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionKind, ConnectionStatus, SnapshotMessage } from '../connection/types';
import { createModel, type EngineEvent, modelFromSnapshot } from '../engine';
import {
  DEFAULT_TRAFFIC,
  type StrategyCatalog,
  type StrategyLabel,
  type TrafficStatus,
} from '../protocol/messages';
import type { Role } from '../protocol/role';
import type { StepUnit } from '../timeline/steps';
import { stepTarget } from '../timeline/steps';
import type { PageState } from './apply-batch';
import { LogBuffer, type LogRow } from './log-buffer';
import { pageRecord } from './page-record';
import {
  type InspectorState,
  type LogFilters,
  NO_FILTERS,
  type Selection,
  type Toast,
  type Unsettled,
} from './state';
import { rowsThrough, travelView } from './time-travel';

/** What the UI may do to the store. Commands to the engine are actions (src/store/actions). */
export interface InspectorActions {
  /**
   * A whole state from the connection: it replaces the model. The log keeps its rows, marked
   * with a resync, or with an epoch divider when the engine's life changed.
   */
  loadSnapshot(message: SnapshotMessage): void;
  applyEvents(events: readonly EngineEvent[]): void;
  /** Strategy labels from the host: a session's strategy and its active states. */
  applyStrategies(labels: readonly StrategyLabel[]): void;
  /** The host's strategy catalog: it replaces the last one (it is the present, whatever seq is on screen). */
  setCatalog(catalog: StrategyCatalog): void;
  /** A row that is not a journaled event: a refusal, a resync marker. */
  addLogRow(row: LogRow): void;
  setConnection(status: ConnectionStatus): void;
  setTraffic(traffic: TrafficStatus): void;
  select(selection: Selection): void;
  /** Follows an interaction on the graph, or stops (null). Selecting anything else stops too. */
  setFollowed(g_uid: string | null): void;
  setFilters(change: Partial<LogFilters>): void;
  clearFilters(): void;
  pauseLog(): void;
  resumeLog(): void;
  toast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  /** A command whose outcome the lost link hid; `settle` it after the resync (settle.ts). */
  addUnsettled(command: Unsettled): void;
  /** Forgets what the resync settled. */
  clearUnsettled(): void;
  /**
   * Shows the state at `seq` (the record's present goes live). Throws a TimelineError `notheld`
   * for a seq the record does not hold, changing nothing.
   */
  travelTo(seq: number): void;
  /** Back to the present: everything that arrived meanwhile is shown. */
  goLive(): void;
  /**
   * One step from the seq on screen (timeline/steps.ts says where each unit lands); reaching the
   * present goes live, and where there is nothing further it does nothing, nor while the state on
   * screen is a long recording's final state that the record has not reached yet (`filling`).
   * `selected` needs a selection (TimelineError `badunit`).
   */
  step(unit: StepUnit, direction: 1 | -1): void;
}

export type InspectorStore = StoreApi<InspectorState & InspectorActions>;

let toastIds = 0;

export function initialState(
  kind: ConnectionKind = 'worker',
  role: Role | null = 'operator',
): InspectorState {
  const model = createModel();
  const page: PageState = { seq: 0, model, moves: [], history: new Map(), ended: [], strategies: new Map() };
  const nothing = { seq: 0, commands: 0, ids: model.ids, sessions: [], interactions: [] };
  return {
    connection: { kind, role, status: { state: 'connecting' } },
    epoch: null,
    seq: 0,
    at: null,
    // Empty until the first snapshot: there is no past to go to.
    record: pageRecord({ epoch: '', snapshot: nothing, traffic: DEFAULT_TRAFFIC }, page),
    filling: null,
    logAt: null,
    recordRow: 0,
    model,
    log: new LogBuffer(),
    logVersion: 0,
    moves: [],
    history: new Map(),
    ended: [],
    strategies: new Map(),
    catalog: null,
    selection: null,
    followed: null,
    filters: NO_FILTERS,
    follow: true,
    pausedAt: 0,
    traffic: DEFAULT_TRAFFIC,
    toasts: [],
    unsettled: [],
  };
}

/**
 * The inspector's state, a vanilla zustand store: tested without React, bound to components by
 * the selectors in selectors.ts. Every write is one `set`, so one event batch is one commit.
 */
export function createInspectorStore(
  kind: ConnectionKind = 'worker',
  role: Role | null = 'operator',
): InspectorStore {
  return createStore<InspectorState & InspectorActions>()((set, get) => ({
    ...initialState(kind, role),

    loadSnapshot(message) {
      const { epoch, snapshot, traffic, fillTo } = message;
      const state = get();
      const sameEpoch = state.epoch === epoch;
      // The log is what the user saw: a reset or a restarted server does not take it away.
      const log = state.log;
      const model = modelFromSnapshot(snapshot);
      // What ended before we arrived is history: the page only shows what is alive.
      for (const session of snapshot.sessions)
        if (session.state === 'ended') model.sessions.delete(session.id);
      for (const interaction of snapshot.interactions) {
        if (interaction.state === 'ended') model.interactions.delete(interaction.g_uid);
      }
      const page: PageState = {
        seq: snapshot.seq,
        model,
        moves: [],
        history: sameEpoch ? state.record.head.history : new Map(),
        ended: [],
        // The host sends every running strategy's label right after a snapshot.
        strategies: new Map(),
      };
      if (fillTo !== undefined && sameEpoch && state.seq === fillTo) {
        // The record starts over from this base, behind the state on screen, which stays.
        const { model: shownModel, moves, history, ended, strategies } = state;
        const shown = { model: shownModel, moves, history, ended, strategies };
        set({ record: pageRecord(message, page), filling: { to: fillTo, shown }, recordRow: log.total });
        return;
      }
      // A resync, or another engine life (a reset, a server restarted after a crash): say so.
      const time = Date.now();
      if (sameEpoch) {
        log.append({
          kind: 'marker',
          time,
          seq: snapshot.seq,
          text: `resynced from a snapshot at seq ${snapshot.seq}`,
        });
      } else if (state.epoch !== null) {
        log.append({ kind: 'marker', time, seq: snapshot.seq, epoch, text: newEpochText(snapshot.seq) });
      }
      // Any snapshot starts a new record, and the present: what came before it may have a gap.
      set({
        epoch,
        ...page,
        at: null,
        record: pageRecord(message, page),
        filling: null,
        logAt: null,
        recordRow: log.total,
        log,
        logVersion: state.logVersion + 1,
        traffic,
        selection: sameEpoch ? state.selection : null,
      });
    },

    applyEvents(events) {
      const { record, log, logVersion, at, filling } = get();
      // A batch that leaves a gap is refused before anything (the log) takes it.
      const fresh = record.fresh(events);
      if (fresh.length === 0) return;
      // The present moves on in the record, whatever is on screen.
      const head = record.append(fresh);
      for (const event of fresh) log.append({ kind: 'event', event });
      const rows = { logVersion: logVersion + 1 };
      if (filling !== null) {
        // Filled in: the record's present is the state on screen (its moves, already drawn, stay).
        const done = record.last >= filling.to ? { filling: null } : {};
        set(
          at === null && record.last >= filling.to
            ? { ...rows, ...done, ...head, moves: get().moves }
            : { ...rows, ...done },
        );
        return;
      }
      set(at === null ? { ...rows, ...head } : { ...rows, seq: head.seq });
    },

    setCatalog(catalog) {
      set({ catalog });
    },

    applyStrategies(labels) {
      const { record, at, filling } = get();
      const next = record.note(labels);
      if (at === null && filling === null) set({ strategies: next.strategies });
    },

    travelTo(seq) {
      const { record, at, log, recordRow, filling } = get();
      const present = filling?.to ?? record.last;
      if (at === null && seq === present) return;
      if (filling !== null && seq === filling.to) {
        set({ ...filling.shown, at: null, logAt: null, follow: true });
        return;
      }
      // While the record fills in, the state on screen may be past its last event.
      const from = Math.min(at ?? present, record.last);
      const view = travelView(record, from, seq);
      if (seq === record.last && filling === null) {
        set({ ...view, at: null, logAt: null, follow: true });
        return;
      }
      // The newest row at that seq in view: the log follows it, not the rows arriving after it.
      set({ ...view, at: seq, logAt: rowsThrough(log, recordRow, seq), follow: true });
    },

    goLive() {
      const { record, at, filling } = get();
      if (at !== null) get().travelTo(filling?.to ?? record.last);
    },

    step(unit, direction) {
      const { record, at, selection, filling } = get();
      // From what is on screen: while the record fills in, the final state, past what it holds
      // until the fill reaches it; a step from there would start from the middle of the file.
      const from = at ?? filling?.to ?? record.last;
      if (from > record.last) return;
      const query = selection === null ? null : { of: selection.kind, target: selection.id };
      const to = stepTarget(record, from, unit, direction, query);
      if (to !== null) get().travelTo(to);
    },

    addLogRow(row) {
      get().log.append(row);
      set({ logVersion: get().logVersion + 1 });
    },

    setConnection(status) {
      const role = status.state === 'connected' ? status.role : get().connection.role;
      set({ connection: { ...get().connection, role, status } });
    },

    setTraffic(traffic) {
      set({ traffic });
    },

    select(selection) {
      const { followed } = get();
      const still = selection?.kind === 'interaction' && selection.id === followed;
      set({ selection, followed: still ? followed : null });
    },

    setFollowed(g_uid) {
      set({ followed: g_uid });
    },

    setFilters(change) {
      set({ filters: { ...get().filters, ...change } });
    },

    clearFilters() {
      set({ filters: NO_FILTERS });
    },

    pauseLog() {
      if (get().follow) set({ follow: false, pausedAt: get().log.total });
    },

    resumeLog() {
      set({ follow: true });
    },

    toast(toast) {
      const id = ++toastIds;
      set({ toasts: [...get().toasts, { ...toast, id }].slice(-5) });
    },

    addUnsettled(command) {
      set({ unsettled: [...get().unsettled, command] });
    },

    clearUnsettled() {
      set({ unsettled: [] });
    },

    dismissToast(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
  }));
}

/** The divider's text: the seqs below it count again, from the new engine's snapshot. */
function newEpochText(seq: number): string {
  return `new engine epoch: the rows above are from the previous one; state reloaded from a snapshot at seq ${seq}`;
}
