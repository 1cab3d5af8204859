// @vitest-environment happy-dom
import { act, cleanup, render as renderDom, screen } from '@testing-library/react';
import { type NodeProps, ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InspectorProvider } from '../../store/react';
import { engineWithStore } from '../../store/testing';
import type { InteractionFlowNode, SessionFlowNode } from '../controller/nodes';
import type { InteractionLook, SessionLook } from '../looks/kinds';
import { NodeLooks } from '../looks/looks';
import { LooksProvider } from '../looks/use-look';
import { InteractionNode } from './InteractionNode';
import { SessionNode } from './SessionNode';
import { DetailProvider } from './use-detail';
import { FLIGHT_EASING } from './use-flight';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Node components read the level of detail from the graph, and their look (node 'n') from the looks. */
function render(node: ReactNode, look: SessionLook | InteractionLook, detailed = true) {
  const looks = new NodeLooks();
  if ('g_uid' in look) looks.set('interaction', 'n', look);
  else looks.set('session', 'n', look);
  const { store, connection } = engineWithStore();
  const view = renderDom(
    <InspectorProvider value={{ store, connection }}>
      <ReactFlowProvider>
        <DetailProvider detailed={detailed}>
          <LooksProvider looks={looks}>{node}</LooksProvider>
        </DetailProvider>
      </ReactFlowProvider>
    </InspectorProvider>,
  );
  return { ...view, store };
}

