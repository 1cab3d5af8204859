import { recordingOf } from '../../connection/recording/recording-of';
import { recordingFileName, writeRecording } from '../../connection/recording/write-recording';
import type { InspectorState } from '../../store/state';
import { download } from './recording-files';

/**
 * Downloads what the page holds as a recording: the timeline's base snapshot and every event
 * since, with the strategy labels of its present (also while the past is on screen).
 */
export async function exportRecording({ record }: Pick<InspectorState, 'record'>): Promise<string> {
  const recording = recordingOf(record.base, record.events, record.head.strategies.values());
  const file = await writeRecording(recording);
  const name = recordingFileName(recording);
  download(new Blob([file], { type: 'application/gzip' }), name);
  return name;
}
