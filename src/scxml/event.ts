import type { ScriptValue } from './script/realm';

/** An SCXML event as scripts see it in `_event` (section 5.10.1). */
export interface ScxmlEvent {
  readonly name: string;
  readonly type: 'platform' | 'internal' | 'external';
  readonly sendid?: string;
  readonly origin?: string;
  readonly origintype?: string;
  readonly invokeid?: string;
  readonly data?: ScriptValue;
}

/**
 * Whether a transition's descriptor matches an event name (section 3.12.1): `*` matches all; otherwise
 * the descriptor's tokens are a prefix of the name's tokens (`error` matches `error.send.failed`);
 * a trailing `.*` or `.` is ignored.
 */
export function matchesDescriptor(descriptor: string, name: string): boolean {
  if (descriptor === '*') return true;
  const prefix = descriptor.replace(/\.?\*$/, '').replace(/\.$/, '');
  return name === prefix || name.startsWith(`${prefix}.`);
}

export const SCXML_EVENT_PROCESSOR = 'http://www.w3.org/TR/scxml/#SCXMLEventProcessor';
