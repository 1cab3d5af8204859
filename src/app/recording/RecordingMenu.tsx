import { useCallback, useEffect, useRef, useState } from 'react';
import { readRecording } from '../../connection/recording/read-recording';
import { useActionContext } from '../../store/react';
import { exportRecording } from './export-recording';
import { useRecordingControls } from './recording-context';
import { isRecordingName } from './recording-files';

type Outcome =
  | { readonly tone: 'busy'; readonly text: string }
  | { readonly tone: 'done'; readonly text: string }
  | { readonly tone: 'error'; readonly text: string };

/**
 * Export what the page holds as a recording, or open one: a file picked here or dropped anywhere
 * on the page (a recording or a server's journal; a `.scxml` goes to the Strategies menu). A file
 * is read whole before anything changes: a bad one shows its error, and the page stays as it was.
 */
export function RecordingMenu() {
  const { store } = useActionContext();
  const { open } = useRecordingControls();
  const menu = useRef<HTMLDetailsElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const take = useCallback(
    (file: File) => {
      setOutcome({ tone: 'busy', text: `Reading ${file.name}…` });
      readRecording(file).then(
        (recording) => open(recording, file.name),
        (error: unknown) =>
          setOutcome({
            tone: 'error',
            text: `${file.name} does not open: ${error instanceof Error ? error.message : String(error)}`,
          }),
      );
    },
    [open],
  );

  // Runs before the Strategies menu's own drop handler (capture, on window), and keeps a
  // recording from it; other files go on to it.
  useEffect(() => {
    const drop = (e: DragEvent) => {
      const dropped = e.dataTransfer?.files[0];
      if (dropped === undefined || !isRecordingName(dropped.name)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (menu.current !== null) menu.current.open = true;
      take(dropped);
    };
    window.addEventListener('drop', drop, { capture: true });
    return () => window.removeEventListener('drop', drop, { capture: true });
  }, [take]);

  const save = () => {
    setOutcome({ tone: 'busy', text: 'Compressing…' });
    exportRecording(store.getState()).then(
      (name) => setOutcome({ tone: 'done', text: `Saved ${name}` }),
      (error: unknown) =>
        setOutcome({
          tone: 'error',
          text: `Export failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  };

  return (
    <details ref={menu} className="commands recordings" data-testid="recording-menu">
      <summary>Recording</summary>
      <div className="commands-form">
        <button type="button" onClick={save} data-testid="recording-export">
          Export recording
        </button>
        <label>
          Open a recording (.json.gz) or a server's journal, or drop it on the page
          <input
            type="file"
            accept=".gz,.json,.jsonl,.ndjson"
            onChange={(e) => {
              const picked = e.target.files?.[0];
              e.target.value = '';
              if (picked !== undefined) take(picked);
            }}
            data-testid="recording-file"
          />
        </label>
        <div role="status" data-testid="recording-outcome">
          {outcome !== null && (
            <p className={outcome.tone === 'error' ? 'form-error' : 'details-muted'}>{outcome.text}</p>
          )}
        </div>
      </div>
    </details>
  );
}
