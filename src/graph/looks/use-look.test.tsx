// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { memo, StrictMode, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeLooks } from './looks';
import { LooksProvider, useLook, usePublishedLooks } from './use-look';

afterEach(cleanup);

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** A graph in miniature: each render stages node 'n''s look, as GraphView does, then publishes it. */
function Graph({ looks }: { looks: NodeLooks }) {
  const [count, setCount] = useState(1);
  looks.begin();
  looks.set('unowned', 'n', { count, flash: false });
  usePublishedLooks(looks);
  return (
    <LooksProvider looks={looks}>
      <button type="button" onClick={() => setCount((c) => c + 1)}>
        more
      </button>
      <Count />
    </LooksProvider>
  );
}

/** Memoised like React Flow's nodes: it re-renders only when its look is published. */
const Count = memo(function Count() {
  return <output>{useLook('unowned', 'n').count}</output>;
});

describe('published looks', () => {
  it("reach the nodes after every render, also under React's development double mount (StrictMode)", async () => {
    const looks = new NodeLooks();
    const { container, getByRole } = render(
      <StrictMode>
        <Graph looks={looks} />
      </StrictMode>,
    );
    for (const expected of ['2', '3', '4']) {
      act(() => getByRole('button').click());
      await act(nextFrame);
      expect(container.querySelector('output')?.textContent).toBe(expected);
    }
  });
});
