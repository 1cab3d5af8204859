import { useInspector } from '../store/react';
import { selectConnection } from '../store/selectors';
import type { InspectorState } from '../store/state';

/** What the badge says of the link. No host has answered yet (no role known): it cannot reach one. */
export function linkLabel({ role, status }: InspectorState['connection']): string {
  switch (status.state) {
    case 'reconnecting':
      return role === null
        ? `cannot reach (attempt ${status.attempt})`
        : `reconnecting (attempt ${status.attempt})`;
    case 'closed':
      return `closed: ${status.reason}`;
    default:
      return status.state;
  }
}

const KIND_LABELS: Readonly<Record<InspectorState['connection']['kind'], string>> = {
  worker: 'in-browser engine',
  socket: 'remote engine',
  recording: 'recording',
};

/** Always visible: which engine, which role, and whether the link is up. */
export function ConnectionBadge() {
  const connection = useInspector(selectConnection);
  const { kind, role, status } = connection;
  return (
    <output
      className={`connection connection-${status.state}`}
      data-testid="connection-status"
      aria-live="polite"
    >
      <span className="connection-dot" aria-hidden="true" />
      {KIND_LABELS[kind]} · {linkLabel(connection)}
      {role === 'viewer' ? ' · viewer (read-only)' : ''}
    </output>
  );
}
