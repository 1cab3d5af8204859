// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import type { NodeProps } from '@xyflow/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InteractionNode } from './InteractionNode';
import type { InteractionFlowNode, InteractionNodeData, SessionFlowNode, SessionNodeData } from './nodes';
import { SessionNode } from './SessionNode';

afterEach(cleanup);

/** The props React Flow gives a node component; only `data` matters to ours. */
function props<N extends SessionFlowNode | InteractionFlowNode>(
  type: N['type'],
  data: N['data'],
): NodeProps<N> {
  return {
    id: 'n',
    type,
    data,
    dragging: false,
    zIndex: 0,
    selectable: false,
    deletable: false,
    selected: false,
    draggable: true,
    isConnectable: false,
    positionAbsoluteX: 0,
    positionAbsoluteY: 0,
  } as NodeProps<N>;
}

const session: SessionNodeData = {
  id: 'S-0000A',
  src: 'iq:support',
  state: 'running',
  count: 2,
  startedAt: Date.now() - 42_000,
  endedAt: null,
  selected: false,
  flash: false,
  drop: null,
  refusal: null,
};

const interaction: InteractionNodeData = {
  g_uid: '00000000000000AB12CD',
  short: 'AB12CD',
  media: 'TMediaChat',
  kind: 'chat',
  state: 'handling',
  owner: 'S-0000A',
  selected: false,
  moving: false,
  highlight: false,
};

describe('SessionNode', () => {
  it('shows its id, state, interaction count and age', () => {
    render(<SessionNode {...props<SessionFlowNode>('session', session)} />);
    const node = screen.getByTestId('session-S-0000A');
    expect(node.textContent).toContain('S-0000A');
    expect(node.textContent).toContain('running');
    expect(node.textContent).toContain('2 interactions');
    expect(node.textContent).toMatch(/4[12] s/);
  });

  it('shows a refused drop with the reason as its tooltip', () => {
    const refused = {
      ...session,
      drop: 'refused',
      refusal: 'invaliddestination: session S-0000A has ended',
    } as const;
    render(<SessionNode {...props<SessionFlowNode>('session', refused)} />);
    const node = screen.getByTestId('session-S-0000A');
    expect(node.classList.contains('drop-refused')).toBe(true);
    expect(node.title).toBe(refused.refusal);
  });

  it('fades once ended', () => {
    render(
      <SessionNode
        {...props<SessionFlowNode>('session', { ...session, state: 'ended', endedAt: Date.now() })}
      />,
    );
    expect(screen.getByTestId('session-S-0000A').classList.contains('session-ended')).toBe(true);
  });
});

describe('InteractionNode', () => {
  it('shows its short g_uid, media and state, and names its owner for tests', () => {
    render(<InteractionNode {...props<InteractionFlowNode>('interaction', interaction)} />);
    const node = screen.getByTestId(`interaction-${interaction.g_uid}`);
    expect(node.dataset.owner).toBe('S-0000A');
    expect(node.dataset.media).toBe('chat');
    expect(node.textContent).toContain('AB12CD');
    expect(node.textContent).toContain('handling');
    expect(node.classList.contains('moving')).toBe(false);
  });

  it('has an empty owner when unowned and the class `moving` while it flies', () => {
    render(
      <InteractionNode
        {...props<InteractionFlowNode>('interaction', { ...interaction, owner: null, moving: true })}
      />,
    );
    const node = screen.getByTestId(`interaction-${interaction.g_uid}`);
    expect(node.dataset.owner).toBe('');
    expect(node.classList.contains('moving')).toBe(true);
  });
});
