import { DEFAULT_LIMITS } from '../scxml/host';
import { loadRealmFactory } from '../scxml/script/node-realms';
import type { QuickJSRealmFactory } from '../scxml/script/quickjs-factory';
import { registerFakeServices, type StrategySetup } from '../strategy';
import { type SessionRequests, WS_NAMESPACE } from './session-requests';
import type { StrategyDirectory } from './strategy-directory';
import { StrategyListing } from './strategy-listing';

/**
 * Realms made ahead of arrivals (`--realm-pool`): each waiting realm holds about 70 KB of memory
 * (RSS; docs/strategies.md), so 64 hold about 4.5 MB, and cover a burst of 64 arrivals after any
 * idle moment.
 */
export const DEFAULT_REALM_POOL = 64;

export interface ServerStrategyOptions {
  /** The FAKE services' seed (the traffic seed), so a run can be repeated. */
  readonly seed: number;
  /** Realms made ahead in idle time; 0 makes each realm on arrival. */
  readonly pool?: number;
  /** Where `<ws:response>` answers REST requests; without it the element is unsupported. */
  readonly requests?: SessionRequests;
  /** Queue → src (the samples manifest's mapping), if any. */
  readonly provisioning?: ReadonlyMap<string, string>;
  /** Where a document left out of the catalog is named, with its error. */
  readonly warn: (line: string) => void;
}

/**
 * How the server runs strategies: documents from its directory only (what sessions start with,
 * `xi:include` and `<data src>` alike), in the ORS dialect, with the FAKE services. Pooled realms
 * have the limits the runtime asks for (the host's defaults), so every session may take one.
 */
export async function strategySetup(
  directory: StrategyDirectory,
  { seed, pool = DEFAULT_REALM_POOL, requests, provisioning, warn }: ServerStrategyOptions,
): Promise<StrategySetup & { readonly realms: QuickJSRealmFactory }> {
  const listing = new StrategyListing(directory, warn);
  return {
    get catalog() {
      return listing.list();
    },
    ...(provisioning === undefined ? {} : { provisioning }),
    realms: await loadRealmFactory(pool === 0 ? undefined : { size: pool, limits: DEFAULT_LIMITS }),
    documents: directory.read,
    dialect: 'ors',
    register: (actions) => {
      registerFakeServices(actions, { seed });
      if (requests !== undefined) actions.register(WS_NAMESPACE, 'response', requests.respond);
    },
  };
}
