import { useCallback } from 'react';
import { TimeText } from '../../display/TimeText';
import { useActionContext, useInspector } from '../../store/react';
import {
  selectAt,
  selectFilledPercent,
  selectRecord,
  selectRecordLast,
  selectSelection,
  selectSeq,
} from '../../store/selectors';
import { STEP_BUTTONS, type StepButton } from './step-buttons';
import { useTimelineKeys } from './use-timeline-keys';
import './timeline.css';

/**
 * The timeline: a slider over the seqs the page holds (the oldest and the live one labelled),
 * steps back and forward by event, by move and by the selected item's events, and "Live". Any
 * role may travel: it changes the page, not the engine. In the past, changes are off.
 */
export function TimelineBar() {
  const { store } = useActionContext();
  const record = useInspector(selectRecord);
  // The record grows in place: its newest seq is what says it did.
  const last = useInspector(selectRecordLast);
  const live = useInspector(selectSeq);
  const at = useInspector(selectAt);
  const selection = useInspector(selectSelection);
  // A long recording's final state on screen, before the record holds it: no step back from it yet.
  const filled = useInspector(selectFilledPercent);
  const unread = at === null && filled !== null;
  const shown = at ?? last;
  const travel = useCallback((seq: number) => store.getState().travelTo(seq), [store]);
  useTimelineKeys(store, selection !== null);
  const usable = (button: StepButton) => {
    if (button.unit === 'selected' && selection === null) return false;
    if (button.direction === 1) return at !== null;
    return !unread && shown > record.first;
  };
  const title = (button: StepButton) =>
    button.direction === -1 && unread
      ? `${button.label}: the recording is still being read, back from its final state once it is in`
      : `${button.label} (key ${button.key})`;
  const newer = last - shown;
  // When the event on screen happened (the base snapshot's seq has no event of its own).
  const shownTime = at === null ? undefined : record.eventAt(at)?.time;
  return (
    <section
      className={at === null ? 'timeline' : 'timeline timeline-past'}
      aria-label="Timeline"
      data-testid="timeline"
    >
      <div className="timeline-track">
        <span className="timeline-end" data-testid="timeline-first">
          oldest held: seq {record.first}
        </span>
        <input
          type="range"
          className="timeline-slider"
          aria-label="Seq on screen"
          aria-valuetext={at === null ? `live, seq ${live}` : `seq ${at} of ${last}`}
          min={record.first}
          max={last}
          step={1}
          value={shown}
          disabled={record.first === last}
          onChange={(e) => travel(Number(e.currentTarget.value))}
          data-testid="timeline-slider"
        />
        <span className="timeline-end" data-testid="timeline-last">
          live: seq {last}
        </span>
      </div>
      <div className="timeline-controls">
        {STEP_BUTTONS.map((button) => (
          <button
            key={button.label}
            type="button"
            aria-label={`${button.label} (key ${button.key})`}
            title={title(button)}
            disabled={!usable(button)}
            onClick={() => store.getState().step(button.unit, button.direction)}
            data-testid={`timeline-${button.unit}-${button.direction === 1 ? 'forward' : 'back'}`}
          >
            {button.text}
          </button>
        ))}
        <button
          type="button"
          className="timeline-live"
          title="Back to the present (key l)"
          disabled={at === null}
          onClick={() => store.getState().goLive()}
          data-testid="timeline-live"
        >
          Live
        </button>
        {/* Spoken on a travel only: under traffic the live seq and the newer count change every frame. */}
        <span className="timeline-position" role="status" data-testid="timeline-position" data-at={at ?? ''}>
          {at === null ? '' : `Seq ${at} on screen. Changes are off until Live.`}
        </span>
        {/* Apart from the spoken status: a relative time changes every second. */}
        {shownTime !== undefined && <TimeText time={shownTime} />}
        <span className="timeline-count" data-testid="timeline-newer">
          {at === null ? `Live at seq ${live}` : `${newer} newer ${newer === 1 ? 'event' : 'events'}`}
        </span>
      </div>
    </section>
  );
}
