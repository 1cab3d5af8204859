import { useTimeFormat } from './use-time-format';

/** A moment in the display the user chose, the whole of it (date, time, zone) on hover. */
export function TimeText({ time }: { time: number }) {
  const clock = useTimeFormat();
  return (
    <time dateTime={new Date(time).toISOString()} title={clock.full(time)} data-testid="time">
      {clock.text(time)}
    </time>
  );
}
