import { useInspector } from '../store/react';
import { selectConnection } from '../store/selectors';
import { linkLabel } from './ConnectionBadge';

/**
 * While the page is not connected, says so across the page: what it shows is the engine as it
 * was, and changes are off (nothing is queued to run later against another engine).
 */
export function OfflineBanner() {
  const connection = useInspector(selectConnection);
  if (connection.status.state === 'connected') return null;
  const never = connection.role === null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <strong>Not connected to the engine</strong> ({linkLabel(connection)}).{' '}
      {never
        ? 'Nothing to show until it answers.'
        : 'The page shows the engine as it was when the link dropped; changes are off until it is back.'}
    </div>
  );
}
