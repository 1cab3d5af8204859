import { LIMITS, type StrategyCause } from '../engine';
import type { ScxmlDocument } from '../scxml/model';
import type { TraceRecord } from '../scxml/trace';
import { IXN_NAMESPACE } from './ixn-actions';
import { type Made, placeOf } from './where';

/**
 * A session running a strategy, as the runtime follows it from its trace: what it owns as it sees
 * it (X4), the event and element it is running (for causes), how it ended.
 */
export class Running {
  /** X4: what the session has taken `interaction.added` for and not yet `interaction.deleted`. */
  readonly owned: string[] = [];
  private event: string | undefined;
  private action: Made | null = null;
  private entered: readonly string[] = [];
  /** The top-level final state the machine reached. */
  private final = '';
  /** Why the session failed (its fatal trace record), for the end event's detail. */
  failure: string | undefined;

  constructor(
    readonly session: string,
    readonly document: ScxmlDocument,
    readonly src: string,
  ) {}

  /** The document's name, or its src without one. */
  get strategy(): string {
    return this.document.name ?? this.src;
  }

  follow(record: TraceRecord): void {
    switch (record.kind) {
      case 'macrostep.start':
        this.event = record.event?.name;
        this.action = null;
        this.collection(record.event?.name, record.event?.data);
        return;
      case 'microstep':
        this.entered = record.entered;
        return;
      case 'action':
        this.action = { element: elementName(record.action), position: record.position };
        return;
      case 'error':
        if (record.error === 'fatal') this.failure = record.message;
        return;
      case 'session.end':
        this.final = record.final ?? '';
        return;
      default:
        return;
    }
  }

  /** Where a command made by `made` (the running element when not given) comes from. */
  cause(made: Made | null = this.action): StrategyCause {
    const place = made === null ? undefined : placeOf(this.document, made.position);
    return {
      strategy: clip(this.strategy),
      session: this.session,
      state: clip(place?.state ?? this.entered.at(-1) ?? ''),
      within: place?.within ?? '',
      element: made?.element ?? '',
      line: made?.position.line ?? 0,
      ...(this.event === undefined ? {} : { event: clip(this.event) }),
    };
  }

  /** Why the machine's end ends its engine session: the final state it entered, or what failed. */
  endCause(done: boolean): StrategyCause {
    if (!done) return this.cause();
    return { ...this.cause(null), state: clip(this.final), within: 'final', element: 'final' };
  }

  /** X4: the collection changes when the session takes the event, not when the engine journals it. */
  private collection(name: string | undefined, data: unknown): void {
    const id =
      typeof data === 'object' && data !== null && 'interactionid' in data ? data.interactionid : null;
    if (typeof id !== 'string') return;
    const at = this.owned.indexOf(id);
    if (name === 'interaction.added' && at < 0) this.owned.push(id);
    if (name === 'interaction.deleted' && at >= 0) this.owned.splice(at, 1);
  }
}

/** A cause's texts are held to the engine's limit, so an overlong state id cannot refuse a command. */
const clip = (text: string) => text.slice(0, LIMITS.text);

/** A trace's `{namespace}name` as a strategy writes it: `ixn:associate` for ORS's interaction actions. */
export function elementName(action: string): string {
  const match = /^\{(.*)\}(.+)$/.exec(action);
  if (match === null) return action;
  return match[1] === IXN_NAMESPACE ? `ixn:${match[2]}` : (match[2] ?? action);
}
