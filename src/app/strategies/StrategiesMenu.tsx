import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { sendCommand } from '../../store/actions/send-command';
import { type FormError, provisionStrategy } from '../../store/actions/strategy';
import { useActionContext, useInspector } from '../../store/react';
import { selectCanWrite } from '../../store/selectors';
import { StrategyCatalogView } from './StrategyCatalogView';
import { readStrategyFile, type StrategyFile } from './strategy-file';

type Outcome =
  | { readonly ok: true; readonly queue: string; readonly strategy: string }
  | { readonly ok: false; readonly error: FormError };

/**
 * Bring your own strategy: pick a `.scxml` file (or drop one anywhere on the page), or name a
 * bundled one (`public/strategies/`), and map it to a queue: arrivals there then run it. A
 * document's errors are shown with their line and column, and nothing changes. Below, the host's
 * mapped queues and documents, live (StrategyCatalogView).
 */
export function StrategiesMenu() {
  const ctx = useActionContext();
  const canWrite = useInspector(selectCanWrite);
  const menu = useRef<HTMLDetailsElement>(null);
  const queueInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<StrategyFile | null>(null);
  const [bundled, setBundled] = useState('');
  const [queue, setQueue] = useState('mine');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const take = useCallback(
    (picked: File) =>
      void readStrategyFile(picked).then((read) => {
        setFile(read);
        setOutcome(null);
      }),
    [],
  );

  // A file dropped anywhere on the page opens the menu with it.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const dropped = e.dataTransfer?.files[0];
      if (!hasFiles(e) || dropped === undefined) return;
      e.preventDefault();
      if (menu.current !== null) menu.current.open = true;
      take(dropped);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [take]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = queue.trim();
    const chosen = file?.ok === true ? { src: file.src, text: file.text } : { src: bundled.trim() };
    if (file?.ok !== true && chosen.src === '') {
      setOutcome({ ok: false, error: { field: 'src', reason: 'pick a file, or name a bundled strategy' } });
      return;
    }
    void provisionStrategy(ctx, { queue: q, ...chosen }).then((result) =>
      setOutcome(result.ok ? { ok: true, queue: q, strategy: result.strategy } : result),
    );
  };

  const arrive = (target: string) =>
    void sendCommand(ctx, { verb: 'arrive', media: 'TMediaVoice', queue: target, origin: 'api' });
  const start = (src: string) => void sendCommand(ctx, { verb: 'startSession', src, origin: 'api' });
  const pick = (src: string) => {
    setFile(null);
    setBundled(src);
    setOutcome(null);
    queueInput.current?.focus();
  };

  return (
    <details ref={menu} className="commands strategies" data-testid="strategies-menu">
      <summary>Strategies</summary>
      <form className="commands-form" onSubmit={submit} aria-label="Load a strategy">
        <fieldset disabled={!canWrite}>
          <label>
            Your strategy (.scxml), or drop it on the page
            <input
              type="file"
              accept=".scxml"
              onChange={(e) => {
                const picked = e.target.files?.[0];
                if (picked !== undefined) take(picked);
              }}
              data-testid="strategy-file"
            />
          </label>
          {file !== null && (
            <p className={file.ok ? 'details-muted' : 'form-error'} data-testid="strategy-file-name">
              {file.ok ? `as ${file.src}` : file.reason}
            </p>
          )}
          <label>
            or a bundled one
            <input
              value={bundled}
              placeholder="greet-and-route.scxml"
              disabled={file?.ok === true}
              onChange={(e) => setBundled(e.target.value)}
              data-testid="strategy-bundled"
            />
          </label>
          <label>
            Queue (arrivals there run it)
            <input
              ref={queueInput}
              value={queue}
              onChange={(e) => setQueue(e.target.value)}
              data-testid="strategy-queue"
            />
          </label>
          <button type="submit" data-testid="strategy-load">
            Map to queue
          </button>
          <div role="status" data-testid="strategy-outcome">
            {outcome === null ? null : outcome.ok ? (
              <>
                <p>
                  Queue <span className="mono">{outcome.queue}</span> runs <b>{outcome.strategy}</b>.
                </p>
                <button type="button" onClick={() => arrive(outcome.queue)} data-testid="strategy-arrive">
                  Send an arrival on {outcome.queue}
                </button>
              </>
            ) : (
              <p className="form-error" data-testid="strategy-error">
                {outcome.error.field}: {outcome.error.reason}
              </p>
            )}
          </div>
          <StrategyCatalogView arrive={arrive} start={start} pick={pick} />
        </fieldset>
      </form>
    </details>
  );
}
