import type { ScriptValue } from '../scxml/script/realm';

/**
 * The commands behind `_genesys.ixn.setuData(obj[, id])` and `deleteuData([keys][, id])` (X6,
 * I5). The engine validates them (E1): a bad key or value is refused there, naming the field.
 */
export function setuDataCommand(session: string, udata: ScriptValue, interactionid: string) {
  return { verb: 'setuData', session, interactionid, udata } as const;
}

/** `keys` may be one name, a list of names, or nothing (every key). */
export function deleteuDataCommand(session: string, keys: ScriptValue, interactionid: string) {
  const names = keys === undefined || keys === null ? {} : { keys: typeof keys === 'string' ? [keys] : keys };
  return { verb: 'deleteuData', session, interactionid, ...names } as const;
}

/** X6 [choice]: a function given no interaction acts on the session's first (in join order). */
export function targetInteraction(given: ScriptValue, owned: readonly string[]): string {
  if (typeof given === 'string') return given;
  if (given !== undefined && given !== null)
    throw new Error(`the interaction id must be a string, got ${typeof given}`);
  const first = owned[0];
  if (first === undefined) throw new Error('the session has no interaction to act on');
  return first;
}
