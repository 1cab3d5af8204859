import type { WireResult } from '../../protocol/messages';
import type { AssociateRequest } from '../../store/actions/associate';
import type { InspectorState } from '../../store/state';
import type { XY } from '../scene/layout';
import type { ContainerPlace } from '../scene/scene';
import { type DropVerdict, resolveDrop, sameVerdict } from './drop-target';

/**
 * Drag-to-associate as a plain gesture controller (xyflow-style: no React; a thin hook mounts it
 * and feeds it pointer positions in flow coordinates). It resolves the container under the
 * pointer, asks the engine's own checks while hovering, and on drop sends one associate. The
 * engine is the judge: a drop on another session is sent even if the page's check refuses it,
 * and the action shows the refusal.
 */
export interface DragAssociateOptions {
  getState(): Pick<InspectorState, 'model' | 'connection'>;
  containers(): readonly ContainerPlace[];
  associate(request: AssociateRequest): Promise<WireResult>;
  /** The verdict under the pointer changed. */
  onHover(verdict: DropVerdict): void;
  /** A drop was sent: hold the node where it was dropped until the move arrives. */
  onSent(g_uid: string): void;
  /** Nothing was sent, or the engine refused: the node goes back to its owner. */
  onReturn(g_uid: string): void;
}

export interface DragAssociate {
  start(g_uid: string): void;
  move(point: XY): void;
  /** Resolves once the engine has answered (or at once when nothing is sent). */
  drop(point: XY): Promise<void>;
}

const NONE: DropVerdict = { kind: 'none' };

export function createDragAssociate(options: DragAssociateOptions): DragAssociate {
  let dragging: string | null = null;
  let verdict: DropVerdict = NONE;

  const show = (next: DropVerdict) => {
    if (sameVerdict(verdict, next)) return;
    verdict = next;
    options.onHover(next);
  };
  const resolve = (g_uid: string, point: XY) =>
    resolveDrop(options.getState(), g_uid, point, options.containers());

  return {
    start(g_uid) {
      dragging = g_uid;
      show(NONE);
    },
    move(point) {
      if (dragging !== null) show(resolve(dragging, point));
    },
    async drop(point) {
      const g_uid = dragging;
      if (g_uid === null) return;
      const target = resolve(g_uid, point);
      dragging = null;
      show(NONE);
      if (target.kind !== 'target') {
        options.onReturn(g_uid);
        return;
      }
      options.onSent(g_uid);
      const result = await options.associate({ g_uid, target: target.session, origin: 'drag' });
      if (!result.ok) options.onReturn(g_uid);
    },
  };
}
