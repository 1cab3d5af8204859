import { type FormEvent, useId, useState } from 'react';
import { type FormError, sendStrategyEvent } from '../store/actions/strategy';
import { useActionContext, useInspector } from '../store/react';
import { selectCanWrite } from '../store/selectors';

/** An event for a session's state machine: its name and JSON data (an operator's, journaled). */
export function SendEventForm({ session }: { session: string }) {
  const ctx = useActionContext();
  const canWrite = useInspector(selectCanWrite);
  const [name, setName] = useState('');
  const [data, setData] = useState('');
  const [outcome, setOutcome] = useState<{ ok: true; name: string } | { ok: false; error: FormError } | null>(
    null,
  );
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sent = name.trim();
    void sendStrategyEvent(ctx, { session, name, data }).then((result) =>
      setOutcome(result.ok ? { ok: true, name: sent } : result),
    );
  };
  return (
    <form className="send-event" onSubmit={submit} data-testid="send-event">
      <label htmlFor={`${id}-name`}>Event name</label>
      <input
        id={`${id}-name`}
        className="mono"
        value={name}
        placeholder="operator.go"
        onChange={(e) => setName(e.target.value)}
        data-testid="send-event-name"
      />
      <label htmlFor={`${id}-data`}>Data (JSON object, optional)</label>
      <textarea
        id={`${id}-data`}
        className="mono"
        rows={2}
        value={data}
        placeholder='{"to": "S-00002"}'
        onChange={(e) => setData(e.target.value)}
        data-testid="send-event-data"
      />
      <button
        type="submit"
        disabled={!canWrite}
        title={canWrite ? undefined : 'Only an operator on a live link may send events'}
        data-testid="send-event-submit"
      >
        Send event
      </button>
      <p
        role="status"
        className={outcome?.ok === false ? 'form-error' : 'details-muted'}
        data-testid="send-event-outcome"
      >
        {outcome === null
          ? ''
          : outcome.ok
            ? `sent ${outcome.name}`
            : `${outcome.error.field}: ${outcome.error.reason}`}
      </p>
    </form>
  );
}
