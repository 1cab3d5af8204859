import { isAtomic, isCompound, type StateNode, type Transition } from './model';

/**
 * The structural functions of Appendix D of the SCXML Recommendation: which states a set of
 * transitions exits and enters, given the configuration and the recorded histories.
 */
export interface MachineState {
  readonly configuration: ReadonlySet<StateNode>;
  readonly history: ReadonlyMap<StateNode, readonly StateNode[]>;
}

export interface EntrySet {
  readonly states: Set<StateNode>;
  /** Compound states entered by their default (their initial transition's content runs). */
  readonly defaultEntry: Set<StateNode>;
  /** A history state's default transition content, keyed by the history's parent. */
  readonly historyContent: Map<StateNode, Transition>;
}

export const documentOrder = (a: StateNode, b: StateNode) => a.order - b.order;

/** `<state>`, `<parallel>` and `<final>` children, without history pseudo-states. */
export const childStates = (s: StateNode) => s.children.filter((c) => c.kind !== 'history');

export function isDescendant(state: StateNode, ancestor: StateNode): boolean {
  for (let p = state.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Ancestors of `state`, nearest first, stopping before `stop` (or including the root if null). */
export function properAncestors(state: StateNode, stop: StateNode | null): StateNode[] {
  const result: StateNode[] = [];
  for (let p = state.parent; p && p !== stop; p = p.parent) result.push(p);
  return result;
}

export function effectiveTargets(transition: Transition, machine: MachineState): Set<StateNode> {
  const targets = new Set<StateNode>();
  for (const s of transition.targets) {
    if (s.kind !== 'history') targets.add(s);
    else {
      const recorded = machine.history.get(s);
      const states = recorded ?? (s.initial ? effectiveTargets(s.initial, machine) : []);
      for (const t of states) targets.add(t);
    }
  }
  return targets;
}

function findLcca(head: StateNode, tail: Iterable<StateNode>): StateNode {
  const rest = [...tail];
  for (const ancestor of properAncestors(head, null)) {
    if ((ancestor.kind === 'scxml' || isCompound(ancestor)) && rest.every((s) => isDescendant(s, ancestor))) {
      return ancestor;
    }
  }
  // The root is every state's ancestor; reaching here means `head` is the root itself.
  return head;
}

export function transitionDomain(transition: Transition, machine: MachineState): StateNode | null {
  const targets = effectiveTargets(transition, machine);
  if (targets.size === 0) return null;
  const source = transition.source;
  if (
    transition.type === 'internal' &&
    isCompound(source) &&
    [...targets].every((s) => isDescendant(s, source))
  ) {
    return source;
  }
  return findLcca(source, targets);
}

export function exitSet(transitions: Iterable<Transition>, machine: MachineState): Set<StateNode> {
  const states = new Set<StateNode>();
  for (const t of transitions) {
    if (t.targets.length === 0) continue;
    const domain = transitionDomain(t, machine);
    if (!domain) continue;
    for (const s of machine.configuration) if (isDescendant(s, domain)) states.add(s);
  }
  return states;
}

export function entrySet(transitions: Iterable<Transition>, machine: MachineState): EntrySet {
  const entry: EntrySet = { states: new Set(), defaultEntry: new Set(), historyContent: new Map() };
  for (const t of transitions) {
    for (const s of t.targets) addDescendants(s, entry, machine);
    const domain = transitionDomain(t, machine);
    for (const s of effectiveTargets(t, machine)) addAncestors(s, domain, entry, machine);
  }
  return entry;
}

function addDescendants(state: StateNode, entry: EntrySet, machine: MachineState): void {
  if (state.kind === 'history') {
    const parent = state.parent;
    const recorded = machine.history.get(state);
    const targets = recorded ?? state.initial?.targets ?? [];
    if (!recorded && state.initial && parent) entry.historyContent.set(parent, state.initial);
    for (const s of targets) addDescendants(s, entry, machine);
    for (const s of targets) addAncestors(s, parent, entry, machine);
    return;
  }
  entry.states.add(state);
  if (isCompound(state) && state.initial) {
    entry.defaultEntry.add(state);
    for (const s of state.initial.targets) addDescendants(s, entry, machine);
    for (const s of state.initial.targets) addAncestors(s, state, entry, machine);
  } else if (state.kind === 'parallel') {
    enterRegions(state, entry, machine);
  }
}

function addAncestors(
  state: StateNode,
  stop: StateNode | null,
  entry: EntrySet,
  machine: MachineState,
): void {
  for (const ancestor of properAncestors(state, stop)) {
    if (ancestor.kind === 'scxml') continue;
    entry.states.add(ancestor);
    if (ancestor.kind === 'parallel') enterRegions(ancestor, entry, machine);
  }
}

function enterRegions(parallel: StateNode, entry: EntrySet, machine: MachineState): void {
  for (const child of childStates(parallel)) {
    if (![...entry.states].some((s) => s === child || isDescendant(s, child)))
      addDescendants(child, entry, machine);
  }
}

export function isInFinalState(state: StateNode, configuration: ReadonlySet<StateNode>): boolean {
  if (isCompound(state)) return childStates(state).some((c) => c.kind === 'final' && configuration.has(c));
  if (state.kind === 'parallel') return childStates(state).every((c) => isInFinalState(c, configuration));
  return false;
}

/** The optimal enabled transition set: of two conflicting transitions, the one deeper in the tree wins. */
export function removeConflicts(enabled: readonly Transition[], machine: MachineState): Transition[] {
  let filtered: Transition[] = [];
  for (const t1 of enabled) {
    let preempted = false;
    const removed = new Set<Transition>();
    const exit1 = exitSet([t1], machine);
    for (const t2 of filtered) {
      const exit2 = exitSet([t2], machine);
      if ([...exit1].some((s) => exit2.has(s))) {
        if (isDescendant(t1.source, t2.source)) removed.add(t2);
        else {
          preempted = true;
          break;
        }
      }
    }
    if (!preempted) {
      filtered = filtered.filter((t) => !removed.has(t));
      filtered.push(t1);
    }
  }
  return filtered;
}

/** Atomic states of the configuration in document order: where transition selection starts. */
export function atomicStates(configuration: ReadonlySet<StateNode>): StateNode[] {
  return [...configuration].filter(isAtomic).sort(documentOrder);
}
