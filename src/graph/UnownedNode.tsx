import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { UnownedFlowNode } from './nodes';

/** Where interactions without an owner wait: detached, released, or being routed. */
function UnownedNodeView({ data }: NodeProps<UnownedFlowNode>) {
  return (
    <div className={data.flash ? 'unowned flash' : 'unowned'} data-testid="unowned-area">
      <div className="session-head">
        <span className="session-id">Unowned</span>
      </div>
      <div className="session-meta">
        {data.count === 0 ? 'none waiting' : `${data.count} waiting for a session`}
      </div>
    </div>
  );
}

export const UnownedNode = memo(UnownedNodeView, (a, b) => a.data === b.data);
