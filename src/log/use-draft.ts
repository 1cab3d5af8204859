import { useCallback, useEffect, useRef, useState } from 'react';

/** Typing in a search box waits this long before a search of every row. */
const SETTLE_MS = 150;

const ALWAYS = () => true;

/**
 * A text box's draft of a filter: applied once typing pauses (each search reads every row), or
 * at once by `settle()` (Enter); a draft `accept` refuses is never applied, so the filter applied
 * before it stays. `settled` is the draft as of the last pause, for an error to show without
 * flickering under each keystroke. A change of the filter from elsewhere (Clear, a link) replaces
 * what is typed. `accept` must keep its identity across renders.
 */
export function useDraft(
  applied: string,
  apply: (text: string) => void,
  accept: (text: string) => boolean = ALWAYS,
) {
  const [draft, setDraft] = useState(applied);
  const [settled, setSettled] = useState(applied);
  const sent = useRef(applied);
  useEffect(() => {
    if (applied === sent.current) return;
    sent.current = applied;
    setDraft(applied);
    setSettled(applied);
  }, [applied]);
  const settle = useCallback(
    (text: string): boolean => {
      setSettled(text);
      if (!accept(text)) return false;
      if (text !== sent.current) {
        sent.current = text;
        apply(text);
      }
      return true;
    },
    [accept, apply],
  );
  useEffect(() => {
    if (draft === settled) return;
    const timer = setTimeout(() => settle(draft), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft, settled, settle]);
  return { draft, setDraft, settled, settle: () => settle(draft) };
}
