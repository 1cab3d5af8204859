import { useMemo } from 'react';
import { TRACE_KEPT } from '../protocol/messages';
import { SendEventForm } from './SendEventForm';
import { StatechartTree } from './StatechartTree';
import { activeTree, timeline } from './timeline';
import { useStrategy } from './use-strategy';

/**
 * What a session's strategy is doing, for the selected session only: its statechart with the
 * active states marked, its datamodel, its trace interleaved with the ORS events it received, and
 * a way to send it an event.
 */
export function StrategySection({ session }: { session: string }) {
  const view = useStrategy(session);
  const inspection = view?.inspection.ok === true ? view.inspection.inspection : null;
  const lines = useMemo(
    () => (inspection === null || view === null ? [] : timeline(session, view.events, inspection.trace)),
    [session, view, inspection],
  );
  const active = useMemo(
    () => (inspection === null ? new Set<string>() : activeTree(inspection.chart, inspection.activeStates)),
    [inspection],
  );
  if (view === null) return <p className="details-muted">Reading the strategy…</p>;
  if (inspection === null)
    return (
      <p className="details-muted" data-testid="details-strategy-missing">
        The strategy could not be read{view.inspection.ok ? '' : `: ${view.inspection.reason}`}.
      </p>
    );
  const datamodel = inspection.datamodel === null ? null : Object.entries(inspection.datamodel);
  return (
    <>
      <section data-testid="details-strategy">
        <h3>
          Strategy <span className="mono">{inspection.strategy}</span>
        </h3>
        <dl>
          <dt>src</dt>
          <dd className="mono">{inspection.src}</dd>
          <dt>active</dt>
          <dd className="mono" data-testid="details-strategy-active">
            {inspection.running
              ? inspection.activeStates.join(', ')
              : `ended in ${inspection.activeStates.join(', ') || '—'}`}
          </dd>
        </dl>
        <StatechartTree chart={inspection.chart} active={active} />
      </section>
      <section>
        <h3>Datamodel</h3>
        {datamodel === null ? (
          <p className="details-muted">not readable: the session has ended</p>
        ) : datamodel.length === 0 ? (
          <p className="details-muted">no data</p>
        ) : (
          <table data-testid="details-datamodel">
            <tbody>
              {datamodel.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row" className="mono">
                    {key}
                  </th>
                  <td className="mono">{JSON.stringify(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {inspection.running && (
        <section>
          <h3>Send an event</h3>
          <SendEventForm session={session} />
        </section>
      )}
      <section>
        <h3>Trace and ORS events</h3>
        <ol className="strategy-trace" data-testid="details-trace" aria-label="Trace and ORS events">
          {lines.map((line) => (
            <li key={line.key} className={`trace-${line.kind}`} data-kind={line.kind}>
              <span className="trace-seq">{line.seq}</span>
              <span className="trace-kind">{line.kind === 'ors' ? 'received' : line.kind}</span>
              <span className="mono">{line.text}</span>
              {line.line !== undefined && line.line > 0 && <small> line {line.line}</small>}
            </li>
          ))}
        </ol>
        {!inspection.complete && (
          <p className="details-muted">
            Older trace entries are no longer kept (the newest {TRACE_KEPT} are).
          </p>
        )}
      </section>
    </>
  );
}
