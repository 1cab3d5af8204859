import { VirtualClock } from './clock';
import { type CompileOptions, compileScxml } from './compile';
import { ScxmlDocumentError } from './errors';
import { ScxmlHost, type ScxmlHostOptions } from './host';
import { loadRealmFactory } from './script/node-realms';
import type { RealmFactory } from './script/realm';
import type { TraceRecord } from './trace';

let realms: Promise<RealmFactory> | null = null;

/** A host on a virtual clock with the sandboxed realms, recording every trace record (tests only). */
export async function testHost(options: Partial<ScxmlHostOptions> = {}) {
  realms ??= loadRealmFactory();
  const clock = new VirtualClock();
  const records: TraceRecord[] = [];
  const host = new ScxmlHost({ realms: await realms, clock, onTrace: (r) => records.push(r), ...options });
  return { host, clock, records };
}

/** A document in the SCXML namespace with the ECMAScript datamodel around `body`. */
export const scxml = (body: string, attributes = '') =>
  `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" ${attributes}>${body}</scxml>`;

/** Why a document is refused; fails the test if it is accepted. */
export function refusal(source: string, options: CompileOptions = {}): ScxmlDocumentError {
  try {
    compileScxml(source, options);
  } catch (error) {
    if (error instanceof ScxmlDocumentError) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}
