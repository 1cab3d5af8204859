import { TIME_DISPLAY_LABELS } from '../../display/time-format';
import { TIME_DISPLAYS } from '../../store/preferences';
import { usePreference } from '../../store/preferences-react';

/** How the page shows times, in the log, the details and the timeline. */
export function TimeDisplayPicker() {
  const time = usePreference((p) => p.time);
  const setTime = usePreference((p) => p.setTime);
  return (
    <label className="time-display">
      Times
      <select
        value={time}
        onChange={(e) => {
          const chosen = TIME_DISPLAYS.find((display) => display === e.target.value);
          if (chosen !== undefined) setTime(chosen);
        }}
        data-testid="time-display"
      >
        {TIME_DISPLAYS.map((display) => (
          <option key={display} value={display}>
            {TIME_DISPLAY_LABELS[display]}
          </option>
        ))}
      </select>
    </label>
  );
}
