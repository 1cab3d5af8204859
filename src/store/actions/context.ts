import type { Connection } from '../../connection/types';
import type { InspectorStore } from '../store';

/** What an action needs: the store it reads and writes, the connection it sends through. */
export interface ActionContext {
  readonly store: InspectorStore;
  readonly connection: Connection;
}
