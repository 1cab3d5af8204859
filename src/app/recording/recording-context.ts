import { createContext, useContext } from 'react';
import type { Recording } from '../../connection/recording/recording';

/** The recording on screen, and how to open another in place of what is shown. */
export interface RecordingControls {
  /** What the recording on screen was read from (a file's or URL's name); null while live. */
  readonly name: string | null;
  /** Shows `recording` instead of the current engine (or recording), which is closed. */
  readonly open: (recording: Recording, name: string) => void;
}

export const RecordingContext = createContext<RecordingControls | null>(null);

export function useRecordingControls(): RecordingControls {
  const controls = useContext(RecordingContext);
  if (controls === null) throw new Error('useRecordingControls needs a RecordingContext provider (App)');
  return controls;
}
