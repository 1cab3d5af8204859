/**
 * Public shapes of spec section R ("Addressing resources"). A resource reaches the engine either as a
 * string or as a resource object (the `_data.res.*` fields of ORS); both are parsed into one
 * `Resource` so the rest of the engine never re-reads the raw input.
 */
import type { Category, MediaName } from '../media';

/** The ORS resource object, as a script writes it. Every field is a string in ORS. */
export interface ResourceObject {
  type?: string;
  agent?: string;
  place?: string;
  dn?: string;
  switch?: string;
  id?: string;
  wb_type?: string;
  wb_owner?: string;
}

export type ResourceInput = string | ResourceObject;

/**
 * `agentOrPlace` exists because the string form of the multimedia agent and place rows is the same
 * bare id (`agent1`, `place2`): only the configuration could tell them apart, and parsing does not
 * see it.
 */
export type ResourceKind =
  | 'agent'
  | 'place'
  | 'agentOrPlace'
  | 'agentGroup'
  | 'placeGroup'
  | 'dn'
  | 'interactionQueue'
  | 'workbin'
  | 'email'
  | 'webUser'
  | 'customerNumber'
  | 'target';

export type ResourceForm = 'string' | 'object';

/**
 * The parsed, normalized resource. `address` is a one-line human form for logs, e.g. "agent agent1",
 * "DN 9192340978@switch3", "e-mail _origin".
 * Which fields are set, by kind: agent/agentGroup `agent`; place/placeGroup `place`; agentOrPlace
 * `id` (the bare id); dn `dn`, maybe `switch` and `type`; customerNumber `dn`; interactionQueue `type`
 * and `id`; workbin `type`, `id`, maybe `wb_type` and `wb_owner`; email `email`; webUser `url`;
 * target `target`, `switch` (maybe empty) and `type` (the TYPE code).
 */
export interface Resource extends ResourceObject {
  kind: ResourceKind;
  form: ResourceForm;
  address: string;
  email?: string;
  url?: string;
  target?: string;
}

/**
 * R2: a form the table marks "not supported"; R3: a malformed value. `field` is the object property
 * at fault, or `'address'` for the string form (the caller knows which command field held it).
 */
export interface ResourceError {
  rule: 'R2' | 'R3';
  field: string;
  kind?: ResourceKind;
  form: ResourceForm;
  media: MediaName;
  reason: string;
}

export type ResourceParse = { ok: true; resource: Resource } | { ok: false; error: ResourceError };

/** The interaction the resource is addressed for: its category and media decide what is allowed. */
export interface MediaContext {
  category: Category;
  media: MediaName;
}
