import type { NodeProps } from '@xyflow/react';
import { memo, useRef } from 'react';
import type { InteractionFlowNode } from '../controller/nodes';
import { interactionTitle } from '../looks/kinds';
import { useLook } from '../looks/use-look';
import { MediaIcon } from './MediaIcon';
import { useDetailed } from './use-detail';
import { useFlight } from './use-flight';

/**
 * An interaction: its short g_uid, its media at a glance (glyph and colour), its state. Its node's
 * aria-label names its id and media (nodes.ts); its title, what a screen reader adds to that,
 * its state and owner.
 */
function InteractionNodeView({ id, positionAbsoluteX, positionAbsoluteY }: NodeProps<InteractionFlowNode>) {
  const ref = useRef<HTMLDivElement>(null);
  const look = useLook('interaction', id);
  const detailed = useDetailed();
  useFlight(ref, look.flight, positionAbsoluteX, positionAbsoluteY);
  const classes = ['interaction', `ixn-${look.state}`];
  if (!detailed) classes.push('far');
  if (look.selected) classes.push('selected');
  if (look.flight !== null) classes.push('moving');
  if (look.highlight) classes.push('highlight');
  return (
    <div
      ref={ref}
      className={classes.join(' ')}
      data-testid={`interaction-${look.g_uid}`}
      data-owner={look.owner ?? ''}
      data-media={look.kind}
      title={interactionTitle(look)}
    >
      {detailed && (
        <>
          <MediaIcon kind={look.kind} />
          <span className="ixn-id">{look.short}</span>
          <span className="ixn-state">{look.state}</span>
        </>
      )}
    </div>
  );
}

/** Re-renders when its look changes (useLook), or when its place does (a flight's course). */
export const InteractionNode = memo(
  InteractionNodeView,
  (a, b) =>
    a.id === b.id &&
    a.positionAbsoluteX === b.positionAbsoluteX &&
    a.positionAbsoluteY === b.positionAbsoluteY,
);
