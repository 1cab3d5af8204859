import { useEffect } from 'react';
import { isEditable } from '../log/use-shortcut';
import { useActionContext } from '../store/react';

/**
 * Escape anywhere on the page deselects, except where Escape already means something: in a
 * field (it clears or leaves the text) and in a dialog (it closes the dialog), or wherever a
 * handler took it first (preventDefault).
 */
export function useEscapeDeselects(): void {
  const { store } = useActionContext();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || isEditable(e.target)) return;
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"]') !== null) return;
      if (store.getState().selection !== null) store.getState().select(null);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
