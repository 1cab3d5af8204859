import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useSyncExternalStore,
} from 'react';
import type { LookKind, LookOf } from './kinds';
import type { NodeLooks } from './looks';

const LooksContext = createContext<NodeLooks | null>(null);

export function LooksProvider({ looks, children }: { looks: NodeLooks; children: ReactNode }) {
  return <LooksContext.Provider value={looks}>{children}</LooksContext.Provider>;
}

/**
 * The look of node `id` (looks.ts); re-renders when it changes. Holds on to the last look while
 * the node is on its way out.
 */
export function useLook<K extends LookKind>(kind: K, id: string): LookOf[K] {
  const looks = useContext(LooksContext);
  if (looks === null) throw new Error('useLook needs a <LooksProvider>');
  const last = useRef<LookOf[K] | undefined>(undefined);
  const subscribe = useCallback((listener: () => void) => looks.subscribe(id, listener), [looks, id]);
  const look = useSyncExternalStore(subscribe, () => looks.get(kind, id) ?? last.current);
  if (look === undefined) throw new Error(`node ${id} has no look`);
  last.current = look;
  return look;
}

/**
 * After each render of the graph, tells the nodes whose look changed, in the next frame. A node
 * React Flow re-renders in this one (it moved, it arrived) reads its new look then already, so a
 * flight starts with its move; the rest (a count, a state, a flash) follow a frame later, so the
 * graph's dearest frame does not also carry a few hundred small re-renders.
 */
export function usePublishedLooks(looks: NodeLooks): void {
  const frame = useRef<number | null>(null);
  useEffect(() => {
    // One frame pending at a time: renders in a row (a drag) must not keep putting it off.
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      looks.publish();
    });
  });
  useEffect(
    () => () => {
      // React's development mode unmounts and mounts again: a frame cancelled here but still
      // marked pending would make every later effect return early, and no look would ever be
      // published again.
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    },
    [],
  );
}
