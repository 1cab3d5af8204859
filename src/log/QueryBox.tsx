import { useCallback, useId, useMemo, useState } from 'react';
import { parseQuery, rememberQuery } from '../query';
import { useInspector } from '../store/react';
import { readPastQueries, writePastQueries } from './past-queries';
import { useDraft } from './use-draft';

const parses = (text: string) => parseQuery(text).ok;

/**
 * The log's query (docs/query.md), ANDed with the other filters. A query that does not parse is
 * never applied: the last valid one stays applied, and the error shows under the box with the
 * offending part marked once typing pauses. Enter applies at once; Enter or leaving the box
 * remembers a valid query among the past ones, offered as the box's suggestions.
 */
export function QueryBox() {
  const query = useInspector((s) => s.filters.query);
  const setFilters = useInspector((s) => s.setFilters);
  const apply = useCallback((text: string) => setFilters({ query: text }), [setFilters]);
  const { draft, setDraft, settled, settle } = useDraft(query, apply, parses);
  const parsed = useMemo(() => parseQuery(settled), [settled]);
  const [past, setPast] = useState(() => readPastQueries(localStorage));
  const id = useId();
  const errorId = `${id}-error`;
  const listId = `${id}-past`;
  const remember = () => {
    if (!settle() || draft.trim() === '') return;
    const next = rememberQuery(past, draft);
    setPast(next);
    writePastQueries(localStorage, next);
  };
  const error = parsed.ok ? null : parsed.error;
  return (
    <div className="log-query">
      <input
        type="search"
        className="log-query-input"
        aria-label="Query"
        placeholder="query, e.g. name:interaction.* -origin:traffic (session: interaction: cause: origin: strategy: seq: data.key:)"
        spellCheck={false}
        autoComplete="off"
        list={listId}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : errorId}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') remember();
        }}
        onBlur={remember}
        data-testid="log-filter-query"
      />
      <datalist id={listId} data-testid="log-query-past">
        {past.map((q) => (
          <option key={q} value={q} />
        ))}
      </datalist>
      {error !== null && (
        <p
          id={errorId}
          className="log-query-error"
          data-testid="log-query-error"
          data-offset={error.offset}
          data-length={error.length}
        >
          <code className="log-query-source">
            {settled.slice(0, error.offset)}
            <mark>{settled.slice(error.offset, error.offset + error.length)}</mark>
            {settled.slice(error.offset + error.length)}
          </code>
          {' — '}
          {error.message}.{' '}
          {query.trim() !== '' && parses(query) ? 'The last valid query still applies.' : 'No query applies.'}
        </p>
      )}
    </div>
  );
}
