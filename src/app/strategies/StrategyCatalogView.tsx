import type { ReactNode } from 'react';
import type { StrategyCatalog } from '../../protocol/messages';
import { useInspector } from '../../store/react';
import type { InspectorState } from '../../store/state';

const selectCatalog = (s: InspectorState) => s.catalog;

interface Props {
  /** Sends an arrival on a queue (the menu's own button does the same after a mapping). */
  readonly arrive: (queue: string) => void;
  /** Starts a session running the document, with no interaction. */
  readonly start: (src: string) => void;
  /** Puts the document in the mapping form, for the user to name its queue. */
  readonly pick: (src: string) => void;
}

/**
 * What the host offers, as it last said (live: another page's mapping shows here too): each
 * mapped queue and its strategy, and the documents one may map or start a session with.
 */
export function StrategyCatalogView({ arrive, start, pick }: Props) {
  const catalog = useInspector(selectCatalog);
  if (catalog === null) return null;
  return (
    <div className="strategy-catalog" data-testid="strategy-catalog">
      <QueueList catalog={catalog} arrive={arrive} />
      <h3>Documents</h3>
      <ul data-testid="strategy-documents">
        {catalog.documents.map((src) => (
          <li key={src} data-testid={`strategy-document-${src}`}>
            <span className="strategy-catalog-name mono" title={src}>
              {src}
            </span>
            <RowButton name={`Map ${src} to a queue`} testid="strategy-document-map" run={() => pick(src)}>
              Map…
            </RowButton>
            <RowButton
              name={`Start a session of ${src}`}
              testid="strategy-document-start"
              run={() => start(src)}
            >
              Start
            </RowButton>
          </li>
        ))}
      </ul>
    </div>
  );
}

function QueueList({ catalog, arrive }: { catalog: StrategyCatalog; arrive: Props['arrive'] }) {
  return (
    <>
      <h3>Mapped queues</h3>
      {catalog.queues.length === 0 ? (
        <p className="details-muted">No queue runs a strategy.</p>
      ) : (
        <ul data-testid="strategy-queues">
          {catalog.queues.map(({ queue, src, strategy }) => (
            <li key={queue} data-testid={`strategy-queue-${queue}`} title={src}>
              <span className="strategy-catalog-name">
                <span className="mono">{queue}</span> → <b>{strategy}</b>
              </span>
              <RowButton
                name={`Send an arrival on ${queue}`}
                testid="strategy-queue-arrive"
                run={() => arrive(queue)}
              >
                Arrival
              </RowButton>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A row's short button; `name` says in full what it does (its accessible name). */
function RowButton(props: { name: string; testid: string; run: () => void; children: ReactNode }) {
  return (
    <button type="button" onClick={props.run} aria-label={props.name} data-testid={props.testid}>
      {props.children}
    </button>
  );
}
