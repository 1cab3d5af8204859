/** The engine's public face: everything outside src/engine imports from here. */
export { applyEvent, createdInteraction, startedSession } from './apply';
export {
  type Command,
  type CommandOf,
  LIMITS,
  VERBS,
  type Verb,
} from './commands';
export { dryRun } from './dry-run';
export { type CommandResult, Engine, type EngineOptions, type EventListener } from './engine';
export type { CommandError, ErrorCode, OrsErrorEvent } from './errors';
export {
  type Cause,
  type EngineEvent,
  EVENT_NAMES,
  type EventName,
  type EventOf,
  eventInteraction,
  ORIGINS,
  type Origin,
  type OwnerChange,
  type ParamValue,
  type SessionEndReason,
  type StartParams,
  type StrategyCause,
} from './events';
export { shortGuid } from './ids';
export { type Category, MEDIA_NAMES, type MediaName } from './media';
export {
  copyModel,
  createModel,
  type InteractionRecord,
  type InteractionState,
  type Invoker,
  type Model,
  OP_SESSION_ID,
  type SessionRecord,
  type SessionState,
  type Udata,
} from './model';
export type { Resource, ResourceInput } from './resource';
export { modelFromSnapshot, type Snapshot, takeSnapshot } from './snapshot';
export { pump, TrafficGenerator } from './traffic';
export { validateCommand } from './validate';
