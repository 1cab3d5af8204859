import { STRATEGY_LIMITS } from '../../protocol/messages';

/** A strategy file the user picked or dropped, read and named as the host will know it. */
export type StrategyFile =
  | { readonly ok: true; readonly src: string; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/** Where uploads live among the host's documents: apart from the bundled ones, never over them. */
const UPLOADED = 'uploaded/';

/**
 * Reads a `.scxml` file. Its src is `uploaded/` and its name with anything but letters, digits and
 * `_ . -` made `_`, so it is a name the host takes; a file that is not `.scxml`, or too large, is
 * refused by name before anything is sent.
 */
export async function readStrategyFile(file: File): Promise<StrategyFile> {
  if (!file.name.toLowerCase().endsWith('.scxml'))
    return { ok: false, reason: `${file.name} is not an .scxml file` };
  if (file.size > STRATEGY_LIMITS.document)
    return { ok: false, reason: `${file.name} is larger than ${STRATEGY_LIMITS.document / 1024} KB` };
  const base = file.name
    .slice(0, -'.scxml'.length)
    .replace(/[^\w.-]/g, '_')
    .replace(/^\.+/, '_');
  return { ok: true, src: `${UPLOADED}${base.slice(0, 100) || 'strategy'}.scxml`, text: await file.text() };
}
