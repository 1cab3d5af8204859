/**
 * A refused command's one error (E1). `code` follows the ORS `error.interaction.*` codes where the
 * spec gives them (A6, I1-I4); `badcommand` is a command whose shape is wrong, `duplicate` an id
 * already taken. `field` names the offending field, `reason` says what is wrong with it.
 */
export type ErrorCode =
  | 'badcommand'
  | 'duplicate'
  | 'unknown'
  | 'invalidstate'
  | `invalidstate.${string}`
  | 'invaliddestination';

/** The ORS error event the requesting session would receive (A6), e.g. `error.interaction.associate`. */
export interface OrsErrorEvent {
  readonly name: `error.interaction.${string}`;
  readonly session: string;
  readonly data: { readonly requestid: string; readonly error: ErrorCode; readonly description: string };
}

export interface CommandError {
  readonly code: ErrorCode;
  readonly field: string;
  readonly reason: string;
  /** The verb of the refused command, when it could be read. */
  readonly verb?: string;
  readonly ors?: OrsErrorEvent;
}

/**
 * Thrown by a command handler while it plans its events, before anything is applied, and caught
 * by the engine: a refusal can never leave a half-done change.
 */
export class Refusal {
  constructor(
    readonly code: ErrorCode,
    readonly field: string,
    readonly reason: string,
  ) {}
}
