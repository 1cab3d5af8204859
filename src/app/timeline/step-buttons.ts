import type { Direction, StepUnit } from '../../timeline/steps';

/** One step control: its button text, its spoken label, and its key (use-timeline-keys.ts). */
export interface StepButton {
  readonly unit: StepUnit;
  readonly direction: Direction;
  readonly text: string;
  readonly label: string;
  readonly key: string;
}

/** In the order they sit in the bar, backward ones first; the keys pair up left and right. */
export const STEP_BUTTONS: readonly StepButton[] = [
  { unit: 'move', direction: -1, text: '« Move', label: 'Step back over a move', key: '[' },
  { unit: 'event', direction: -1, text: '‹ Event', label: 'Step back one event', key: ',' },
  {
    unit: 'selected',
    direction: -1,
    text: '‹ Selected',
    label: "Back to the selected item's previous event",
    key: '{',
  },
  {
    unit: 'selected',
    direction: 1,
    text: 'Selected ›',
    label: "Forward to the selected item's next event",
    key: '}',
  },
  { unit: 'event', direction: 1, text: 'Event ›', label: 'Step forward one event', key: '.' },
  { unit: 'move', direction: 1, text: 'Move »', label: 'Step forward over a move', key: ']' },
];

/** The key that goes back to the present. */
export const LIVE_KEY = 'l';
