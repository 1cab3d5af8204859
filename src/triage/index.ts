export { MAX_ENTRIES_PER_KIND } from './anomaly-book';
export { DEFAULT_LIMITS, TriageLimitError, type TriageLimits, triageLimits } from './limits';
export { Triage } from './triage';
export { ANOMALY_KINDS, type Anomaly, type AnomalyItem, type AnomalyKind } from './types';
