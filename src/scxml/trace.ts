import type { SourcePosition } from './errors';
import type { ScxmlEvent } from './event';

/**
 * What a session did, as typed records a listener can journal or show. A macrostep starts with the
 * event it takes (none for the initial one), runs microsteps, and ends with the configuration.
 */
export type TraceRecord =
  | {
      readonly kind: 'macrostep.start';
      readonly session: string;
      readonly time: number;
      readonly event: ScxmlEvent | null;
    }
  | {
      readonly kind: 'microstep';
      readonly session: string;
      readonly event: ScxmlEvent | null;
      readonly transitions: readonly TraceTransition[];
      readonly exited: readonly string[];
      readonly entered: readonly string[];
    }
  | {
      readonly kind: 'action';
      readonly session: string;
      /** The element's name, `raise`, `send`..., or `{namespace}name` for a registered action. */
      readonly action: string;
      readonly position: SourcePosition;
      readonly detail?: string;
      /** A `<log>`'s ORS `level`. */
      readonly level?: number;
    }
  | {
      readonly kind: 'error';
      readonly session: string;
      /** `execution` and `communication` are the events raised; `fatal` ended the session. */
      readonly error: 'execution' | 'communication' | 'fatal';
      /** The error event raised (its name depends on the dialect); none for `fatal`. */
      readonly event?: string;
      readonly message: string;
      readonly position?: SourcePosition;
    }
  | {
      /** An action element no handler is registered for: its error event is raised, and it is shown as a warning. */
      readonly kind: 'warning';
      readonly session: string;
      readonly event: string;
      readonly message: string;
      readonly position?: SourcePosition;
    }
  | { readonly kind: 'macrostep.end'; readonly session: string; readonly configuration: readonly string[] }
  | {
      readonly kind: 'session.end';
      readonly session: string;
      readonly reason: 'done' | 'cancelled' | 'failed';
      /**
       * With `done`, the top-level `<final>` reached: no microstep names it when it is the
       * initial state.
       */
      readonly final?: string;
    };

export interface TraceTransition {
  readonly source: string;
  readonly event: readonly string[];
  readonly targets: readonly string[];
}

export type TraceListener = (record: TraceRecord) => void;
