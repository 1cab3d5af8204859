import { useReactFlow } from '@xyflow/react';
import { type FormEvent, useState } from 'react';
import { useActionContext } from '../../store/react';
import type { SearchHit } from '../scene/search';
import { prefersReducedMotion } from './reduced-motion';

/** Finds a session or an interaction by id (full, short g_uid, or a prefix), centres on it, selects it. */
export function GraphSearch({ find }: { find: (query: string) => SearchHit | null }) {
  const { store } = useActionContext();
  const { setCenter, getZoom } = useReactFlow();
  const [query, setQuery] = useState('');
  const [missed, setMissed] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const hit = find(query);
    setMissed(hit === null && query.trim() !== '');
    if (hit === null) return;
    void setCenter(hit.center.x, hit.center.y, {
      zoom: Math.max(getZoom(), 1),
      duration: prefersReducedMotion() ? 0 : 400,
    });
    store.getState().select({ kind: hit.kind, id: hit.id });
  };

  return (
    <search>
      <form className="graph-search" onSubmit={onSubmit}>
        <input
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setMissed(false);
          }}
          placeholder="Find a session or interaction"
          aria-label="Find a session or interaction by id"
          data-testid="graph-search"
        />
        <button type="submit">Find</button>
        {missed && (
          <span className="graph-search-miss" role="status">
            No match
          </span>
        )}
      </form>
    </search>
  );
}
