import type { Engine } from '../engine';
import type { Clock } from '../scxml/clock';
import type { StrategyResult } from './result';
import { StrategyRuntime, type StrategyRuntimeOptions } from './runtime';

/** What a host (the worker, the server, a replay) gives to run strategies: all but the engine and clock. */
export interface StrategySetup extends Omit<StrategyRuntimeOptions, 'engine' | 'clock'> {
  /** Queue → src of the strategy an arrival there starts (X10). */
  readonly provisioning?: ReadonlyMap<string, string>;
  /** Documents a client may pick by name (the bundled samples): what a host lists; the runtime reads none. */
  readonly catalog?: readonly string[];
}

/** A runtime on `engine`, provisioned as `setup` says; the first queue that cannot be is the error. */
export function strategyRuntime(
  engine: Engine,
  clock: Clock,
  setup: StrategySetup,
): StrategyResult<StrategyRuntime> {
  const { provisioning, catalog: _listed, ...options } = setup;
  const runtime = new StrategyRuntime({ ...options, engine, clock });
  for (const [queue, src] of provisioning ?? []) {
    const provisioned = runtime.provision(queue, src);
    if (!provisioned.ok) {
      runtime.stop();
      return { ok: false, error: { ...provisioned.error, field: `provisioning.${queue}` } };
    }
  }
  return { ok: true, value: runtime };
}
