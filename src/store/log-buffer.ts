import type { CommandError, EngineEvent } from '../engine';
import { RECORD_CAPACITY } from '../timeline/record';
import { CodeColumn } from './code-column';

/** One row of the event log: a journaled event, a refusal the user caused, or a marker. */
export type LogRow =
  | { readonly kind: 'event'; readonly event: EngineEvent }
  | {
      readonly kind: 'error';
      readonly time: number;
      readonly error: CommandError;
      /** The session the refused command came from, and its interaction, when it named them. */
      readonly session: string | null;
      readonly interaction: string | null;
      readonly origin: string;
    }
  | {
      readonly kind: 'marker';
      readonly time: number;
      readonly text: string;
      readonly seq: number;
      /** Set on an epoch divider: the rows after it are of this engine life, their seqs anew. */
      readonly epoch?: string;
    };

/**
 * The log's rows, append-only and shared between store versions: a batch appends in place and
 * the store bumps `version`, so a frame costs the new rows, not a copy of 100,000 old ones.
 * Past `capacity` the oldest rows are dropped in bulk; `dropped` counts them, so row `i` of the
 * whole run is `rows[i - dropped]`.
 */
export class LogBuffer {
  rows: LogRow[] = [];
  dropped = 0;
  /** Each row's event name as a code, beside `rows` position for position (the query scans it). */
  readonly names = new CodeColumn();
  /** Each event row's one session as a code; 0 for an owner change, which concerns three. */
  readonly sessions = new CodeColumn();

  /** As many rows as the timeline's record holds events: the log reaches back as far as it. */
  constructor(readonly capacity = RECORD_CAPACITY) {}

  get length(): number {
    return this.rows.length;
  }

  /** Total rows ever appended. */
  get total(): number {
    return this.dropped + this.rows.length;
  }

  append(row: LogRow): void {
    this.rows.push(row);
    const event = row.kind === 'event' ? row.event : null;
    const name = event === null ? null : event.name;
    this.names.push(name);
    this.sessions.push(event === null || name === 'interaction.owner.changed' ? null : event.session);
    if (this.rows.length > this.capacity * 1.2) {
      const drop = this.rows.length - this.capacity;
      this.rows = this.rows.slice(drop);
      this.names.dropFront(drop);
      this.sessions.dropFront(drop);
      this.dropped += drop;
    }
  }
}
