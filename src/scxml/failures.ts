import type { Dialect } from './model';
import { ScriptError } from './script/realm';

/**
 * What went wrong in executable content, as the interpreter classes it. The class, not the
 * message, decides the error event's name, which differs by dialect (`errorEventName`).
 */
export type Failure =
  | {
      /** `script`: a script or expression threw; the others name what was being evaluated. */
      readonly kind: 'script' | 'illegalcond' | 'illegalloc' | 'illegaldata' | 'illegalvalue';
      /** The ECMAScript error's type (`ReferenceError`...). */
      readonly type: string;
    }
  | { readonly kind: 'send'; readonly reason: SendFailure }
  | { readonly kind: 'unsupported'; readonly element: string }
  | { readonly kind: 'execution' };

/**
 * `targetinvalid`: a target form the interpreter does not support; `nosuchsession` and
 * `targetunavailable`: a supported target that cannot be reached (W3C's `error.communication`).
 */
export type SendFailure =
  | 'failed'
  | 'noeventspecified'
  | 'targettypeinvalid'
  | 'targetinvalid'
  | 'nosuchsession'
  | 'targetunavailable';

/** An error of executable content with its class, and the `sendid` when a `<send>` failed after its id was given. */
export class ContentError extends Error {
  constructor(
    readonly failure: Failure,
    message: string,
    readonly sendid?: string,
  ) {
    super(message);
    this.name = 'ContentError';
  }
}

/** The type a script error names (`ReferenceError: x is not defined`), `Error` when it names none. */
export function scriptErrorType(error: ScriptError): string {
  if (error.kind === 'syntax') return 'SyntaxError';
  return /^([A-Za-z]*Error): /.exec(error.message)?.[1] ?? 'Error';
}

/** The class of what executable content threw; `otherwise` for an error that names none. */
export function failureOf(error: unknown, otherwise: Failure): Failure {
  if (error instanceof ContentError) return error.failure;
  if (error instanceof ScriptError) return { kind: 'script', type: scriptErrorType(error) };
  return otherwise;
}

const COMMUNICATION: ReadonlySet<SendFailure> = new Set(['nosuchsession', 'targetunavailable']);

/** Whether the Recommendation calls it a communication error rather than an execution error. */
export const isCommunication = (failure: Failure) =>
  failure.kind === 'send' && COMMUNICATION.has(failure.reason);

/**
 * The event a failure raises. The W3C Recommendation has two names; ORS (the 8.1 SCXML Technical
 * Reference, X8) names the class and, for some send errors, the state whose content failed. The
 * table in docs/scxml.md ("Error events") lists every name.
 */
export function errorEventName(failure: Failure, dialect: Dialect, state: string): string {
  if (dialect === 'w3c') return isCommunication(failure) ? 'error.communication' : 'error.execution';
  switch (failure.kind) {
    case 'script':
    case 'illegalcond':
    case 'illegalloc':
    case 'illegaldata':
    case 'illegalvalue':
      return `error.${failure.kind}.${failure.type}`;
    case 'unsupported':
      return `error.unsupported.${failure.element}`;
    case 'execution':
      return 'error.execution';
    case 'send':
      switch (failure.reason) {
        case 'targettypeinvalid':
          return `error.send.targettypeinvalid.${state}`;
        case 'targetinvalid':
        case 'targetunavailable':
          return `error.send.targetunavailable.${state}`;
        default:
          return `error.send.${failure.reason}`;
      }
  }
}
