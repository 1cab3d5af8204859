import { type FormEvent, useId, useState } from 'react';
import { ANOMALY_KINDS, TriageLimitError, type TriageLimits, triageLimits } from '../../triage';
import { KIND_TITLES, titleOf } from './kinds';

/**
 * The four limits, in seconds. Applied together; a value that is not a positive number is named
 * under the form and nothing changes.
 */
export function TriageLimitsForm({
  limits,
  onChange,
}: {
  limits: TriageLimits;
  onChange: (limits: TriageLimits) => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const change: Record<string, unknown> = {};
    for (const kind of ANOMALY_KINDS) {
      const text = String(data.get(kind) ?? '').trim();
      change[kind] = text === '' ? Number.NaN : Number(text) * 1000;
    }
    try {
      onChange(triageLimits(change));
      setError(null);
    } catch (thrown) {
      if (!(thrown instanceof TriageLimitError)) throw thrown;
      setError(`${titleOf(thrown.kind)}: a positive number of seconds, please`);
    }
  };
  return (
    <form
      className="triage-limits"
      onSubmit={submit}
      aria-describedby={error === null ? undefined : `${id}-error`}
    >
      {ANOMALY_KINDS.map((kind) => (
        <label key={kind}>
          {KIND_TITLES[kind]} (s)
          <input name={kind} type="text" inputMode="decimal" defaultValue={limits[kind] / 1000} size={4} />
        </label>
      ))}
      <button type="submit">Apply limits</button>
      {error !== null && (
        <p id={`${id}-error`} className="triage-error" role="alert" data-testid="triage-limits-error">
          {error}
        </p>
      )}
    </form>
  );
}
