import type { ChartState } from '../protocol/messages';

/**
 * A strategy's statechart as nested lists, children in document order: each state with its kind
 * when it is not a plain state, the active ones (and the states holding them) marked in words as
 * well as in colour.
 */
export function StatechartTree({ chart, active }: { chart: ChartState; active: ReadonlySet<string> }) {
  return (
    <ul className="statechart" data-testid="details-statechart">
      {chart.children.map((state) => (
        <StateItem key={state.id} state={state} active={active} />
      ))}
    </ul>
  );
}

function StateItem({ state, active }: { state: ChartState; active: ReadonlySet<string> }) {
  const on = active.has(state.id);
  return (
    <li data-state-id={state.id} data-active={on} className={on ? 'statechart-active' : undefined}>
      <span className="mono">{state.id}</span>
      {state.kind !== 'state' && <small> {state.kind}</small>}
      {on && <small className="statechart-mark"> active</small>}
      {state.children.length > 0 && (
        <ul>
          {state.children.map((child) => (
            <StateItem key={child.id} state={child} active={active} />
          ))}
        </ul>
      )}
    </li>
  );
}
