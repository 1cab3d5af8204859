import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatAge } from './age';
import type { SessionFlowNode } from './nodes';
import { useDetailed } from './use-detail';
import { useNow } from './use-now';

/** A running (or fading) session: a container its interactions sit in. */
function SessionNodeView({ data }: NodeProps<SessionFlowNode>) {
  const detailed = useDetailed();
  const classes = ['session', `session-${data.state}`];
  if (!detailed) classes.push('far');
  if (data.selected) classes.push('selected');
  if (data.flash) classes.push('flash');
  if (data.drop !== null) classes.push(`drop-${data.drop}`);
  return (
    <div
      className={classes.join(' ')}
      data-testid={`session-${data.id}`}
      data-state={data.state}
      title={data.refusal ?? `${data.id} · ${data.src}`}
    >
      {detailed && (
        <>
          <div className="session-head">
            <span className="session-id">{data.id}</span>
            <span className="session-state">{data.state}</span>
          </div>
          <div className="session-meta">
            <span data-testid="session-count">
              {data.count} {data.count === 1 ? 'interaction' : 'interactions'}
            </span>
            <span aria-hidden="true">·</span>
            <Age startedAt={data.startedAt} endedAt={data.endedAt} />
          </div>
        </>
      )}
    </div>
  );
}

/** Only this ticks every second, not the whole node. */
function Age({ startedAt, endedAt }: { startedAt: number; endedAt: number | null }) {
  const now = useNow();
  return <span className="session-age">{formatAge((endedAt ?? now) - startedAt)}</span>;
}

export const SessionNode = memo(SessionNodeView, (a, b) => a.data === b.data);
