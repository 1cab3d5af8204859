import { useInspector } from '../store/react';
import { selectConnection } from '../store/selectors';

/** Always visible: which engine, which role, and whether the link is up. */
export function ConnectionBadge() {
  const { kind, role, status } = useInspector(selectConnection);
  const label =
    status.state === 'reconnecting'
      ? `reconnecting (attempt ${status.attempt})`
      : status.state === 'closed'
        ? `closed: ${status.reason}`
        : status.state;
  return (
    <output
      className={`connection connection-${status.state}`}
      data-testid="connection-status"
      aria-live="polite"
    >
      <span className="connection-dot" aria-hidden="true" />
      {kind === 'worker' ? 'in-browser engine' : 'remote engine'} · {label}
      {role === 'viewer' ? ' · viewer (read-only)' : ''}
    </output>
  );
}
