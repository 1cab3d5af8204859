import { ReactFlowProvider } from '@xyflow/react';
import { GraphView } from '../graph/GraphView';
import { DetailsPanel } from '../log/DetailsPanel';
import { LogPanel } from '../log/LogPanel';
import { InspectorProvider } from '../store/react';
import { Header } from './Header';
import { MoveAnnouncer } from './MoveAnnouncer';
import { OfflineBanner } from './OfflineBanner';
import type { Inspector } from './open-inspector';
import { SkipLinks } from './SkipLinks';
import { Toasts } from './Toasts';
import { TimelineBar } from './timeline/TimelineBar';
import { useEscapeDeselects } from './use-escape-deselects';

export function App({ inspector }: { inspector: Inspector }) {
  return (
    <InspectorProvider value={inspector}>
      <ReactFlowProvider>
        <Page />
      </ReactFlowProvider>
    </InspectorProvider>
  );
}

/** The page: header with controls, the graph with the details beside it, the log below. */
function Page() {
  useEscapeDeselects();
  return (
    <div className="app">
      <SkipLinks />
      <Header />
      <OfflineBanner />
      <TimelineBar />
      <main className="workspace">
        <section className="graph-pane" aria-label="Sessions and interactions">
          <GraphView />
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
