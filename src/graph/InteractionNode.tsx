import type { NodeProps } from '@xyflow/react';
import { memo, useRef } from 'react';
import { MediaIcon } from './MediaIcon';
import type { InteractionFlowNode } from './nodes';
import { useDetailed } from './use-detail';
import { useFlight } from './use-flight';

/**
 * An interaction: its short g_uid, its media at a glance (glyph and colour), its state. Its node's
 * aria-label names all three for screen readers (nodes.ts).
 */
function InteractionNodeView({ data, positionAbsoluteX, positionAbsoluteY }: NodeProps<InteractionFlowNode>) {
  const ref = useRef<HTMLDivElement>(null);
  const detailed = useDetailed();
  useFlight(ref, data.flight, positionAbsoluteX, positionAbsoluteY);
  const classes = ['interaction', `ixn-${data.state}`];
  if (!detailed) classes.push('far');
  if (data.selected) classes.push('selected');
  if (data.flight !== null) classes.push('moving');
  if (data.highlight) classes.push('highlight');
  return (
    <div
      ref={ref}
      className={classes.join(' ')}
      data-testid={`interaction-${data.g_uid}`}
      data-owner={data.owner ?? ''}
      data-media={data.kind}
      title={`${data.g_uid} · ${data.media} · ${data.state} · ${data.owner ?? 'no owner'}`}
    >
      {detailed && (
        <>
          <MediaIcon kind={data.kind} />
          <span className="ixn-id">{data.short}</span>
          <span className="ixn-state">{data.state}</span>
        </>
      )}
    </div>
  );
}

/** Re-renders when its data changes, or when its place does during a flight (the course changes). */
export const InteractionNode = memo(
  InteractionNodeView,
  (a, b) =>
    a.data === b.data &&
    (a.data.flight === null ||
      (a.positionAbsoluteX === b.positionAbsoluteX && a.positionAbsoluteY === b.positionAbsoluteY)),
);
