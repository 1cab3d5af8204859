import { ConnectionError } from '../../connection/types';
import type { History, HistoryQuery } from '../../protocol/messages';
import type { ActionContext } from './context';

export type HistoryResult =
  | { readonly ok: true; readonly history: History }
  | { readonly ok: false; readonly reason: string };

/**
 * Asks the engine's host for what its journal holds of one interaction or session, so its details
 * outlive the page's own copy (ended items are forgotten, a reload starts empty). A refusal or a
 * lost link is returned with the host's reason, not thrown: the panel says it.
 */
export async function fetchHistory(
  { connection }: ActionContext,
  query: HistoryQuery,
): Promise<HistoryResult> {
  try {
    return { ok: true, history: await connection.history(query) };
  } catch (error) {
    return { ok: false, reason: error instanceof ConnectionError ? error.reason : String(error) };
  }
}
