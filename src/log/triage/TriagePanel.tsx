import { useId, useState } from 'react';
import { TimeText } from '../../display/TimeText';
import { shortGuid } from '../../engine';
import { usePreference } from '../../store/preferences-react';
import { useActionContext } from '../../store/react';
import { TimelineError } from '../../timeline/timeline-error';
import { ANOMALY_KINDS, type Anomaly } from '../../triage';
import { KIND_TITLES, kindRule } from './kinds';
import { TriageLimitsForm } from './TriageLimitsForm';
import { useTriage } from './use-triage';
import './triage.css';

/**
 * The triage list: association anomalies by kind, with counts. Collapsed, its button says how
 * many there are; open, a click on an entry selects its item and takes the timeline to the event
 * that made it an anomaly. Its limits are a preference (kept per browser, and in a link).
 */
export function TriagePanel() {
  const { store } = useActionContext();
  const limits = usePreference((p) => p.triage);
  const setLimits = usePreference((p) => p.setTriage);
  const triage = useTriage(limits);
  const [open, setOpen] = useState(false);
  const id = useId();
  const lists = ANOMALY_KINDS.map((kind) => ({ kind, entries: triage.list(kind) }));
  const total = lists.reduce((sum, { entries }) => sum + entries.length, 0);

  const show = (entry: Anomaly) => {
    const state = store.getState();
    state.select(entry.item);
    try {
      state.travelTo(entry.seq);
    } catch (error) {
      if (!(error instanceof TimelineError)) throw error;
      state.toast({ tone: 'error', title: `seq ${entry.seq} is not on the timeline`, text: error.reason });
    }
  };

  return (
    <section className="triage" aria-labelledby={`${id}-title`} data-testid="triage">
      <h2 id={`${id}-title`} className="triage-title">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
          data-testid="triage-toggle"
        >
          Triage <span data-testid="triage-total">{total === 1 ? '1 anomaly' : `${total} anomalies`}</span>
        </button>
      </h2>
      {/* Drawn only while open: under traffic its entries change on every batch. */}
      <div id={`${id}-body`} hidden={!open}>
        {open &&
          lists.map(({ kind, entries }) => (
            <section key={kind} aria-label={KIND_TITLES[kind]} data-testid={`triage-${kind}`}>
              <h3>
                {KIND_TITLES[kind]} <span className="triage-count">{entries.length}</span>
              </h3>
              <p className="details-muted">{kindRule(kind, limits)}</p>
              {entries.length > 0 && (
                <ul className="details-ixn-list triage-list">
                  {entries.map((entry) => (
                    <li key={entry.item.id}>
                      <button
                        type="button"
                        onClick={() => show(entry)}
                        data-testid="triage-entry"
                        data-kind={kind}
                        data-id={entry.item.id}
                        data-seq={entry.seq}
                      >
                        <span className="mono">
                          {entry.item.kind === 'interaction' ? shortGuid(entry.item.id) : entry.item.id}
                        </span>
                        <span>
                          {entry.count}× since <TimeText time={entry.since} />
                        </span>
                        <small>seq {entry.seq}</small>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        {open && <TriageLimitsForm limits={limits} onChange={setLimits} />}
      </div>
    </section>
  );
}
