import type { SourcePosition } from './errors';
import type { XmlElement } from './xml';

/**
 * Which SCXML a document is written in: the W3C Recommendation, or ORS's (the Working Draft of
 * 7 May 2009 as Orchestration Server runs it; "The ORS dialect" in docs/scxml.md).
 */
export type Dialect = 'w3c' | 'ors';

/** A compiled SCXML document: states in document order, ids resolved, executable content typed. */
export interface ScxmlDocument {
  readonly name: string | null;
  readonly dialect: Dialect;
  /** Where the document was read from, if it was (`src`, a strategy file): error events name it. */
  readonly href: string | null;
  /** `null`: no data, no scripts, only `In()` (section B.1). */
  readonly datamodel: 'ecmascript' | 'null';
  readonly binding: 'early' | 'late';
  /** The `<scxml>` element as the root state; `states[0]`. */
  readonly root: StateNode;
  /** Every state, the root first, in document order (`order` is the index here). */
  readonly states: readonly StateNode[];
  readonly byId: ReadonlyMap<string, StateNode>;
  /** Top-level `<script>`, run once after the datamodel is bound. */
  readonly script: readonly Action[];
}

export type StateKind = 'scxml' | 'state' | 'parallel' | 'final' | 'history';

export interface StateNode {
  readonly id: string;
  readonly kind: StateKind;
  readonly order: number;
  readonly parent: StateNode | null;
  readonly children: StateNode[];
  /** The default entry of a compound state (the `initial` attribute, `<initial>`, or the first child). */
  initial: Transition | null;
  readonly transitions: Transition[];
  readonly onentry: (readonly Action[])[];
  readonly onexit: (readonly Action[])[];
  readonly data: readonly DataDefinition[];
  readonly invokes: readonly InvokeDefinition[];
  readonly donedata: DoneData | null;
  /** For a history pseudo-state: which descendants it remembers. */
  readonly history: 'shallow' | 'deep' | null;
}

export interface Transition {
  readonly source: StateNode;
  /** Event descriptors; empty for an eventless transition. */
  readonly events: readonly string[];
  readonly cond: string | null;
  targets: readonly StateNode[];
  readonly type: 'internal' | 'external';
  readonly actions: readonly Action[];
  /** Document order among all transitions, for the trace. */
  readonly order: number;
  /** The `<transition>` element's, or its state's for a default entry. */
  readonly position: SourcePosition;
}

export interface DataDefinition {
  readonly id: string;
  readonly expr: string | null;
  readonly src: string | null;
  /** Inline content as text (JSON or a string). */
  readonly content: string | null;
  readonly position: SourcePosition;
}

/** A value given as a literal attribute or an expression attribute (`event` / `eventexpr`...). */
export type ValueSource = { readonly literal: string } | { readonly expr: string } | null;

export interface Param {
  readonly name: string;
  readonly expr: string | null;
  readonly location: string | null;
}

export interface Content {
  readonly expr: string | null;
  /** Inline text, or the inline element for an invoked document. */
  readonly body: string | XmlElement | null;
}

export interface DoneData {
  readonly content: Content | null;
  readonly params: readonly Param[];
}

export interface InvokeDefinition {
  readonly type: ValueSource;
  readonly src: ValueSource;
  readonly id: string | null;
  readonly idlocation: string | null;
  readonly namelist: readonly string[];
  readonly params: readonly Param[];
  readonly content: Content | null;
  readonly autoforward: boolean;
  readonly finalize: readonly Action[];
  readonly position: SourcePosition;
}

interface ActionBase {
  readonly position: SourcePosition;
}

export type Action =
  /** `params` only in the ORS dialect (`<raise>` with `<param>`): they become `_event.data`. */
  | (ActionBase & { readonly kind: 'raise'; readonly event: string; readonly params: readonly Param[] })
  | (ActionBase & {
      readonly kind: 'log';
      readonly label: string | null;
      readonly expr: string | null;
      /** ORS's `level` (a non-negative integer); null in the W3C dialect or when not given. */
      readonly level: number | null;
    })
  | (ActionBase & {
      readonly kind: 'assign';
      readonly location: string;
      readonly expr: string | null;
      readonly content: string | null;
    })
  | (ActionBase & { readonly kind: 'script'; readonly source: string })
  | (ActionBase & {
      readonly kind: 'if';
      readonly branches: readonly { readonly cond: string | null; readonly actions: readonly Action[] }[];
    })
  | (ActionBase & {
      readonly kind: 'foreach';
      readonly array: string;
      readonly item: string;
      readonly index: string | null;
      readonly actions: readonly Action[];
    })
  | (ActionBase & { readonly kind: 'send' } & SendDefinition)
  | (ActionBase & { readonly kind: 'cancel'; readonly sendid: ValueSource })
  /** An element of another namespace: run by the action registry, or `error.execution` if unknown. */
  | (ActionBase & { readonly kind: 'custom'; readonly element: XmlElement });

export interface SendDefinition {
  readonly event: ValueSource;
  readonly target: ValueSource;
  readonly type: ValueSource;
  readonly id: string | null;
  readonly idlocation: string | null;
  readonly delay: ValueSource;
  readonly namelist: readonly string[];
  readonly params: readonly Param[];
  readonly content: Content | null;
}

export const isAtomic = (s: StateNode) =>
  s.kind === 'final' || (s.kind === 'state' && s.children.every((c) => c.kind === 'history'));
export const isCompound = (s: StateNode) => (s.kind === 'state' || s.kind === 'scxml') && !isAtomic(s);
