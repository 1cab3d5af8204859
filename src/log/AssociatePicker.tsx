import { type KeyboardEvent, type MouseEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type SessionRecord, shortGuid } from '../engine';
import { useInspector } from '../store/react';
import { selectSessions } from '../store/selectors';

/** More options than this are not drawn: typing narrows the list instead. */
const MAX_OPTIONS = 100;

interface Props {
  readonly g_uid: string;
  /** The current owner: not a destination. */
  readonly owner: string | null;
  onChoose(session: string): void;
  onClose(): void;
}

/**
 * A modal dialog to pick the session to associate an interaction with: a filter box driving a
 * listbox of the other running sessions (ARIA combobox pattern). The arrow keys move, Enter
 * chooses, Escape closes; focus stays inside while it is open, and goes back on closing to where
 * it was when the picker opened: the chip on the graph, or the "Associate with…" button.
 */
export function AssociatePicker({ g_uid, owner, onChoose, onClose }: Props) {
  const sessions = useInspector(selectSessions);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // Read while rendering, before the filter box takes focus (an effect would run after it).
  const [opener] = useState(() => document.activeElement);
  const giveBack = () => {
    if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
  };
  const close = () => {
    onClose();
    giveBack();
  };
  const choose = (session: string) => {
    onChoose(session);
    giveBack();
  };

  const matches = useMemo(() => candidates(sessions.values(), owner, query), [sessions, owner, query]);
  const shown = matches.slice(0, MAX_OPTIONS);
  const current = Math.min(active, shown.length - 1);
  const optionId = (i: number) => `${ids}-option-${i}`;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  });

  const onClick = (e: MouseEvent) => {
    const option = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-session]') : null;
    if (option?.dataset.session !== undefined) choose(option.dataset.session);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.target === input.current) {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(0, Math.min(current + step, shown.length - 1)));
    } else if (e.key === 'Enter' && e.target === input.current) {
      e.preventDefault();
      const session = shown[current];
      if (session !== undefined) choose(session.id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      // Two stops, the filter and Cancel: Tab goes back and forth between them.
      e.preventDefault();
      (document.activeElement === input.current ? cancel : input).current?.focus();
    }
  };

  return (
    <div className="picker-backdrop">
      <div
        className="picker"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        onKeyDown={onKeyDown}
        data-testid="associate-picker"
      >
        <h2 id={`${ids}-title`}>
          Associate <span className="mono">{shortGuid(g_uid)}</span> with…
        </h2>
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls={`${ids}-list`}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          aria-label="Filter running sessions"
          placeholder="Filter running sessions"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          data-testid="associate-filter"
        />
        {/* The combobox input owns the keyboard (aria-activedescendant); a click is the mouse's way
            to the same choice, and pressing does not take focus from the input. */}
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the combobox input */}
        <div
          ref={list}
          className="picker-list"
          role="listbox"
          id={`${ids}-list`}
          aria-label="Running sessions"
          tabIndex={-1}
          onClick={onClick}
          onMouseDown={(e) => e.preventDefault()}
        >
          {shown.map((session, i) => (
            <div
              key={session.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              tabIndex={-1}
              onMouseMove={() => setActive(i)}
              data-testid="associate-option"
              data-session={session.id}
            >
              <span className="mono">{session.id}</span>
              <small>
                {session.interactions.length} interaction{session.interactions.length === 1 ? '' : 's'} ·{' '}
                {session.src}
              </small>
            </div>
          ))}
        </div>
        <div className="picker-foot">
          <span role="status">
            {matches.length === 0
              ? 'No other running session matches.'
              : matches.length > shown.length
                ? `${shown.length} of ${matches.length}: type to narrow`
                : `${matches.length} session${matches.length === 1 ? '' : 's'}`}
          </span>
          <button ref={cancel} type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

/** Running sessions other than the owner whose id or document contains the query. */
export function candidates(
  sessions: Iterable<SessionRecord>,
  owner: string | null,
  query: string,
): SessionRecord[] {
  const q = query.trim().toLowerCase();
  const result: SessionRecord[] = [];
  for (const session of sessions) {
    if (session.state !== 'running' || session.id === owner) continue;
    if (q === '' || session.id.toLowerCase().includes(q) || session.src.toLowerCase().includes(q)) {
      result.push(session);
    }
  }
  return result;
}
