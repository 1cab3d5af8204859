import { createContext, type ReactNode, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { NodeLooks } from './looks';

const LooksContext = createContext<NodeLooks | null>(null);

export function LooksProvider({ looks, children }: { looks: NodeLooks; children: ReactNode }) {
  return <LooksContext.Provider value={looks}>{children}</LooksContext.Provider>;
}

/**
 * The look of node `id` (looks.ts); re-renders when it changes. Holds on to the last look while
 * the node is on its way out.
 */
export function useLook<T>(id: string): T {
  const looks = useContext(LooksContext);
  if (looks === null) throw new Error('useLook needs a <LooksProvider>');
  const last = useRef<T | undefined>(undefined);
  const subscribe = useCallback((listener: () => void) => looks.subscribe(id, listener), [looks, id]);
  const look = useSyncExternalStore(subscribe, () => (looks.get(id) as T | undefined) ?? last.current);
  if (look === undefined) throw new Error(`node ${id} has no look`);
  last.current = look;
  return look;
}
