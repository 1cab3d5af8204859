import { useCallback, useMemo, useRef, useState } from 'react';
import { MediaDot } from '../display/MediaDot';
import { TimeText } from '../display/TimeText';
import { OP_SESSION_ID, shortGuid } from '../engine';
import { associate } from '../store/actions/associate';
import { mergeMoves } from '../store/moves';
import { useActionContext, useInspector } from '../store/react';
import { selectAt, selectCanWrite } from '../store/selectors';
import { AssociatePicker } from './AssociatePicker';
import { FollowToggle } from './FollowToggle';
import { originText } from './format';
import { JournalHint } from './JournalHint';
import { useHistory } from './use-history';
import { useShortcut } from './use-shortcut';

/**
 * One interaction: what it is, who owns it, its properties and udata, every owner change, and
 * "Associate with…" (the keyboard way to the same associate action a drag uses). Its owner changes
 * come from the engine's journal as well as from what the page saw, so they go back before the
 * page opened; once the page forgot it (15 s after it ended), the journal is what is shown.
 */
export function InteractionDetails({ g_uid }: { g_uid: string }) {
  const ctx = useActionContext();
  const onPage = useInspector((s) => s.model.interactions.get(g_uid));
  const seen = useInspector((s) => s.history.get(g_uid));
  const journal = useHistory({ of: 'interaction', target: g_uid }, onPage !== undefined);
  const ledger = journal?.ok === true && journal.history.of === 'interaction' ? journal.history : null;
  const interaction = onPage ?? ledger?.record ?? undefined;
  const at = useInspector(selectAt);
  // In the past, the journal's later moves are not shown: they have not happened yet.
  const history = useMemo(
    () => mergeMoves(ledger?.events ?? [], seen ?? [], g_uid).filter((move) => at === null || move.seq <= at),
    [ledger, seen, g_uid, at],
  );
  const canWrite = useInspector(selectCanWrite);
  const select = useInspector((s) => s.select);
  const [picking, setPicking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const owner = interaction?.owner ?? null;
  const canAssociate = canWrite && owner !== null && interaction?.state !== 'ended';
  const open = useCallback(() => setPicking(true), []);
  useShortcut('a', canAssociate && !picking, open);
  const close = () => {
    setPicking(false);
    button.current?.focus();
  };
  const choose = (target: string) => {
    close();
    void associate(ctx, { g_uid, target, origin: 'keyboard' });
  };

  if (interaction === undefined) return <JournalHint what="Interaction" id={g_uid} journal={journal} />;
  const ended = onPage === undefined || interaction.state === 'ended';
  const properties = Object.entries(interaction.properties).filter(([key]) => key !== OP_SESSION_ID);
  const udata = Object.entries(interaction.udata);
  const why = !canWrite
    ? 'A viewer may not move interactions'
    : owner === null
      ? 'It has no owner session to move it from'
      : undefined;
  return (
    <>
      <h2>
        <MediaDot media={interaction.media} />
        Interaction <span className="mono">{shortGuid(g_uid)}</span>
        {ended && (
          <span className="details-muted" data-testid="details-ended">
            {' '}
            · ended
          </span>
        )}
      </h2>
      {onPage === undefined && (
        <p className="details-muted" data-testid="details-from-journal">
          No longer on the page: as the engine's journal tells it.
        </p>
      )}
      <dl>
        <dt>g_uid</dt>
        <dd className="mono">{g_uid}</dd>
        <dt>category</dt>
        <dd>{interaction.category}</dd>
        <dt>media</dt>
        <dd>{interaction.media}</dd>
        <dt>state</dt>
        <dd>{interaction.state}</dd>
        <dt>owner</dt>
        <dd data-testid="details-owner">
          {owner === null ? (
            <span className="details-muted">none</span>
          ) : (
            <button type="button" className="mono" onClick={() => select({ kind: 'session', id: owner })}>
              {owner}
            </button>
          )}
        </dd>
        <dt>queue</dt>
        <dd>{interaction.queue}</dd>
        {interaction.parentid !== null && (
          <>
            <dt>parent</dt>
            <dd className="mono">{interaction.parentid}</dd>
          </>
        )}
      </dl>
      <div>
        <button
          ref={button}
          type="button"
          onClick={open}
          disabled={!canAssociate}
          title={why}
          aria-keyshortcuts="a"
          data-testid="associate-with"
        >
          Associate with… <kbd>a</kbd>
        </button>
        <FollowToggle g_uid={g_uid} live={!ended} />
      </div>
      <section>
        <h3>Properties</h3>
        <table>
          <tbody>
            <tr>
              <th scope="row">{OP_SESSION_ID}</th>
              <td className="mono" data-testid="details-op-session-id">
                {interaction.properties[OP_SESSION_ID] ?? ''}
              </td>
            </tr>
            {properties.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{key}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h3>udata</h3>
        {udata.length === 0 ? (
          <p className="details-muted">none</p>
        ) : (
          <table data-testid="details-udata">
            <tbody>
              {udata.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td>{String(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h3>Owner changes</h3>
        {seen !== undefined && seen.length > 0 && (
          <p className="details-muted" data-testid="details-path-drawn">
            Its path is drawn on the graph: an arrow for each move the page saw since it opened, numbered from
            the first and fading from the oldest to the latest.
          </p>
        )}
        <table className="details-history" data-testid="details-history">
          <thead>
            <tr>
              <th>seq · time</th>
              <th>from → to</th>
              <th>via · cause</th>
            </tr>
          </thead>
          <tbody>
            {history.map((move) => (
              <tr key={move.seq} data-testid="details-history-row" data-seq={move.seq}>
                <td>
                  {move.seq}
                  <small>
                    <TimeText time={move.time} />
                  </small>
                </td>
                <td className="mono">
                  {move.from ?? '—'} → {move.to ?? '—'}
                </td>
                <td>
                  {move.via}
                  <small data-testid="details-history-cause">{originText(move.origin, move.strategy)}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {ledger !== null && !ledger.complete && (
          <p className="details-muted" data-testid="details-history-from">
            The journal no longer keeps events before seq {ledger.from}.
          </p>
        )}
      </section>
      {picking && <AssociatePicker g_uid={g_uid} owner={owner} onChoose={choose} onClose={close} />}
    </>
  );
}
