import { useEffect } from 'react';
import type { GraphController } from './graph-controller';

/**
 * Renders the graph again when the controller needs it without a store change: every animation
 * frame while something travels, once when a flash or a fade ends, never while all is still.
 * Nothing waits on it: input keeps flowing while nodes fly.
 */
export function useWakeUps(controller: GraphController, redraw: () => void): void {
  useEffect(() => {
    const now = performance.now();
    const wake = controller.nextWake(now);
    if (wake === null) return;
    if (wake <= now) {
      const frame = requestAnimationFrame(redraw);
      return () => cancelAnimationFrame(frame);
    }
    const timer = setTimeout(redraw, wake - now);
    return () => clearTimeout(timer);
  });
}
