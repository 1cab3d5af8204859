import { type FormEvent, useState } from 'react';
import { MEDIA_NAMES, type MediaName } from '../../engine';
import { sendCommand } from '../../store/actions/send-command';
import { useActionContext, useInspector } from '../../store/react';
import { selectCanWrite, selectSelection } from '../../store/selectors';
import { buildCommand, MANUAL_VERBS, type ManualVerb } from './build-command';

/**
 * Manual commands for developers, with ids typed as the page shows them (build-command.ts). What
 * the page can tell is wrong is said at once, naming the field; the engine judges the rest.
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

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const built = buildCommand({ verb, media, id, address, detach }, ctx.store.getState().model);
    if (built.ok) void sendCommand(ctx, built.command);
    else
      ctx.store
        .getState()
        .toast({ tone: 'error', title: `${verb}: not sent`, text: `${built.field}: ${built.reason}` });
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
              {Object.entries(MANUAL_VERBS).map(([value, label]) => (
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
                placeholder="selected, or as shown (last 6)"
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
