/**
 * Why a file or URL does not open as a recording. `line` and `field` say where (1-based line of
 * the decompressed text; a dotted path inside it), so the user can find it; nothing is opened.
 */
export type RecordingErrorCode =
  /** Starts like gzip but does not decompress. */
  | 'badgzip'
  /** Not UTF-8 text, or a line that is not JSON. */
  | 'badjson'
  /** Neither a recording nor a server's journal file; or a field of one is wrong. */
  | 'badformat'
  /** A recording of a version this page does not read. */
  | 'badversion'
  /** Nothing in it. */
  | 'empty'
  /** `?recording=URL` could not be fetched. */
  | 'badfetch';

export class RecordingError extends Error {
  override readonly name = 'RecordingError';
  constructor(
    readonly code: RecordingErrorCode,
    readonly reason: string,
    readonly where: { readonly line?: number; readonly field?: string } = {},
  ) {
    super(`${place(where)}${reason}`);
  }
}

function place({ line, field }: { readonly line?: number; readonly field?: string }): string {
  const at = [line === undefined ? '' : `line ${line}`, field === undefined || field === '' ? '' : field]
    .filter((part) => part !== '')
    .join(', ');
  return at === '' ? '' : `${at}: `;
}
