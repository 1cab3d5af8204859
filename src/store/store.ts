import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionKind, ConnectionStatus, SnapshotMessage } from '../connection/types';
import { createModel, type EngineEvent, modelFromSnapshot } from '../engine';
import { DEFAULT_TRAFFIC, type StrategyLabel, type TrafficStatus } from '../protocol/messages';
import type { Role } from '../protocol/role';
import { applyBatch } from './apply-batch';
import { LogBuffer, type LogRow } from './log-buffer';
import {
  type InspectorState,
  type LogFilters,
  NO_FILTERS,
  type Selection,
  type Toast,
  type Unsettled,
} from './state';

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
  /** A row that is not a journaled event: a refusal, a resync marker. */
  addLogRow(row: LogRow): void;
  setConnection(status: ConnectionStatus): void;
  setTraffic(traffic: TrafficStatus): void;
  select(selection: Selection): void;
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
}

export type InspectorStore = StoreApi<InspectorState & InspectorActions>;

let toastIds = 0;

export function initialState(
  kind: ConnectionKind = 'worker',
  role: Role | null = 'operator',
): InspectorState {
  return {
    connection: { kind, role, status: { state: 'connecting' } },
    epoch: null,
    seq: 0,
    model: createModel(),
    log: new LogBuffer(),
    logVersion: 0,
    moves: [],
    history: new Map(),
    ended: [],
    strategies: new Map(),
    selection: null,
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

    loadSnapshot({ epoch, snapshot, traffic }) {
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
      set({
        epoch,
        seq: snapshot.seq,
        model,
        log,
        logVersion: state.logVersion + 1,
        moves: [],
        history: sameEpoch ? state.history : new Map(),
        ended: [],
        // The host sends every running strategy's label right after a snapshot.
        strategies: new Map(),
        traffic,
        selection: sameEpoch ? state.selection : null,
      });
    },

    applyEvents(events) {
      const next = applyBatch(get(), events);
      if (next !== get()) set(next);
    },

    applyStrategies(labels) {
      const strategies = new Map(get().strategies);
      const { sessions } = get().model;
      for (const label of labels) {
        // Kept before the session's start is drawn (its events may still wait for a frame), but an
        // end is not kept for a session the page no longer shows: forgetting it drops its label.
        if (label.states.length > 0 || sessions.has(label.session)) strategies.set(label.session, label);
      }
      set({ strategies });
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
      set({ selection });
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
