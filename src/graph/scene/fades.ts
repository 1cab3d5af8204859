import type { SessionRecord } from '../../engine';

/** How long an ended session stays drawn, dimmed (graph.css). Then its slot is free. */
export const FADE_MS = 1100;

/**
 * Which sessions are drawn: the running ones, and the ended ones while they fade. The store keeps
 * an ended session for 15 s (event time); the graph lets it go after its fade, timed on this
 * page's clock from when it was first seen ended.
 */
export class FadeTracker {
  private readonly endedSince = new Map<string, number>();

  drawn(sessions: ReadonlyMap<string, SessionRecord>, now: number): SessionRecord[] {
    const out: SessionRecord[] = [];
    for (const session of sessions.values()) {
      if (session.state === 'running') {
        out.push(session);
        continue;
      }
      let since = this.endedSince.get(session.id);
      if (since === undefined) {
        since = now;
        this.endedSince.set(session.id, now);
      }
      if (now - since < FADE_MS) out.push(session);
    }
    for (const id of this.endedSince.keys()) if (!sessions.has(id)) this.endedSince.delete(id);
    return out;
  }

  /** When the next fade ends (a session stops being drawn), or null when none is fading. */
  nextChange(now: number): number | null {
    let next: number | null = null;
    for (const since of this.endedSince.values()) {
      const end = since + FADE_MS;
      if (end > now && (next === null || end < next)) next = end;
    }
    return next;
  }
}
