import type { SnapshotMessage } from '../connection/types';
import type { StrategyLabel } from '../protocol/messages';
import { type RecordOptions, TimelineRecord } from '../timeline/record';
import { advance, type PageState } from './apply-batch';
import { withLabels } from './labels';

/** The page's timeline: its states rebuilt by the store's own reducer, strategy labels in between. */
export type PageRecord = TimelineRecord<PageState, readonly StrategyLabel[]>;

const PAGE_REDUCER = {
  events: advance,
  aside: withLabels,
  model: (state: PageState) => state.model,
};

/** A record starting at a snapshot the page loaded, its state `page`. */
export function pageRecord(base: SnapshotMessage, page: PageState, options?: RecordOptions): PageRecord {
  return new TimelineRecord(base, page, PAGE_REDUCER, options);
}
