import { memo } from 'react';
import type { TimeFormatter } from '../display/time-format';
import type { LogRow } from '../store/log-buffer';
import { rowCells, rowInteraction, rowTime } from './format';

/** Every row has this height: the list is virtualized on it. Keep in step with log.css. */
export const ROW_HEIGHT = 24;

interface Props {
  readonly row: LogRow;
  /** Position in the filtered list, from 0. */
  readonly position: number;
  readonly top: number;
  readonly selected: boolean;
  /** The page's time display: a new one (another display, a tick of relative times) redraws the row. */
  readonly clock: TimeFormatter;
}

/**
 * One line of the log. Rows are immutable, so a row scrolled past again renders only if its
 * position or selection changed. A marker spans the whole width; an epoch's marker divides the
 * log. Clicks and keys are handled by the table body, once for all rows.
 */
export const LogRowView = memo(function LogRowView({ row, position, top, selected, clock }: Props) {
  const cells = rowCells(row);
  const time = rowTime(row);
  const common = {
    'aria-rowindex': position + 2,
    'data-testid': 'log-row',
    'data-index': position,
    'data-kind': row.kind,
    'data-name': cells.name,
    style: { top },
  };
  if (row.kind === 'marker') {
    return (
      <tr {...common} className={`log-row log-marker${row.epoch === undefined ? '' : ' log-epoch'}`}>
        <td colSpan={7}>
          <span title={clock.full(time)}>{clock.text(time)}</span> · {cells.data}
        </td>
      </tr>
    );
  }
  const g_uid = rowInteraction(row);
  return (
    <tr
      {...common}
      data-seq={row.kind === 'event' ? row.event.seq : undefined}
      className={`log-row log-${row.kind}${selected ? ' is-selected' : ''}`}
      aria-selected={selected}
      tabIndex={0}
    >
      <td className="log-seq">{cells.seq}</td>
      <td className="log-time" title={clock.full(time)}>
        {clock.text(time)}
      </td>
      <td className="log-session">{cells.session}</td>
      <td className="log-name">{cells.name}</td>
      <td className="log-ixn" title={g_uid ?? undefined}>
        {cells.interaction}
      </td>
      <td className="log-data" title={cells.data}>
        {cells.data}
      </td>
      <td className="log-cause">{cells.cause}</td>
    </tr>
  );
});
