import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { MediaIcon } from './MediaIcon';
import { MEDIA_LABELS } from './media-kind';
import type { InteractionFlowNode } from './nodes';

/** An interaction: its short g_uid, its media at a glance (glyph and colour), its state. */
function InteractionNodeView({ data }: NodeProps<InteractionFlowNode>) {
  const classes = ['interaction', `ixn-${data.state}`];
  if (data.selected) classes.push('selected');
  if (data.moving) classes.push('moving');
  if (data.highlight) classes.push('highlight');
  return (
    <div
      className={classes.join(' ')}
      data-testid={`interaction-${data.g_uid}`}
      data-owner={data.owner ?? ''}
      data-media={data.kind}
      title={`${data.g_uid} · ${data.media} · ${data.state} · ${data.owner ?? 'no owner'}`}
    >
      <MediaIcon kind={data.kind} />
      <span className="sr-only">{MEDIA_LABELS[data.kind]}</span>
      <span className="ixn-id">{data.short}</span>
      <span className="ixn-state">{data.state}</span>
    </div>
  );
}

export const InteractionNode = memo(InteractionNodeView, (a, b) => a.data === b.data);
