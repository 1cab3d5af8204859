// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InspectorProvider } from '../../store/react';
import { engineWithStore } from '../../store/testing';
import { CommandsMenu } from './CommandsMenu';

afterEach(cleanup);

function renderMenu() {
  const inspector = engineWithStore();
  render(
    <InspectorProvider value={{ store: inspector.store, connection: inspector.connection }}>
      <CommandsMenu />
    </InspectorProvider>,
  );
  const send = (verb: string, id: string) => {
    fireEvent.change(screen.getByTestId('command-verb'), { target: { value: verb } });
    fireEvent.change(screen.getByTestId('command-id'), { target: { value: id } });
    fireEvent.click(screen.getByTestId('command-send'));
  };
  return { ...inspector, send };
}

describe('CommandsMenu', () => {
  it('sends a command for the interaction named by the short id the page shows', async () => {
    const { arrive, connection, store, send } = renderMenu();
    const { g_uid, session } = arrive();
    send('terminate', g_uid.slice(-6).toLowerCase());
    await expect.poll(() => store.getState().model.interactions.get(g_uid)?.state).toBe('ended');
    expect(connection.commands.at(-1)).toMatchObject({ verb: 'terminate', session, interactionid: g_uid });
  });

  it('says a bad interaction id is wrong in the interaction field, and sends nothing', () => {
    const { arrive, connection, store, send } = renderMenu();
    arrive();
    send('terminate', 'NOPE42');
    expect(store.getState().toasts.at(-1)).toMatchObject({
      tone: 'error',
      text: 'interactionid: no interaction "NOPE42" on the page',
    });
    expect(connection.commands).toEqual([]);
  });
});
