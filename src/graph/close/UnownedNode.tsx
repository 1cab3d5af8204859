import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { UnownedFlowNode } from '../controller/nodes';
import { useLook } from '../looks/use-look';

/** Where interactions without an owner wait: detached, released, or being routed. */
function UnownedNodeView({ id }: NodeProps<UnownedFlowNode>) {
  const look = useLook('unowned', id);
  return (
    <div className={look.flash ? 'unowned flash' : 'unowned'} data-testid="unowned-area">
      <div className="session-head">
        <span className="session-id">Unowned</span>
      </div>
      <div className="session-meta">
        {look.count === 0 ? 'none waiting' : `${look.count} waiting for a session`}
      </div>
    </div>
  );
}

export const UnownedNode = memo(UnownedNodeView, (a, b) => a.id === b.id);
