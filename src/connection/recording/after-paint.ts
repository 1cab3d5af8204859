/** Longest wait for a frame: a hidden tab draws none, and the reading must not wait for it. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the page has drawn its next frame (a task after the frame's callbacks), or after
 * FRAME_WAIT_MS without one; where there are no frames (Node), after a task. What comes after it
 * does not delay the frame that shows what came before.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const task = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame !== 'function') {
      task();
      return;
    }
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      task();
    });
  });
}
