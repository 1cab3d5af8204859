import { type ReactFlowState, useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { type FarSource, FarView, type FarViewport } from './far-view';

const viewportOf = ({ transform: [x, y, zoom], width, height }: ReactFlowState): FarViewport => ({
  x,
  y,
  zoom,
  width,
  height,
});

const LABEL = 'The graph from afar: sessions and interactions as coloured boxes. Zoom in to read them.';

/**
 * The far view's canvas, behind React Flow's nodes (which hold only lifted chips out there). It
 * follows pans and zooms from React Flow's store directly, without a React render, and repaints
 * after every render of the graph (its parent), which is when scene or looks change.
 */
export function FarCanvas({ source }: { source: FarSource }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const [view, setView] = useState<FarView | null>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (canvas === null) return;
    const view = new FarView(canvas, source);
    view.setViewport(viewportOf(store.getState()));
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
  }, [source, store]);

  useEffect(() => view?.invalidate());

  return <canvas ref={ref} className="far-canvas" role="img" aria-label={LABEL} data-testid="far-canvas" />;
}
