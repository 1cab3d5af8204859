import type { Command } from '../../engine';

/** The `<ixn:*>` actions: the engine journals their `requestid` in each event's cause. */
const ACTIONS = ['associate', 'attach', 'detach', 'redirect', 'terminate'] as const;
type Action = Extract<Command, { verb: (typeof ACTIONS)[number] }>;

function isAction(command: Command): command is Action {
  return (ACTIONS as readonly string[]).includes(command.verb);
}

/** This page's own prefix: two pages on one server never name two requests alike. */
const page = Math.floor(Math.random() * 36 ** 6).toString(36);
let count = 0;

/**
 * An action with a `requestid` of the page's making unless it has one, so that, its reply lost
 * with the link, the page can still find its events in the journal.
 */
export function withRequestId(command: Command): Command {
  if (!isAction(command) || command.requestid !== undefined) return command;
  return { ...command, requestid: `P${page}.${++count}` };
}
