interface Props {
  readonly shown: number;
  readonly total: number;
  readonly follow: boolean;
  /** Rows appended since the pause, filtered or not. */
  readonly fresh: number;
  onPause(): void;
  onResume(): void;
}

/** How much of the log is shown, and the pause that loses nothing: it counts what arrives. */
export function LogStatus({ shown, total, follow, fresh, onPause, onResume }: Props) {
  return (
    <div className="log-status">
      <span className="log-count" data-testid="log-count" data-shown={shown} data-total={total}>
        showing {shown} of {total}
      </span>
      {follow ? (
        <button type="button" onClick={onPause} data-testid="log-pause">
          Pause
        </button>
      ) : (
        <>
          <button
            type="button"
            className="log-new-badge"
            onClick={onResume}
            data-testid="log-new-badge"
            data-count={fresh}
            title="Resume and jump to the newest event"
          >
            {fresh} new {fresh === 1 ? 'event' : 'events'}
          </button>
          <button type="button" onClick={onResume} data-testid="log-resume">
            Resume
          </button>
        </>
      )}
    </div>
  );
}
