import type { InteractionRecord } from '../engine';

/** `_genesys.session` (X6): who runs the strategies. */
export interface ServerInfo {
  readonly name: string;
  readonly tenant: string;
  readonly tenantid: number;
}

export const DEFAULT_SERVER: ServerInfo = { name: 'ors-inspector', tenant: 'Environment', tenantid: 1 };

type Scalar = string | number | boolean;

/**
 * An interaction as a strategy reads it in `_genesys.ixn.interactions[id]` (X5). [choice] What
 * the engine has, it fills; what it does not model, it fills with a stable stand-in:
 * - `g_uid`, `category`, `udata` as the engine holds them; `parentid` is `''` without a parent;
 * - `tenantid` is the server's (`_genesys.session.tenantid`); `parties` is empty; `location` is
 *   `{}` (the engine routes no calls between switches);
 * - one media object, named by the category: `voice` {`callid` (the g_uid), `ani` and `dnis`
 *   (from udata keys `ani`, `dnis`, else `''`), `type` (`consult` with a parent, else `inbound`),
 *   `media`}, `msgbased` {`queue`, `type` `inbound`, `media`}, or `chat` {`type` `inbound`,
 *   `media`}. `media` is the name without `TMedia`, lower case (`voice`, `email`, `chat`).
 */
export interface InteractionView {
  readonly g_uid: string;
  readonly category: InteractionRecord['category'];
  readonly parentid: string;
  readonly udata: Readonly<Record<string, Scalar>>;
  readonly tenantid: number;
  readonly parties: readonly never[];
  readonly location: Readonly<Record<string, never>>;
  readonly voice?: {
    readonly callid: string;
    readonly ani: string;
    readonly dnis: string;
    readonly type: 'inbound' | 'consult';
    readonly media: string;
  };
  readonly msgbased?: { readonly queue: string; readonly type: 'inbound'; readonly media: string };
  readonly chat?: { readonly type: 'inbound'; readonly media: string };
}

export function interactionView(record: InteractionRecord, server: ServerInfo): InteractionView {
  const media = record.media.replace(/^TMedia/, '').toLowerCase();
  const base = {
    g_uid: record.g_uid,
    category: record.category,
    parentid: record.parentid ?? '',
    udata: record.udata,
    tenantid: server.tenantid,
    parties: [],
    location: {},
  };
  switch (record.category) {
    case 'voice':
      return {
        ...base,
        voice: {
          callid: record.g_uid,
          ani: text(record.udata.ani),
          dnis: text(record.udata.dnis),
          type: record.parentid === null ? 'inbound' : 'consult',
          media,
        },
      };
    case 'msgbased':
      return { ...base, msgbased: { queue: record.queue, type: 'inbound', media } };
    case 'chat':
      return { ...base, chat: { type: 'inbound', media } };
  }
}

const text = (value: Scalar | undefined) => (value === undefined ? '' : String(value));
