import { type FormEvent, useId, useState } from 'react';
import { readDeepLink } from './deep-link';
import './connection-picker.css';

export type EngineChoice =
  | { readonly kind: 'worker' }
  | { readonly kind: 'remote'; readonly url: string; readonly token: string };

const EXAMPLE = 'http://127.0.0.1:3001';

/**
 * The page address that opens the chosen engine: `?engine=<origin>&token=...`, or no engine
 * parameter for the in-browser one. Other parameters (rate, seed, ...) are kept. A remote URL
 * must be http(s); the message says what is wrong, in the user's terms.
 */
export function engineHref(current: string, choice: EngineChoice): { href: string } | { problem: string } {
  const next = new URL(current);
  next.searchParams.delete('engine');
  next.searchParams.delete('token');
  if (choice.kind === 'worker') return { href: next.href };
  const raw = choice.url.trim();
  if (raw === '') return { problem: `Enter the server's URL, e.g. ${EXAMPLE}` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `'${raw.slice(0, 80)}' is not a URL; enter one like ${EXAMPLE}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    // `localhost:3001` parses, with `localhost:` as its scheme: suggest what was meant.
    const hint = raw.includes('//') ? `not ${url.protocol}//` : `e.g. http://${raw.slice(0, 80)}`;
    return { problem: `The URL must start with http:// or https://, ${hint}` };
  }
  // The origin only, as the deep link reads it: socket.io lives at the server's root.
  next.searchParams.set('engine', url.origin);
  const token = choice.token.trim();
  if (token !== '') next.searchParams.set('token', token);
  return { href: next.href };
}

interface Props {
  /** The page's address (the current one unless told, for tests). */
  readonly href?: string;
  /** Opens the chosen engine: a full page load, so the store and connection start afresh. */
  readonly navigate?: (href: string) => void;
}

/** Which engine this page talks to, and a small form to switch to another. */
export function ConnectionPicker({
  href = window.location.href,
  navigate = (to) => window.location.assign(to),
}: Props) {
  const link = readDeepLink(new URL(href));
  const [kind, setKind] = useState<EngineChoice['kind']>(link.engine === null ? 'worker' : 'remote');
  const [url, setUrl] = useState(link.engine ?? '');
  const [token, setToken] = useState(link.token ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = engineHref(href, kind === 'worker' ? { kind } : { kind, url, token });
    if ('problem' in result) setProblem(result.problem);
    else navigate(result.href);
  };

  const remote = kind === 'remote';
  return (
    <details className="connection-picker" data-testid="connection-picker">
      {/* The host keeps the header on one line; the whole URL is in the tooltip and the form. */}
      <summary title={link.engine ?? 'the engine runs in this page'}>
        Engine: {link.engine === null ? 'in-browser' : new URL(link.engine).host}
      </summary>
      <form
        className="commands-form connection-picker-form"
        onSubmit={submit}
        aria-label="Choose the engine"
        noValidate
      >
        <fieldset>
          <legend className="sr-only">Engine</legend>
          <label className="inline">
            <input
              type="radio"
              name="engine"
              checked={!remote}
              onChange={() => {
                setKind('worker');
                setProblem(null);
              }}
              data-testid="engine-worker"
            />{' '}
            In-browser engine
          </label>
          <label className="inline">
            <input
              type="radio"
              name="engine"
              checked={remote}
              onChange={() => setKind('remote')}
              data-testid="engine-remote"
            />{' '}
            Remote server
          </label>
          <label>
            Server URL
            <input
              type="url"
              inputMode="url"
              value={url}
              placeholder={EXAMPLE}
              disabled={!remote}
              aria-invalid={problem !== null}
              aria-describedby={problem === null ? undefined : problemId}
              onChange={(e) => {
                setUrl(e.target.value);
                setProblem(null);
              }}
              data-testid="engine-url"
            />
          </label>
          <label>
            Token (optional)
            <input
              type="password"
              autoComplete="off"
              value={token}
              disabled={!remote}
              onChange={(e) => setToken(e.target.value)}
              data-testid="engine-token"
            />
          </label>
          {problem !== null && (
            <p id={problemId} className="connection-picker-problem" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" data-testid="engine-connect">
            Connect
          </button>
        </fieldset>
      </form>
    </details>
  );
}