/** The props React Flow gives node 'n'; ours read the id, and the interaction its place. */
function props<N extends SessionFlowNode | InteractionFlowNode>(type: N['type']): NodeProps<N> {
  return {
    id: 'n',
    type,
    data: type === 'session' ? { id: session.id } : { g_uid: interaction.g_uid, kind: interaction.kind },
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

const session: SessionLook = {
  id: 'S-0000A',
  src: 'iq:support',
  invoker: null,
  state: 'running',
  count: 2,
  startedAt: Date.now() - 42_000,
  endedAt: null,
  selected: false,
  flash: false,
  drop: null,
  refusal: null,
};

const interaction: InteractionLook = {
  g_uid: '00000000000000AB12CD',
  short: 'AB12CD',
  media: 'TMediaChat',
  kind: 'chat',
  state: 'handling',
  owner: 'S-0000A',
  selected: false,
  flight: null,
  highlight: false,
};

describe('SessionNode', () => {
  it('shows its id, state, interaction count and age', () => {
    render(<SessionNode {...props<SessionFlowNode>('session')} />, session);
    const node = screen.getByTestId('session-S-0000A');
    expect(node.textContent).toContain('S-0000A');
    expect(node.textContent).toContain('running');
    expect(node.textContent).toContain('2 interactions');
    expect(node.textContent).toMatch(/4[12] s/);
  });

  it('[X10] names the session whose <invoke> started it', () => {
    render(<SessionNode {...props<SessionFlowNode>('session')} />, { ...session, invoker: 'S-0000B' });
    expect(screen.getByTestId('session-invoker').textContent).toBe('↳ S-0000B');
    expect(screen.getByTestId('session-S-0000A').title).toContain('invoked by S-0000B');
  });

  it("shows the strategy it runs and its active states in place of 'running', as the host's labels change", () => {
    const { store } = render(<SessionNode {...props<SessionFlowNode>('session')} />, session);
    const node = screen.getByTestId('session-S-0000A');
    expect(node.querySelector('[data-testid="session-strategy"]')).toBeNull();
    act(() =>
      store
        .getState()
        .applyStrategies([{ session: 'S-0000A', strategy: 'greet', states: ['routing', 'watch'] }]),
    );
    expect(screen.getByTestId('session-strategy').textContent).toBe('greet');
    expect(screen.getByTestId('session-strategy-states').textContent).toBe('routing, watch');
    act(() =>
      store.getState().applyStrategies([{ session: 'S-0000A', strategy: 'greet', states: ['done'] }]),
    );
    expect(screen.getByTestId('session-strategy-states').textContent).toBe('done');
  });

  it('stops its age while the page is not connected, and goes on once it is', () => {
    vi.useFakeTimers();
    const { store } = render(<SessionNode {...props<SessionFlowNode>('session')} />, session);
    const age = () => screen.getByTestId('session-S-0000A').querySelector('.session-age')?.textContent;
    act(() => store.getState().setConnection({ state: 'reconnecting', attempt: 1 }));
    const frozen = age();
    act(() => vi.advanceTimersByTime(5000));
    expect(age()).toBe(frozen);
    act(() => store.getState().setConnection({ state: 'connected', role: 'operator' }));
    act(() => vi.advanceTimersByTime(5000));
    expect(age()).not.toBe(frozen);
    vi.useRealTimers();
  });

  it('shows a refused drop with the reason as its tooltip', () => {
    const refused = {
      ...session,
      drop: 'refused',
      refusal: 'invaliddestination: session S-0000A has ended',
    } as const;
    render(<SessionNode {...props<SessionFlowNode>('session')} />, refused);
    const node = screen.getByTestId('session-S-0000A');
    expect(node.classList.contains('drop-refused')).toBe(true);
    expect(node.title).toBe(refused.refusal);
  });

  it('fades once ended', () => {
    render(<SessionNode {...props<SessionFlowNode>('session')} />, {
      ...session,
      state: 'ended',
      endedAt: Date.now(),
    });
    expect(screen.getByTestId('session-S-0000A').classList.contains('session-ended')).toBe(true);
  });
});

describe('InteractionNode', () => {
  it('shows its short g_uid, media and state, and names its owner for tests', () => {
    render(<InteractionNode {...props<InteractionFlowNode>('interaction')} />, interaction);
    const node = screen.getByTestId(`interaction-${interaction.g_uid}`);
    expect(node.dataset.owner).toBe('S-0000A');
    expect(node.dataset.media).toBe('chat');
    expect(node.textContent).toContain('AB12CD');
    expect(node.textContent).toContain('handling');
    expect(node.classList.contains('moving')).toBe(false);
  });

  it('has an empty owner when unowned and the class `moving` while it flies', () => {
    const flight = { from: { x: 0, y: 0 }, start: performance.now(), duration: 600 };
    render(<InteractionNode {...props<InteractionFlowNode>('interaction')} />, {
      ...interaction,
      owner: null,
      flight,
    });
    const node = screen.getByTestId(`interaction-${interaction.g_uid}`);
    expect(node.dataset.owner).toBe('');
    expect(node.classList.contains('moving')).toBe(true);
  });

  it('plays its flight from where it was to its place, picking up where the flight is', () => {
    const animation = { currentTime: 0 as number | null, cancel: vi.fn(), finished: new Promise(() => {}) };
    const animate = vi.fn(() => animation as unknown as Animation);
    vi.spyOn(HTMLElement.prototype, 'animate').mockImplementation(animate);
    const flight = { from: { x: 100, y: 50 }, start: performance.now() - 200, duration: 600 };
    const at = props<InteractionFlowNode>('interaction');
    const { unmount } = render(<InteractionNode {...at} positionAbsoluteX={300} positionAbsoluteY={250} />, {
      ...interaction,
      flight,
    });
    expect(animate).toHaveBeenCalledWith(
      [{ transform: 'translate(-200px, -200px)' }, { transform: 'none' }],
      { duration: 600, easing: FLIGHT_EASING },
    );
    expect(animation.currentTime).toBeGreaterThanOrEqual(200);
    unmount();
    expect(animation.cancel).toHaveBeenCalled();
  });

  it('far out (lifted from the far view), is a plain box in its media colour, its state in its title', () => {
    render(<InteractionNode {...props<InteractionFlowNode>('interaction')} />, interaction, false);
    const node = screen.getByTestId(`interaction-${interaction.g_uid}`);
    expect(node.textContent).toBe('');
    expect(node.title).toContain('handling');
    expect(node.dataset.media).toBe('chat');
  });
});
