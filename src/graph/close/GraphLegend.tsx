import { type KeyboardEvent, useId, useRef } from 'react';
import { MEDIA_KINDS, MEDIA_LABELS } from '../../display/media-kind';
import { usePreference } from '../../store/preferences-react';
import { MediaIcon } from './MediaIcon';

/**
 * What each feedback looks like: a swatch carries the very class the graph's nodes take for it
 * (graph.css lists both in one rule), so the legend shows the graph's colours without naming one.
 */
const FEEDBACK: readonly { readonly look: string; readonly label: string }[] = [
  { look: 'legend-chip highlight', label: 'interaction just arrived or moved' },
  { look: 'flash', label: 'session an interaction moved into or out of' },
  { look: 'drop-ok', label: 'a drop here would be taken' },
  { look: 'drop-refused', label: 'a drop here would be refused' },
  { look: 'session-ended', label: 'session ended, fading out' },
  { look: 'selected', label: 'selected' },
];

/**
 * A small, collapsed-by-default legend of the graph's colours, beside the Find box; open or
 * closed is a preference, kept for the next visit.
 */
export function GraphLegend() {
  const open = usePreference((p) => p.legend);
  const setOpen = usePreference((p) => p.setLegend);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  // Escape inside the open legend closes it and gives the focus back to its button.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <section className="graph-legend" aria-label="Legend" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Legend
      </button>
      {open && (
        <div id={id} className="graph-legend-body">
          <h2>Media</h2>
          <ul>
            {MEDIA_KINDS.map((kind) => (
              <li key={kind}>
                <span className="legend-swatch legend-chip" data-media={kind} aria-hidden="true">
                  <MediaIcon kind={kind} />
                </span>
                {MEDIA_LABELS[kind]}
              </li>
            ))}
          </ul>
          <h2>Flashes and marks</h2>
          <ul>
            {FEEDBACK.map(({ look, label }) => (
              <li key={look}>
                <span className={`legend-swatch ${look}`} aria-hidden="true" />
                {label}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
