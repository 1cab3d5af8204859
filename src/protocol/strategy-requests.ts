import type { StrategyError, StrategyRuntime } from '../strategy';
import type { ProtocolError, ReplyBody, Request } from './messages';
import type { StrategyWatch } from './strategy-watch';

export type StrategyRequest = Extract<Request, { type: 'strategy' | 'provision' }>;

/** What a host gives the strategy requests: its runtime and watch (null without strategies), its uploads. */
export interface StrategyDesk {
  readonly runtime: StrategyRuntime | null;
  readonly watch: StrategyWatch | null;
  /** Documents clients uploaded, by src; null where the host reads only its own (a server). */
  readonly uploads: Map<string, string> | null;
}

/**
 * The answers to `strategy` (inspect one session) and `provision` (a queue runs a document,
 * uploaded with it or not). A refusal changes nothing. (An event for a session's state machine is
 * the engine's `sendEvent` command: it is journaled.)
 */
export function answerStrategyRequest(
  request: StrategyRequest,
  desk: StrategyDesk,
): ReplyBody | ProtocolError {
  const { runtime, watch } = desk;
  if (runtime === null || watch === null)
    return { code: 'forbidden', field: 'type', reason: 'this host runs no strategies' };
  switch (request.type) {
    case 'strategy': {
      const inspection = watch.inspect(request.session, runtime);
      if (inspection === null)
        return { code: 'unknown', field: 'session', reason: `session ${request.session} runs no strategy` };
      return { type: 'strategy', ...inspection };
    }
    case 'provision':
      return provision(request, runtime, desk.uploads);
  }
}

function provision(
  request: Extract<StrategyRequest, { type: 'provision' }>,
  runtime: StrategyRuntime,
  uploads: Map<string, string> | null,
): ReplyBody | ProtocolError {
  const { queue, src, text } = request;
  if (text !== undefined && uploads === null)
    return {
      code: 'forbidden',
      field: 'text',
      reason: 'this host reads strategies only from its own directory',
    };
  const previous = uploads?.get(src);
  if (text !== undefined) uploads?.set(src, text);
  const provisioned = runtime.provision(queue, src);
  if (!provisioned.ok) {
    // A document that does not compile is not kept: the upload changes nothing.
    if (text !== undefined) {
      if (previous === undefined) uploads?.delete(src);
      else uploads?.set(src, previous);
    }
    return protocolError(provisioned.error);
  }
  return { type: 'provision', queue, src, strategy: provisioned.value.strategy };
}

/** A runtime refusal on the wire: a document's errors keep their position. */
function protocolError(error: StrategyError): ProtocolError {
  const code =
    error.code === 'baddocument' ? 'baddocument' : error.code === 'unknown' ? 'unknown' : 'badmessage';
  return {
    code,
    field: error.field,
    reason: error.reason,
    ...(error.position === undefined ? {} : { position: error.position }),
  };
}
