import { useInspector } from '../../store/react';
import { selectFilledPercent } from '../../store/selectors';
import './recording.css';
import { useRecordingControls } from './recording-context';

/** The page's address without a recording in it: the live engine it was opened on. */
export function liveHref(current: string): string {
  const url = new URL(current);
  url.searchParams.delete('recording');
  return url.href;
}

/**
 * While a recording is on screen: which one, that it is read-only, how much of a long one's events
 * the timeline holds yet (its final state is shown before they are read), and the way back to live.
 */
export function RecordingBadge({ href = window.location.href }: { readonly href?: string }) {
  const { name } = useRecordingControls();
  const filled = useInspector(selectFilledPercent);
  if (name === null) return null;
  return (
    <p className="recording-badge" data-testid="recording-badge">
      <span>
        Recording <b className="mono">{name}</b> · read-only
      </span>{' '}
      {filled !== null && (
        <span
          data-testid="recording-filling"
          title="The timeline reaches back as far as the events read so far"
        >
          · reading events {filled}%
        </span>
      )}{' '}
      <a href={liveHref(href)} data-testid="recording-live">
        Back to the live engine
      </a>
    </p>
  );
}
