import { ANOMALY_KINDS, type AnomalyKind, type TriageLimits } from '../../triage';

/** Each kind's heading, and what it means with its limit, in words. */
export const KIND_TITLES: Readonly<Record<AnomalyKind, string>> = {
  orphan: 'Orphans',
  'ping-pong': 'Ping-pong',
  'idle-session': 'Idle empty sessions',
  'waiting-unowned': 'Waiting unowned',
};

/** The heading of a kind named by a string (an error's); the string itself when it names none. */
export function titleOf(name: string): string {
  const kind = ANOMALY_KINDS.find((k) => k === name);
  return kind === undefined ? name : KIND_TITLES[kind];
}

export function kindRule(kind: AnomalyKind, limits: TriageLimits): string {
  const s = `${limits[kind] / 1000} s`;
  switch (kind) {
    case 'orphan':
      return `detached and not attached again within ${s}`;
    case 'ping-pong':
      return `back in a session within ${s} of leaving it (A→B→A)`;
    case 'idle-session':
      return `owning nothing and told nothing for over ${s}`;
    case 'waiting-unowned':
      return `no owner for over ${s}`;
  }
}
