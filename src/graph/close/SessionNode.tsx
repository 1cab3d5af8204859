import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatDuration } from '../../display/duration';
import { useNow } from '../../display/use-now';
import { useInspector } from '../../store/react';
import type { SessionFlowNode } from '../controller/nodes';
import { interactionCount, sessionTitle } from '../looks/kinds';
import { useLook } from '../looks/use-look';
import './session-strategy.css';

/** A running (or fading) session: a container its interactions sit in. Never drawn far out. */
function SessionNodeView({ id }: NodeProps<SessionFlowNode>) {
  const look = useLook('session', id);
  // The host's label for a session running a strategy: only a session whose label changed re-renders.
  const strategy = useInspector((s) => s.strategies.get(look.id));
  const states = look.state === 'running' && strategy !== undefined ? strategy.states.join(', ') : '';
  const classes = ['session', `session-${look.state}`];
  if (look.selected) classes.push('selected');
  if (look.flash) classes.push('flash');
  if (look.drop !== null) classes.push(`drop-${look.drop}`);
  return (
    <div
      className={classes.join(' ')}
      data-testid={`session-${look.id}`}
      data-state={look.state}
      title={sessionTitle(look)}
    >
      <div className="session-head">
        <span className="session-id">{look.id}</span>
        {states === '' ? (
          <span className="session-state">{look.state}</span>
        ) : (
          <span
            className="session-state session-strategy-states"
            data-testid="session-strategy-states"
            title={states}
          >
            {states}
          </span>
        )}
      </div>
      <div className="session-meta">
        {look.invoker !== null && (
          <>
            <span
              className="session-invoker"
              data-testid="session-invoker"
              title={`invoked by session ${look.invoker}`}
            >
              ↳ {look.invoker}
            </span>
            <span aria-hidden="true">·</span>
          </>
        )}
        {strategy !== undefined && (
          <>
            <span
              className="session-strategy"
              data-testid="session-strategy"
              title={`strategy ${strategy.strategy}`}
            >
              {strategy.strategy}
            </span>
            <span aria-hidden="true">·</span>
          </>
        )}
        <span data-testid="session-count">{interactionCount(look.count)}</span>
        <span aria-hidden="true">·</span>
        <Age startedAt={look.startedAt} endedAt={look.endedAt} />
      </div>
    </div>
  );
}

/** Only this ticks every second, not the whole node. */
function Age({ startedAt, endedAt }: { startedAt: number; endedAt: number | null }) {
  const now = useNow();
  return <span className="session-age">{formatDuration((endedAt ?? now) - startedAt)}</span>;
}

/** Re-renders when its look changes (useLook), not when React Flow moves or re-measures it. */
export const SessionNode = memo(SessionNodeView, (a, b) => a.id === b.id);
