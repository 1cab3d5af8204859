import type { Viewport } from '@xyflow/react';
import type { Selection } from '../../store/state';
import type { ViewLink, ViewState } from './view-link';

/**
 * The parts of a link's view not on screen yet: the selection waits for the first snapshot, the
 * timeline position for the record to hold it, the viewport for the graph's first layout. Until
 * a part is taken, the URL keeps the link's value for it, so a link copied meanwhile is the same.
 */
export class PendingView {
  selection: Selection;
  at: number | null;
  private viewport: Viewport | null;

  constructor(link: ViewLink) {
    this.selection = link.selection;
    this.at = link.at;
    this.viewport = link.viewport;
  }

  /** The viewport the link asks for, once: the graph's first view takes it. */
  readonly takeViewport = (): Viewport | null => {
    const viewport = this.viewport;
    this.viewport = null;
    return viewport;
  };

  /** The page's view with the parts still to come as the link has them. */
  over(view: ViewState): ViewState {
    return {
      selection: this.selection ?? view.selection,
      at: this.at ?? view.at,
      filters: view.filters,
      triage: view.triage,
      viewport: this.viewport ?? view.viewport,
    };
  }
}
