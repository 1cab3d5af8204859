import type { WireResult } from '../../protocol/messages';
import type { AssociateRequest } from '../../store/actions/associate';
import type { InspectorState } from '../../store/state';
import { type DropVerdict, NO_DROP } from '../scene/drop-verdict';
import type { XY } from '../scene/layout';
import type { ContainerPlace } from '../scene/scene';
import { resolveDrop } from './drop-target';

/**
 * Where a drag's state lives: the graph's controller alone holds the dragged chip, the verdict
 * shown and a dropped chip waiting for its move. The gesture below keeps none of it.
 */
export interface DragOwner {
  dragged(): string | null;
  startDrag(g_uid: string): void;
  /** Shows the verdict under the pointer; false when that one was shown already. */
  setHover(verdict: DropVerdict): boolean;
  /** A drop was sent: the chip stays where it was dropped until its move arrives. */
  hold(g_uid: string): void;
  /** Nothing was sent, or the engine refused: the chip goes back to its owner. */
  returnHome(g_uid: string): void;
}

/**
 * Drag-to-associate as a plain gesture controller (xyflow-style: no React; a thin hook mounts it
 * and feeds it pointer positions in flow coordinates). It resolves the container under the
 * pointer, asks the engine's own checks while hovering, and on drop sends one associate. The
 * engine is the judge: a drop on another session is sent even if the page's check refuses it,
 * and the action shows the refusal.
 */
export interface DragAssociateOptions {
  getState(): Pick<InspectorState, 'model' | 'connection' | 'at'>;
  containers(): readonly ContainerPlace[];
  associate(request: AssociateRequest): Promise<WireResult>;
  owner: DragOwner;
}

export interface DragAssociate {
  start(g_uid: string): void;
  move(point: XY): void;
  /** Resolves once the engine has answered (or at once when nothing is sent). */
  drop(point: XY): Promise<void>;
}

export function createDragAssociate({
  getState,
  containers,
  associate,
  owner,
}: DragAssociateOptions): DragAssociate {
  const resolve = (g_uid: string, point: XY) => resolveDrop(getState(), g_uid, point, containers());
  return {
    start(g_uid) {
      owner.startDrag(g_uid);
    },
    move(point) {
      const g_uid = owner.dragged();
      if (g_uid !== null) owner.setHover(resolve(g_uid, point));
    },
    async drop(point) {
      const g_uid = owner.dragged();
      if (g_uid === null) return;
      const target = resolve(g_uid, point);
      owner.setHover(NO_DROP);
      if (target.kind !== 'target') {
        owner.returnHome(g_uid);
        return;
      }
      owner.hold(g_uid);
      const result = await associate({ g_uid, target: target.session, origin: 'drag' });
      if (!result.ok) owner.returnHome(g_uid);
    },
  };
}
