import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { RecordingConnection } from '../connection/recording/recording-connection';
import { GraphView } from '../graph/GraphView';
import { DetailsPanel } from '../log/DetailsPanel';
import { LogPanel } from '../log/LogPanel';
import { PreferencesProvider } from '../store/preferences-react';
import { InspectorProvider } from '../store/react';
import { Header } from './Header';
import { MoveAnnouncer } from './MoveAnnouncer';
import { OfflineBanner } from './OfflineBanner';
import { type Inspector, openInspector } from './open-inspector';
import { recordingName } from './recording/open-recording';
import { RecordingContext, type RecordingControls } from './recording/recording-context';
import { SkipLinks } from './SkipLinks';
import { Toasts } from './Toasts';
import { TimelineBar } from './timeline/TimelineBar';
import type { PendingView } from './url-state/pending-view';
import { useUrlSync } from './url-state/use-url-sync';
import { useEscapeDeselects } from './use-escape-deselects';

export function App({ inspector }: { inspector: Inspector }) {
  // A recording opened from a file replaces the inspector (store and connection) on screen; the
  // page below starts afresh for it (`key`), as it would on a page load.
  const [shown, setShown] = useState({ inspector, opened: 0 });
  const controls = useMemo<RecordingControls>(
    () => ({
      name: recordingName(shown.inspector.connection),
      open: (recording, name) => {
        shown.inspector.connection.stop();
        const connection = new RecordingConnection(async () => recording, name);
        setShown({
          inspector: openInspector(new URL(window.location.href), undefined, connection),
          opened: shown.opened + 1,
        });
      },
    }),
    [shown],
  );
  return (
    <InspectorProvider value={shown.inspector}>
      <PreferencesProvider value={shown.inspector.preferences}>
        <RecordingContext.Provider value={controls}>
          <ReactFlowProvider key={shown.opened}>
            <Page pending={shown.inspector.pending} />
          </ReactFlowProvider>
        </RecordingContext.Provider>
      </PreferencesProvider>
    </InspectorProvider>
  );
}

/**
 * The page: header with controls, the graph with the details beside it, the log below; its URL
 * kept a link to the view, `pending` the parts of the opening link's view still to show.
 */
function Page({ pending }: { pending: PendingView }) {
  useEscapeDeselects();
  useUrlSync(pending);
  return (
    <div className="app">
      <SkipLinks />
      <Header pending={pending} />
      <OfflineBanner />
      <TimelineBar />
      <main className="workspace">
        <section className="graph-pane" aria-label="Sessions and interactions">
          <GraphView linkView={pending.takeViewport} />
        </section>
        <aside className="details-pane" aria-label="Details">
          <DetailsPanel />
        </aside>
        <section className="log-pane" aria-label="Event log">
          <LogPanel />
        </section>
        <Toasts />
      </main>
      <MoveAnnouncer />
    </div>
  );
}
