import type { CommandError } from '../../engine';
import { checkAssociate } from '../../store/actions/associate';
import type { InspectorState } from '../../store/state';
import { contains, type XY } from '../scene/layout';
import type { ContainerPlace } from '../scene/scene';

/**
 * What dropping a dragged interaction at a point would do:
 * - `none`: not over a session (empty space, the Unowned area), or over the session that owns it:
 *   nothing is sent and the chip goes home. Putting a chip back where it was is a cancelled drag,
 *   not a request the engine would refuse (A6, "already owns it").
 * - `target`: over another session: an associate is sent; `refusal` is the engine's own check on
 *   the page's model (null: it would be accepted), shown while hovering.
 */
export type DropVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'target'; readonly session: string; readonly refusal: CommandError | null };

const NONE: DropVerdict = { kind: 'none' };

/** The session container under the point; the last drawn wins where containers overlap. */
export function sessionAt(containers: readonly ContainerPlace[], point: XY): ContainerPlace | null {
  for (let i = containers.length - 1; i >= 0; i--) {
    const container = containers[i] as ContainerPlace;
    if (container.kind === 'session' && contains(container.rect, point)) return container;
  }
  return null;
}

export function resolveDrop(
  state: Pick<InspectorState, 'model' | 'connection'>,
  g_uid: string,
  point: XY,
  containers: readonly ContainerPlace[],
): DropVerdict {
  const session = sessionAt(containers, point)?.session;
  if (session === undefined || session === null) return NONE;
  if (state.model.interactions.get(g_uid)?.owner === session.id) return NONE;
  return {
    kind: 'target',
    session: session.id,
    refusal: checkAssociate(state, { g_uid, target: session.id, origin: 'drag' }),
  };
}

export function sameVerdict(a: DropVerdict, b: DropVerdict): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'none' || b.kind === 'none') return true;
  return a.session === b.session && a.refusal?.reason === b.refusal?.reason;
}
