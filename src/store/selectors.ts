import { canWrite, type InspectorState } from './state';
import type { InspectorActions } from './store';

/**
 * Named selectors, declared once at module level so components re-render only when what they
 * read changes (zustand compares the selected value by identity).
 */
type S = InspectorState & InspectorActions;

export const selectSessions = (s: S) => s.model.sessions;
export const selectInteractions = (s: S) => s.model.interactions;
export const selectMoves = (s: S) => s.moves;
export const selectSelection = (s: S) => s.selection;
export const selectFilters = (s: S) => s.filters;
export const selectLog = (s: S) => s.log;
export const selectLogVersion = (s: S) => s.logVersion;
export const selectFollow = (s: S) => s.follow;
export const selectPausedAt = (s: S) => s.pausedAt;
export const selectTraffic = (s: S) => s.traffic;
export const selectConnection = (s: S) => s.connection;
export const selectCanWrite = (s: S) => canWrite(s);
export const selectAt = (s: S) => s.at;
export const selectSeq = (s: S) => s.seq;
export const selectLogAt = (s: S) => s.logAt;
export const selectRecord = (s: S) => s.record;
/** The record grows in place: its newest seq is what says it did (also while a recording fills it in). */
export const selectRecordLast = (s: S) => s.record.last;
/** While a long recording's events fill the record in: how much of them is in, in whole percent; else null. */
export const selectFilledPercent = (s: S) =>
  s.filling === null
    ? null
    : Math.floor((100 * (s.record.last - s.record.first)) / Math.max(1, s.filling.to - s.record.first));
export const selectToasts = (s: S) => s.toasts;
export const selectEpoch = (s: S) => s.epoch;
