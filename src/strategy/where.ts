import type { SourcePosition } from '../scxml/errors';
import type { Action, ScxmlDocument } from '../scxml/model';

/** An element that made a command, as a strategy writes it (`ixn:associate`, `script`), and where it is. */
export interface Made {
  readonly element: string;
  readonly position: SourcePosition;
}

/** Which state holds an action element, and in which of its parts. */
export interface Place {
  readonly state: string;
  /** `transition`, `onentry`, `onexit`, `initial`, or `script` (the document's top-level script). */
  readonly within: string;
}

const key = (position: SourcePosition) => `${position.line}:${position.column}`;

/** One index per compiled document, made the first time one of its sessions makes a command. */
const indexes = new WeakMap<ScxmlDocument, ReadonlyMap<string, Place>>();

/**
 * The place of the action element at `position` in `document`: the state whose transition,
 * `onentry` or `onexit` holds it (at any depth of `if` and `foreach`). A cause names it, so the
 * inspector can say which state made a move.
 */
export function placeOf(document: ScxmlDocument, position: SourcePosition): Place | undefined {
  let index = indexes.get(document);
  if (index === undefined) {
    index = indexDocument(document);
    indexes.set(document, index);
  }
  return index.get(key(position));
}

function indexDocument(document: ScxmlDocument): ReadonlyMap<string, Place> {
  const index = new Map<string, Place>();
  const add = (actions: readonly Action[], place: Place) => {
    for (const action of actions) {
      index.set(key(action.position), place);
      if (action.kind === 'if') for (const branch of action.branches) add(branch.actions, place);
      if (action.kind === 'foreach') add(action.actions, place);
    }
  };
  add(document.script, { state: document.root.id, within: 'script' });
  for (const state of document.states) {
    for (const block of state.onentry) add(block, { state: state.id, within: 'onentry' });
    for (const block of state.onexit) add(block, { state: state.id, within: 'onexit' });
    for (const transition of state.transitions)
      add(transition.actions, { state: state.id, within: 'transition' });
    if (state.initial) add(state.initial.actions, { state: state.id, within: 'initial' });
  }
  return index;
}
