import { useEffect } from 'react';
import { useInspector } from '../store/react';
import { selectToasts } from '../store/selectors';

const TOAST_MS = 6000;

/** Refusals and notices, newest last; each leaves by itself or by its close button. */
export function Toasts() {
  const toasts = useInspector(selectToasts);
  const dismiss = useInspector((s) => s.dismissToast);
  useEffect(() => {
    const timers = toasts.map((t) => setTimeout(() => dismiss(t.id), TOAST_MS));
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss]);
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast-${t.tone}`}
          role={t.tone === 'error' ? 'alert' : 'status'}
          data-testid="toast"
        >
          <strong className="toast-title">{t.title}</strong>
          <span className="toast-text">{t.text}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
