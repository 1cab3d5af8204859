import { useRef } from 'react';
import type { FarSource } from './far-view';
import { useFarView } from './use-far-view';

const LABEL = 'The graph from afar: sessions and interactions as coloured boxes. Zoom in to read them.';

/** The far view's canvas, behind React Flow's nodes (out there, only lifted chips). */
export function FarCanvas({ source }: { source: FarSource }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useFarView(ref, source);
  return <canvas ref={ref} className="far-canvas" role="img" aria-label={LABEL} data-testid="far-canvas" />;
}
