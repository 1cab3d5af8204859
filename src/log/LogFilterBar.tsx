import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { EVENT_NAMES, ORIGINS, type Origin } from '../engine';
import { useActionContext, useInspector } from '../store/react';
import { selectFilters } from '../store/selectors';
import { ERROR_NAME } from './filter';
import { QueryBox } from './QueryBox';
import { useDraft } from './use-draft';

const NAME_OPTIONS: readonly string[] = [...EVENT_NAMES, ERROR_NAME];

/**
 * The log's filters, all combinable, and the query ANDed with them. Memoized with no props: the log re-renders every frame
 * while this bar re-renders only when the filters change.
 */
export const LogFilterBar = memo(function LogFilterBar() {
  const filters = useInspector(selectFilters);
  const setFilters = useInspector((s) => s.setFilters);
  const clearFilters = useInspector((s) => s.clearFilters);
  return (
    <div className="log-filters">
      <QueryBox />
      <NameFilter names={filters.names} onChange={(names) => setFilters({ names })} />
      <input
        className="log-filter-id"
        aria-label="Session"
        placeholder="session"
        value={filters.session}
        onChange={(e) => setFilters({ session: e.target.value })}
        data-testid="log-filter-session"
      />
      <input
        className="log-filter-id"
        aria-label="Interaction (g_uid or its last 6)"
        placeholder="interaction"
        value={filters.interaction}
        onChange={(e) => setFilters({ interaction: e.target.value })}
        data-testid="log-filter-interaction"
      />
      <select
        aria-label="Cause"
        value={filters.origin}
        onChange={(e) => setFilters({ origin: e.target.value as Origin | '' })}
        data-testid="log-filter-origin"
      >
        <option value="">any cause</option>
        {ORIGINS.map((origin) => (
          <option key={origin} value={origin}>
            {origin}
          </option>
        ))}
      </select>
      <StrategyFilter />
      <TextFilter />
      <button type="button" onClick={clearFilters} data-testid="log-filter-clear">
        Clear
      </button>
    </div>
  );
});

/** A multi-select of event names (and refusals) as a drop-down of checkboxes; none checked shows all. */
function NameFilter({ names, onChange }: { names: readonly string[]; onChange(names: string[]): void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  // A drop-down closes when the user clicks elsewhere.
  useEffect(() => {
    const close = (e: PointerEvent) => {
      const details = ref.current;
      if (details?.open && e.target instanceof Node && !details.contains(e.target)) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, []);
  const toggle = (name: string, on: boolean) =>
    onChange(
      on ? NAME_OPTIONS.filter((n) => n === name || names.includes(n)) : names.filter((n) => n !== name),
    );
  return (
    <details ref={ref} className="log-names" data-testid="log-filter-name">
      <summary data-testid="log-filter-name-toggle">
        {names.length === 0 ? 'All events' : names.length === 1 ? names[0] : `${names.length} event names`}
      </summary>
      <fieldset className="log-names-list">
        <legend className="sr-only">Show only these events</legend>
        {NAME_OPTIONS.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              value={name}
              checked={names.includes(name)}
              onChange={(e) => toggle(name, e.target.checked)}
            />
            {name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/**
 * A strategy's name: only the rows its commands made. The names the page knows are offered, read
 * when the box gets focus (not on every change of some session's states).
 */
function StrategyFilter() {
  const { store } = useActionContext();
  const strategy = useInspector((s) => s.filters.strategy);
  const setFilters = useInspector((s) => s.setFilters);
  const [names, setNames] = useState<readonly string[]>([]);
  const offer = () =>
    setNames([...new Set([...store.getState().strategies.values()].map((l) => l.strategy))].sort());
  return (
    <>
      <input
        className="log-filter-id"
        aria-label="Strategy"
        placeholder="strategy"
        list="log-strategy-names"
        value={strategy}
        onFocus={offer}
        onChange={(e) => setFilters({ strategy: e.target.value })}
        data-testid="log-filter-strategy"
      />
      <datalist id="log-strategy-names">
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}

/** Free text over every shown cell, applied once typing pauses: each search reads every row. */
function TextFilter() {
  const text = useInspector((s) => s.filters.text);
  const setFilters = useInspector((s) => s.setFilters);
  const apply = useCallback((draft: string) => setFilters({ text: draft }), [setFilters]);
  const { draft, setDraft } = useDraft(text, apply);
  return (
    <input
      type="search"
      className="log-filter-text"
      aria-label="Search the log"
      placeholder="search"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      data-testid="log-filter-text"
    />
  );
}
