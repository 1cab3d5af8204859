import { useId, useRef } from 'react';
import { useInspector } from '../store/react';
import { selectConnection } from '../store/selectors';

interface Props {
  /** Checks what the reset needs (the seed) and says what is wrong; false keeps the dialog shut. */
  canReset(): boolean;
  onConfirm(): void;
}

/**
 * Reset ends every session and interaction and starts the engine's journal afresh (a new epoch;
 * the page keeps the rows it had, below a divider), so it asks first. On a server the engine is
 * shared: the question says that everyone connected loses it, not only this page.
 */
export function ResetButton({ canReset, onConfirm }: Props) {
  const { kind } = useInspector(selectConnection);
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const shared = kind === 'socket';
  const confirm = () => {
    dialog.current?.close();
    onConfirm();
  };
  return (
    <>
      <button
        type="button"
        data-testid="traffic-reset"
        onClick={() => {
          if (canReset()) dialog.current?.showModal();
        }}
      >
        Reset
      </button>
      <dialog
        ref={dialog}
        className="confirm"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-text`}
        data-testid="reset-confirm"
      >
        <h2 id={`${ids}-title`}>{shared ? 'Reset the engine for everyone?' : 'Reset the engine?'}</h2>
        <p id={`${ids}-text`}>
          {shared
            ? 'This engine runs on a server: resetting it ends every session and interaction and starts a new journal for everyone connected to it, not only for you.'
            : 'This ends every session and interaction of the in-browser engine and starts a new journal; the log keeps its rows below a divider.'}
        </p>
        <div className="confirm-actions">
          {/* Cancel first and focused: Enter on an unread question must not destroy anything. */}
          {/* biome-ignore lint/a11y/noAutofocus: a modal dialog focuses its safe choice */}
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={confirm} data-testid="reset-confirm-yes">
            {shared ? 'Reset for everyone' : 'Reset'}
          </button>
        </div>
      </dialog>
    </>
  );
}
