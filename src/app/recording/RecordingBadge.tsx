import './recording.css';
import { useRecordingControls } from './recording-context';

/** The page's address without a recording in it: the live engine it was opened on. */
export function liveHref(current: string): string {
  const url = new URL(current);
  url.searchParams.delete('recording');
  return url.href;
}

/** While a recording is on screen: which one, that it is read-only, and the way back to live. */
export function RecordingBadge({ href = window.location.href }: { readonly href?: string }) {
  const { name } = useRecordingControls();
  if (name === null) return null;
  return (
    <p className="recording-badge" data-testid="recording-badge">
      <span>
        Recording <b className="mono">{name}</b> · read-only
      </span>{' '}
      <a href={liveHref(href)} data-testid="recording-live">
        Back to the live engine
      </a>
    </p>
  );
}
