import { useStoreApi } from '@xyflow/react';
import { usePreferencesStore } from '../../store/preferences-react';
import { useActionContext } from '../../store/react';
import { currentLink } from './current-link';
import type { PendingView } from './pending-view';

/**
 * Copies a link to the view on screen, made now (not waiting for the address bar's next
 * update), and says whether the clipboard took it.
 */
export function CopyLinkButton({ pending }: { pending: PendingView }) {
  const { store } = useActionContext();
  const flow = useStoreApi();
  const preferences = usePreferencesStore();
  const copy = async () => {
    const link = currentLink(
      new URL(window.location.href),
      store.getState(),
      preferences.getState(),
      flow.getState(),
      pending,
    );
    const { toast } = store.getState();
    try {
      await navigator.clipboard.writeText(link.href);
      toast({
        tone: 'info',
        title: 'Link copied',
        text: 'It opens this view: selection, moment, filters, triage limits and viewport.',
      });
    } catch (error) {
      toast({
        tone: 'error',
        title: 'Link not copied',
        text: `The clipboard refused it (${String(error)}): ${link.href}`,
      });
    }
  };
  return (
    <button type="button" onClick={() => void copy()} data-testid="copy-link">
      Copy link
    </button>
  );
}
