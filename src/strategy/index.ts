/**
 * The strategy runtime's public face: everything outside src/strategy imports from here.
 *
 * ORS applications (SCXML documents) run in the engine: `StrategyRuntime` composes an `Engine`
 * and an `ScxmlHost`. Sessions get a strategy by provisioning (an arrival on a mapped queue) or
 * by `start(src, params)`; their ixn actions and `_genesys.ixn` functions run the engine's verbs
 * with origin `strategy` and a cause naming the strategy, session, state and element (with its
 * line). `replayStrategies` re-runs strategies from a journal and checks that what they made
 * matches it. See `src/strategy/README.md` and `docs/strategies.md`.
 */

export type { DocumentResolver } from './documents';
export { type FakeServicesOptions, registerFakeServices } from './fakes/register';
export type { InteractionView, ServerInfo } from './interaction-view';
export { IXN_NAMESPACE } from './ixn-actions';
export { type ReplayMismatch, type ReplayResult, replayStrategies } from './replay';
export type { StrategyError, StrategyResult } from './result';
export { elementName } from './running';
export { StrategyRuntime, type StrategyRuntimeOptions, type StrategySessionInfo } from './runtime';
export { type StrategySetup, strategyRuntime } from './setup';
