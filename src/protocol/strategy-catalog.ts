import type { StrategyRuntime } from '../strategy';
import type { StrategyCatalog } from './messages';

/**
 * The catalog a host offers now: every queue its runtime has mapped, with the strategy's name,
 * and the documents a client may name: those the host bundles (`named`), those mapped, and the
 * uploads. Built when it is sent (on sync, after a change), never per event.
 */
export function strategyCatalog(runtime: StrategyRuntime, named: Iterable<string>): StrategyCatalog {
  const queues = [...runtime.provisioning]
    .map(([queue, src]) => {
      const checked = runtime.check(src);
      return { queue, src, strategy: checked.ok ? checked.value.strategy : src };
    })
    .sort((a, b) => a.queue.localeCompare(b.queue));
  const documents = new Set([...named, ...queues.map((q) => q.src)]);
  return { queues, documents: [...documents].sort() };
}
