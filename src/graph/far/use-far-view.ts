import { type ReactFlowState, useStoreApi } from '@xyflow/react';
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';
import { type FarSource, FarView, type FarViewport } from './far-view';

const viewportOf = ({ transform: [x, y, zoom], width, height }: ReactFlowState): FarViewport => ({
  x,
  y,
  zoom,
  width,
  height,
});

/**
 * Mounts a FarView on the canvas `ref`: it follows pans and zooms from React Flow's store
 * directly, without a React render, and repaints after every render of the component that uses
 * it (whose parent, the graph, renders when its scene or looks change).
 */
export function useFarView(
  ref: RefObject<HTMLCanvasElement | null>,
  source: FarSource,
  overview = false,
): FarView | null {
  const store = useStoreApi();
  const [view, setView] = useState<FarView | null>(null);

  // A layout effect: the first painting is in the frame that mounts the canvas.
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (canvas === null) return;
    const view = new FarView(canvas, source, overview);
    view.setViewport(viewportOf(store.getState()));
    view.paintNow();
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      )
        view.setViewport(viewportOf(state));
    });
    setView(view);
    return () => {
      unsubscribe();
      view.destroy();
    };
  }, [ref, source, overview, store]);

  useEffect(() => view?.invalidate());
  return view;
}
