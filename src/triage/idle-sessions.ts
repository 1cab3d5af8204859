import type { EngineEvent, Snapshot } from '../engine';
import type { AnomalySink } from './types';
import { WaitDetector } from './wait-detector';

/**
 * Sessions that stay empty and idle: running, owning no interaction, and told nothing (no event
 * addressed to them) for longer than the limit. The entry's `seq` is the session's last event
 * before the quiet: its start, the move that emptied it, or the last thing it was told.
 */
export class IdleSessionDetector extends WaitDetector {
  /** Running sessions the detector knows from their start (or a snapshot): how many they own. */
  private readonly owned = new Map<string, number>();

  constructor(limit: number, sink: AnomalySink) {
    super(limit, sink, 'idle-session', 'session');
  }

  observe(event: EngineEvent): void {
    const session = event.session;
    if (event.name === 'session.started' && session !== null) this.owned.set(session, 0);
    if ((event.name === 'session.ended' || event.name === 'session.purged') && session !== null) {
      this.owned.delete(session);
      this.waiting.cancel(session);
      return;
    }
    let emptied: string | null = null;
    if (event.name === 'interaction.owner.changed') {
      const { from, to } = event.data;
      if (from !== null) this.count(from, -1);
      if (to !== null) this.count(to, +1);
      emptied = from;
    }
    // Anything a session is told, or an interaction leaving it, starts its quiet over while it owns nothing.
    for (const touched of [session, emptied]) {
      if (touched !== null && this.owned.get(touched) === 0)
        this.waiting.start(touched, event.time, event.seq);
    }
  }

  load(snapshot: Snapshot, time: number): void {
    for (const { id, state, interactions } of snapshot.sessions) {
      if (state !== 'running') continue;
      this.owned.set(id, interactions.length);
      if (interactions.length === 0) this.waiting.start(id, time, snapshot.seq);
    }
  }

  override clear(): void {
    super.clear();
    this.owned.clear();
  }

  private count(session: string, by: number): void {
    const owned = this.owned.get(session);
    if (owned === undefined) return;
    this.owned.set(session, Math.max(0, owned + by));
    if (owned + by > 0) this.waiting.cancel(session);
  }
}
