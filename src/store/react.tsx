import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { ActionContext } from './actions/context';
import type { InspectorState } from './state';
import type { InspectorActions } from './store';

/** The React binding: a provider for the store and its connection, and hooks to read them. */
const InspectorContext = createContext<ActionContext | null>(null);

export function InspectorProvider({ value, children }: { value: ActionContext; children: ReactNode }) {
  return <InspectorContext.Provider value={value}>{children}</InspectorContext.Provider>;
}

/** The store and connection, for actions. */
export function useActionContext(): ActionContext {
  const ctx = useContext(InspectorContext);
  if (ctx === null) throw new Error('useActionContext needs an <InspectorProvider>');
  return ctx;
}

/** Reads the store through a selector (see selectors.ts); re-renders when the selection changes. */
export function useInspector<T>(selector: (state: InspectorState & InspectorActions) => T): T {
  return useStore(useActionContext().store, selector);
}
