/**
 * Human words for kinds and forms, and the one-line `address` of a parsed resource. Reasons and log
 * lines share these words so a reader sees the same name for a kind everywhere.
 */
import type { Resource, ResourceForm, ResourceKind } from './types';

export const KIND_LABEL: Readonly<Record<ResourceKind, string>> = {
  agent: 'agent',
  place: 'place',
  agentOrPlace: 'agent or place',
  agentGroup: 'agent group',
  placeGroup: 'place group',
  dn: 'DN',
  interactionQueue: 'interaction queue',
  workbin: 'workbin',
  email: 'e-mail address',
  webUser: 'web user',
  customerNumber: 'customer number',
  target: 'target format address',
};

export function formLabel(form: ResourceForm): string {
  return form === 'string' ? 'a string' : 'an object';
}

/** e.g. "agent agent1", "DN 9192340978@switch3", "e-mail _origin", "workbin Drafts of A agent1". */
export function addressOf(r: Omit<Resource, 'address'>): string {
  switch (r.kind) {
    case 'agent':
    case 'agentGroup':
      return `${KIND_LABEL[r.kind]} ${r.agent ?? ''}`;
    case 'place':
    case 'placeGroup':
      return `${KIND_LABEL[r.kind]} ${r.place ?? ''}`;
    case 'agentOrPlace':
      return `agent or place ${r.id ?? ''}`;
    case 'dn': {
      const where = r.switch ? `${r.dn ?? ''}@${r.switch}` : (r.dn ?? '');
      // Q and RP say what the DN is; DN adds nothing to "DN".
      return r.type && r.type !== 'DN' ? `DN ${where} (${r.type})` : `DN ${where}`;
    }
    case 'customerNumber':
      return `customer number ${r.dn ?? ''}`;
    case 'interactionQueue':
      return `interaction queue ${r.id ?? ''}`;
    case 'workbin': {
      const owner = [r.wb_type, r.wb_owner].filter(Boolean).join(' ');
      return owner ? `workbin ${r.id ?? ''} of ${owner}` : `workbin ${r.id ?? ''}`;
    }
    case 'email':
      return `e-mail ${r.email ?? ''}`;
    case 'webUser':
      return `web user ${r.url ?? ''}`;
    case 'target':
      return `target ${r.target ?? ''}@${r.switch ?? ''}.${r.type ?? ''}`;
  }
}
