import { checkAssociate } from '../../store/actions/associate';
import type { InspectorState } from '../../store/state';
import { type DropVerdict, NO_DROP } from '../scene/drop-verdict';
import type { XY } from '../scene/layout';
import { type ContainerPlace, sessionAt } from '../scene/scene';

/** The verdict on dropping interaction `g_uid` at `point` (flow coordinates); see DropVerdict. */
export function resolveDrop(
  state: Pick<InspectorState, 'model' | 'connection' | 'at'>,
  g_uid: string,
  point: XY,
  containers: readonly ContainerPlace[],
): DropVerdict {
  const session = sessionAt(containers, point)?.session;
  if (session === undefined || session === null) return NO_DROP;
  if (state.model.interactions.get(g_uid)?.owner === session.id) return NO_DROP;
  return {
    kind: 'target',
    session: session.id,
    refusal: checkAssociate(state, { g_uid, target: session.id, origin: 'drag' }),
  };
}
