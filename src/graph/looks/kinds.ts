import type { MediaKind } from '../../display/media-kind';
import type { InteractionState, MediaName, SessionState } from '../../engine';
import type { Flight } from '../scene/animation';

/** How a node looks now. Looks are memoized: same inputs, same object. */
export type SessionLook = {
  readonly id: string;
  readonly src: string;
  /** X10: the session whose `<invoke>` started this one; null for any other. */
  readonly invoker: string | null;
  readonly state: SessionState;
  readonly count: number;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly selected: boolean;
  readonly flash: boolean;
  /** While an interaction is dragged over it: would the engine take it here? */
  readonly drop: 'ok' | 'refused' | null;
  readonly refusal: string | null;
};

export type UnownedLook = {
  readonly count: number;
  readonly flash: boolean;
};

export type InteractionLook = {
  readonly g_uid: string;
  readonly short: string;
  readonly media: MediaName;
  readonly kind: MediaKind;
  readonly state: InteractionState;
  readonly owner: string | null;
  readonly selected: boolean;
  /**
   * Travelling between containers (class `moving`): the node already sits at its new place, and
   * its chip plays the way there from `flight.from` (use-flight.ts). Null when at rest.
   */
  readonly flight: Flight | null;
  /** Just moved without travelling (reduced motion) or just arrived. */
  readonly highlight: boolean;
};

/** "1 interaction", "3 interactions". */
export function interactionCount(count: number): string {
  return `${count} ${count === 1 ? 'interaction' : 'interactions'}`;
}

/** A session's tooltip, also what a screen reader adds to its name: a refused drop's reason, or what it is. */
export function sessionTitle(look: SessionLook): string {
  const invoked = look.invoker === null ? '' : ` · invoked by ${look.invoker}`;
  return (
    look.refusal ?? `${look.id}${invoked} · ${look.src} · ${look.state} · ${interactionCount(look.count)}`
  );
}

/** An interaction's tooltip, also what a screen reader adds to its name (id and media). */
export function interactionTitle(look: InteractionLook): string {
  return `${look.g_uid} · ${look.media} · ${look.state} · ${look.owner ?? 'no owner'}`;
}

/** The look of each kind of node: what its component reads, and what the far view paints. */
export interface LookOf {
  readonly session: SessionLook;
  readonly unowned: UnownedLook;
  readonly interaction: InteractionLook;
}

export type LookKind = keyof LookOf;
