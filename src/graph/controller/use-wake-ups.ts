import { useEffect } from 'react';
import { framePacer } from '../../store/frame-pacer';
import type { GraphController } from './graph-controller';

/**
 * Redraws the graph when the controller needs it without a store change: when a flight lands,
 * a flash or a highlight ends, a fade is done; never while all is still (a flight itself plays
 * on the compositor, use-flight.ts). The redraw goes through the page's pacer, so it shares the
 * graph's frame of the next paced redraw rather than costing a frame of its own.
 */
export function useWakeUps(controller: GraphController, redraw: () => void): void {
  useEffect(() => {
    const wake = controller.nextWake(performance.now());
    if (wake !== null) framePacer().schedule(redraw, wake, 'second');
  });
}
