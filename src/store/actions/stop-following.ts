import type { InspectorStore } from '../store';

/**
 * The user moved the view (a drag, the wheel, the zoom buttons, the overview, Fit view): Follow
 * would take it back on the next move, so it stops, and a toast says why.
 */
export function stopFollowing(store: InspectorStore): void {
  if (store.getState().followed === null) return;
  store.getState().setFollowed(null);
  store.getState().toast({
    tone: 'info',
    title: 'Follow is off',
    text: 'You moved the view yourself. Press f or the Follow button to follow again.',
  });
}
