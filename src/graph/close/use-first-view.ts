import { type ReactFlowState, useReactFlow, type Viewport } from '@xyflow/react';
import { type RefObject, useEffect, useRef } from 'react';
import type { Size } from '../scene/columns';
import { firstView } from '../scene/first-view';

/** Room kept between the panel over the graph's top-left corner (Find) and the first row. */
const BELOW_PANEL = 8;

export const selectPane = (state: ReactFlowState): Size => ({ width: state.width, height: state.height });
export const samePane = (a: Size, b: Size): boolean => a.width === b.width && a.height === b.height;

/**
 * Once per engine (epoch), when the pane has its size: the first view (scene/first-view.ts), the
 * top of the grid at a readable zoom, below the panel `above` (the Find box) so it covers no name;
 * or, the first time, the viewport the page's link asks for (`linkView`, given once).
 */
export function useFirstView(
  epoch: string | null,
  pane: Size,
  columns: () => number,
  above: RefObject<HTMLElement | null>,
  linkView: () => Viewport | null,
): void {
  const { setViewport } = useReactFlow();
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    if (epoch === null || fitted.current === epoch || pane.width <= 0 || pane.height <= 0) return;
    fitted.current = epoch;
    void setViewport(linkView() ?? firstView(pane, reservedTop(above.current), columns()));
  }, [epoch, pane, columns, above, setViewport, linkView]);
}

/** How far down the pane the panel reaches, in CSS pixels, and a little room. */
export function reservedTop(panel: HTMLElement | null): number {
  const pane = panel?.closest('.react-flow');
  if (panel == null || pane == null) return 0;
  return panel.getBoundingClientRect().bottom - pane.getBoundingClientRect().top + BELOW_PANEL;
}
