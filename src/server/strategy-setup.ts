import { loadRealmFactory } from '../scxml/script/node-realms';
import { registerFakeServices, type StrategySetup } from '../strategy';
import type { StrategyDirectory } from './strategy-directory';

/**
 * How the server runs strategies: documents from its directory only (what sessions start with,
 * `xi:include` and `<data src>` alike), in the ORS dialect, with the FAKE services seeded by the
 * traffic seed, so a run can be repeated.
 */
export async function strategySetup(directory: StrategyDirectory, seed: number): Promise<StrategySetup> {
  return {
    realms: await loadRealmFactory(),
    documents: directory.read,
    dialect: 'ors',
    register: (actions) => registerFakeServices(actions, { seed }),
  };
}
