import type { LineageArrow } from '../lineage/lineage';
import type { XY } from '../scene/layout';
import type { InteractionPlace, Scene } from '../scene/scene';
import type { NodeLooks } from './looks';

/**
 * What the far view paints (zoomed out past DETAIL_ZOOM, where a node is a few pixels and its
 * text unreadable): every container and chip as a coloured box, from the same scene and looks the
 * React Flow nodes are drawn from. Painting a thousand boxes on one canvas costs about half a
 * millisecond (profiled at 1,000 events/s); the same boxes as React Flow nodes cost a DOM node, a
 * component and a store subscription each, and a redraw under traffic took 40-60 ms.
 */
export interface FarFrame {
  readonly scene: Scene;
  readonly looks: NodeLooks;
  /** Where a chip is drawn now: its place, on its flight's course, or where it is held. */
  at(place: InteractionPlace): XY;
  /** The chip has a React Flow node of its own now (under the pointer, dragged): not painted. */
  lifted(g_uid: string): boolean;
  /** The selected interaction's path of moves, painted over the boxes. */
  readonly lineage: readonly LineageArrow[];
}
