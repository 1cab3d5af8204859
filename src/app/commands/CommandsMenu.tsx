import { type FormEvent, useState } from 'react';
import { type Command, MEDIA_NAMES, type MediaName } from '../../engine';
import { sendCommand } from '../../store/actions/send-command';
import { useActionContext, useInspector } from '../../store/react';
import { selectCanWrite, selectSelection } from '../../store/selectors';
import { parseAddress } from './parse-address';

const VERBS = {
  startSession: 'Start a session',
  arrive: 'Create an interaction',
  endSession: 'End a session',
  terminate: 'Terminate an interaction',
  detach: 'Detach an interaction',
  redirect: 'Redirect an interaction',
} as const;
type ManualVerb = keyof typeof VERBS;

/**
 * Manual commands for developers. Interaction commands are sent on behalf of the interaction's
 * current owner (the session a script would run them in); the engine judges them as any other.
 */
export function CommandsMenu() {
  const ctx = useActionContext();
  const canWrite = useInspector(selectCanWrite);
  const selection = useInspector(selectSelection);
  const [verb, setVerb] = useState<ManualVerb>('arrive');
  const [media, setMedia] = useState<MediaName>('TMediaVoice');
  const [target, setTarget] = useState('');
  const [address, setAddress] = useState('');
  const [detach, setDetach] = useState(false);
  const id =
    target || (selection?.kind === (verb === 'endSession' ? 'session' : 'interaction') ? selection.id : '');

  const build = (): Command | string => {
    const owner = ctx.store.getState().model.interactions.get(id)?.owner ?? id;
    switch (verb) {
      case 'startSession':
        return { verb, src: 'http://ors/strategies/manual.scxml', origin: 'api' };
      case 'arrive':
        return { verb, media, queue: 'manual', origin: 'api' };
      case 'endSession':
        return { verb, session: id, origin: 'api' };
      case 'terminate':
      case 'detach':
        return { verb, session: owner, interactionid: id, origin: 'api' };
      case 'redirect': {
        const parsed = parseAddress(address);
        if (!parsed.ok) return parsed.reason;
        return { verb, session: owner, interactionid: id, to: parsed.value, detach, origin: 'api' };
      }
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const command = build();
    if (typeof command === 'string') {
      ctx.store.getState().toast({ tone: 'error', title: 'redirect: invaliddestination', text: command });
      return;
    }
    void sendCommand(ctx, command);
  };

  const needsId = verb !== 'startSession' && verb !== 'arrive';
  return (
    <details className="commands">
      <summary>Commands</summary>
      <form className="commands-form" onSubmit={submit} aria-label="Manual command">
        <fieldset disabled={!canWrite}>
          <label>
            Command
            <select
              value={verb}
              onChange={(e) => setVerb(e.target.value as ManualVerb)}
              data-testid="command-verb"
            >
              {Object.entries(VERBS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {verb === 'arrive' && (
            <label>
              Media
              <select value={media} onChange={(e) => setMedia(e.target.value as MediaName)}>
                {MEDIA_NAMES.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </select>
            </label>
          )}
          {needsId && (
            <label>
              {verb === 'endSession' ? 'Session' : 'Interaction'}
              <input
                value={id}
                placeholder="selected"
                onChange={(e) => setTarget(e.target.value)}
                data-testid="command-id"
              />
            </label>
          )}
          {verb === 'redirect' && (
            <>
              <label>
                To
                <input
                  value={address}
                  placeholder='agent1, 5551234, 7004@.DN or {"type":"A","agent":"a1"}'
                  onChange={(e) => setAddress(e.target.value)}
                  data-testid="command-address"
                />
              </label>
              <label className="inline">
                <input type="checkbox" checked={detach} onChange={(e) => setDetach(e.target.checked)} />{' '}
                detach
              </label>
            </>
          )}
          <button type="submit" data-testid="command-send">
            Send
          </button>
        </fieldset>
      </form>
    </details>
  );
}
