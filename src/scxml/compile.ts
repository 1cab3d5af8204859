import { ScxmlDocumentError, type SourcePosition } from './errors';
import { expandIncludes } from './include';
import type {
  Action,
  Content,
  DataDefinition,
  Dialect,
  DoneData,
  InvokeDefinition,
  Param,
  ScxmlDocument,
  SendDefinition,
  StateKind,
  StateNode,
  Transition,
  ValueSource,
} from './model';
import { childElements, parseXml, SCXML_NS, serialize, textOf, type XmlElement } from './xml';

export interface CompileOptions {
  /** `w3c` unless said otherwise. */
  readonly dialect?: Dialect;
  /** Reads what an `xi:include` names (ORS dialect): the host's resolver. */
  readonly resolve?: (href: string) => string;
  /** Where the document was read from: relative includes resolve against it, error events name it. */
  readonly href?: string;
}

/** Parses and compiles a document; a bad one throws `ScxmlDocumentError` naming where and what. */
export function compileScxml(source: string, options: CompileOptions = {}): ScxmlDocument {
  const dialect = options.dialect ?? 'w3c';
  const parsed = parseXml(source);
  // XInclude is ORS's way to share code between strategies; the Recommendation has no such thing.
  const root = dialect === 'ors' ? expandIncludes(parsed, options) : parsed;
  return compileElement(root, dialect, options.href ?? null);
}

const fail = (element: XmlElement, reason: string): never => {
  throw new ScxmlDocumentError(element.position, reason);
};

const STATE_ELEMENTS: ReadonlySet<string> = new Set(['state', 'parallel', 'final', 'history']);

/**
 * ORS writes these attributes as expressions where the Recommendation has a literal and an `...expr`
 * twin (X1: Composer writes `event="'Entry1.done'"`, `delay="'200ms'"`).
 */
const ORS_EXPRESSIONS: ReadonlySet<string> = new Set([
  'send@event',
  'send@target',
  'send@type',
  'send@delay',
  'cancel@sendid',
]);

/** Compiles an already parsed `<scxml>` element (an inline invoked document is one). */
export function compileElement(
  root: XmlElement,
  dialect: Dialect = 'w3c',
  href: string | null = null,
): ScxmlDocument {
  if (root.ns !== SCXML_NS || root.name !== 'scxml') {
    fail(root, `the root element must be <scxml> in ${SCXML_NS}, not <${root.name}> in "${root.ns}"`);
  }
  const datamodel = root.attributes.get('datamodel');
  if (datamodel !== undefined && datamodel !== 'ecmascript' && datamodel !== 'null') {
    fail(root, `datamodel "${datamodel}" is not supported (only "ecmascript" and "null")`);
  }
  const binding = root.attributes.get('binding') ?? 'early';
  if (binding !== 'early' && binding !== 'late')
    fail(root, `binding must be "early" or "late", not "${binding}"`);
  if (dialect === 'ors' && datamodel === 'null') fail(root, 'ORS runs the ECMAScript datamodel only');
  return new Compiler(dialect).document(
    root,
    datamodel === 'null' ? 'null' : 'ecmascript',
    binding === 'late' ? 'late' : 'early',
    href,
  );
}

class Compiler {
  private readonly states: StateNode[] = [];
  private readonly byId = new Map<string, StateNode>();
  private readonly pending: { transition: Transition; ids: string[]; element: XmlElement }[] = [];
  private transitionCount = 0;
  private generatedIds = 0;

  constructor(private readonly dialect: Dialect) {}

  document(
    root: XmlElement,
    datamodel: 'ecmascript' | 'null',
    binding: 'early' | 'late',
    href: string | null,
  ): ScxmlDocument {
    const scxml = this.state(root, 'scxml', null);
    for (const { transition, ids, element } of this.pending) {
      transition.targets = ids.map((id) => this.byId.get(id) ?? fail(element, `no state has the id "${id}"`));
    }
    const script = childElements(root)
      .filter((child) => child.ns === SCXML_NS && child.name === 'script')
      .map((child) => this.action(child));
    return {
      name: root.attributes.get('name') ?? null,
      dialect: this.dialect,
      href,
      datamodel,
      binding,
      root: scxml,
      states: this.states,
      byId: this.byId,
      script,
    };
  }

  private state(element: XmlElement, kind: StateKind, parent: StateNode | null): StateNode {
    const explicitId = element.attributes.get('id');
    const id = kind === 'scxml' ? '' : (explicitId ?? `__state${++this.generatedIds}`);
    const history = kind === 'history' ? this.historyType(element) : null;
    const node: StateNode = {
      id,
      kind,
      order: this.states.length,
      parent,
      children: [],
      initial: null,
      transitions: [],
      onentry: [],
      onexit: [],
      data: childElements(element)
        .filter((c) => c.ns === SCXML_NS && c.name === 'datamodel')
        .flatMap((c) => this.datamodel(c)),
      invokes: [],
      donedata: null,
      history,
    };
    if (explicitId !== undefined && kind !== 'scxml') {
      if (this.byId.has(id)) fail(element, `the id "${id}" is used twice`);
      this.byId.set(id, node);
    }
    this.states.push(node);
    let initialElement: XmlElement | null = null;
    const invokes: InvokeDefinition[] = [];
    let donedata: DoneData | null = null;
    for (const child of childElements(element)) {
      if (child.ns !== SCXML_NS) continue; // foreign elements outside executable content carry no behaviour
      if (STATE_ELEMENTS.has(child.name) && kind !== 'final' && kind !== 'history') {
        if (kind === 'scxml' && child.name === 'history')
          fail(child, '<history> cannot be a child of <scxml>');
        node.children.push(this.state(child, child.name as StateKind, node));
      } else if (child.name === 'transition' && kind !== 'final') {
        const transition = this.transition(child, node);
        if (kind === 'history') node.initial = transition;
        else node.transitions.push(transition);
      } else if (
        (child.name === 'onentry' || child.name === 'onexit') &&
        kind !== 'scxml' &&
        kind !== 'history'
      ) {
        (child.name === 'onentry' ? node.onentry : node.onexit).push(this.block(child));
      } else if (child.name === 'initial' && kind === 'state') {
        initialElement = child;
      } else if (child.name === 'invoke' && (kind === 'state' || kind === 'parallel')) {
        invokes.push(this.invoke(child));
      } else if (child.name === 'donedata' && kind === 'final') {
        donedata = this.donedata(child);
      } else if (child.name !== 'datamodel' && !(kind === 'scxml' && child.name === 'script')) {
        fail(child, `<${child.name}> is not allowed in <${element.name}>`);
      }
    }
    Object.assign(node, { invokes, donedata });
    if (kind === 'history' && !node.initial) fail(element, '<history> needs a default <transition>');
    this.defaultEntry(node, element, initialElement);
    return node;
  }

  private historyType(element: XmlElement): 'shallow' | 'deep' {
    const type = element.attributes.get('type') ?? 'shallow';
    if (type !== 'shallow' && type !== 'deep')
      fail(element, `history type must be "shallow" or "deep", not "${type}"`);
    return type === 'deep' ? 'deep' : 'shallow';
  }

  private defaultEntry(node: StateNode, element: XmlElement, initialElement: XmlElement | null): void {
    const proper = node.children.filter((c) => c.kind !== 'history');
    if (node.kind !== 'state' && node.kind !== 'scxml') return;
    if (proper.length === 0) {
      if (initialElement || (node.kind === 'state' && element.attributes.has('initial'))) {
        fail(element, 'an atomic state cannot have an initial state');
      }
      return;
    }
    const attribute = element.attributes.get('initial');
    if (initialElement) {
      if (attribute !== undefined)
        fail(element, 'a state cannot have both an initial attribute and <initial>');
      const transitions = childElements(initialElement).filter(
        (c) => c.ns === SCXML_NS && c.name === 'transition',
      );
      const [only] = transitions;
      if (transitions.length !== 1 || !only) fail(initialElement, '<initial> needs exactly one <transition>');
      else node.initial = this.transition(only, node);
      return;
    }
    // The root's is internal so that its domain is the root itself (Appendix D enters it as the initial transition).
    const transition = this.newTransition(
      node,
      [],
      null,
      node.kind === 'scxml' ? 'internal' : 'external',
      [],
      element.position,
    );
    if (attribute !== undefined) this.target(transition, attribute, element);
    else transition.targets = proper.slice(0, 1);
    node.initial = transition;
  }

  private transition(element: XmlElement, source: StateNode): Transition {
    const a = element.attributes;
    const type = a.get('type') ?? 'external';
    if (type !== 'internal' && type !== 'external')
      fail(element, `type must be "internal" or "external", not "${type}"`);
    const events = (a.get('event') ?? '').split(/\s+/).filter(Boolean);
    const transition = this.newTransition(
      source,
      events,
      a.get('cond') ?? null,
      type === 'internal' ? 'internal' : 'external',
      this.block(element),
      element.position,
    );
    const target = a.get('target');
    if (target !== undefined) this.target(transition, target, element);
    return transition;
  }

  private newTransition(
    source: StateNode,
    events: string[],
    cond: string | null,
    type: 'internal' | 'external',
    actions: Action[],
    position: SourcePosition,
  ): Transition {
    return { source, events, cond, targets: [], type, actions, order: this.transitionCount++, position };
  }

  private target(transition: Transition, ids: string, element: XmlElement): void {
    this.pending.push({ transition, ids: ids.split(/\s+/).filter(Boolean), element });
  }

  private datamodel(element: XmlElement): DataDefinition[] {
    return childElements(element).map((child) => {
      if (child.ns !== SCXML_NS || child.name !== 'data') fail(child, '<datamodel> holds only <data>');
      const id = child.attributes.get('id') ?? fail(child, '<data> needs an id');
      const expr = child.attributes.get('expr') ?? null;
      const src = child.attributes.get('src') ?? null;
      const text = textOf(child).trim();
      const content =
        childElements(child).length > 0 ? fail(child, '<data> holds text, not elements') : text || null;
      if ([expr, src, content].filter((v) => v !== null).length > 1) {
        fail(child, '<data> takes one of expr, src or content');
      }
      return { id, expr, src, content, position: child.position };
    });
  }

  private block(element: XmlElement): Action[] {
    return childElements(element).map((child) => this.action(child));
  }

  private action(element: XmlElement): Action {
    const position = element.position;
    if (element.ns !== SCXML_NS) return { kind: 'custom', element, position };
    const a = element.attributes;
    const required = (name: string) => a.get(name) ?? fail(element, `<${element.name}> needs ${name}`);
    switch (element.name) {
      case 'raise':
        return { kind: 'raise', event: required('event'), params: this.raiseParams(element), position };
      case 'log':
        return {
          kind: 'log',
          label: a.get('label') ?? null,
          expr: a.get('expr') ?? null,
          level: this.logLevel(element),
          position,
        };
      case 'assign': {
        const expr = a.get('expr') ?? null;
        // Inline XML is kept as its markup: the ECMAScript datamodel has no DOM here.
        const text = (
          childElements(element).length > 0 ? element.children.map(serialize).join('') : textOf(element)
        ).trim();
        if (expr !== null && text) fail(element, '<assign> takes expr or content, not both');
        return { kind: 'assign', location: required('location'), expr, content: text || null, position };
      }
      case 'script':
        if (a.has('src')) fail(element, '<script src> is not supported; put the script inline');
        return { kind: 'script', source: textOf(element), position };
      case 'if':
        return { kind: 'if', branches: this.branches(element), position };
      case 'foreach':
        return {
          kind: 'foreach',
          array: required('array'),
          item: required('item'),
          index: a.get('index') ?? null,
          actions: this.block(element),
          position,
        };
      case 'send':
        return { kind: 'send', ...this.send(element), position };
      case 'cancel':
        return { kind: 'cancel', sendid: this.either(element, 'sendid', 'sendidexpr', true), position };
      default:
        return fail(element, `<${element.name}> is not executable content`);
    }
  }

  private raiseParams(element: XmlElement): Param[] {
    const params = this.params(element);
    if (this.dialect === 'w3c' && params.length > 0)
      fail(element, '<raise> takes no <param> in the W3C dialect (the ORS dialect allows it)');
    return params;
  }

  private logLevel(element: XmlElement): number | null {
    const level = element.attributes.get('level');
    if (this.dialect === 'w3c' || level === undefined) return null;
    if (!/^\d+$/.test(level)) fail(element, `<log> level must be a non-negative integer, not "${level}"`);
    return Number(level);
  }

  private branches(element: XmlElement): { cond: string | null; actions: Action[] }[] {
    const first: string | null = element.attributes.get('cond') ?? fail(element, '<if> needs cond');
    const branches: { cond: string | null; actions: Action[] }[] = [{ cond: first, actions: [] }];
    let sawElse = false;
    for (const child of childElements(element)) {
      if (child.ns === SCXML_NS && (child.name === 'elseif' || child.name === 'else')) {
        if (sawElse) fail(child, `<${child.name}> after <else>`);
        sawElse = child.name === 'else';
        const cond =
          child.name === 'else' ? null : (child.attributes.get('cond') ?? fail(child, '<elseif> needs cond'));
        branches.push({ cond, actions: [] });
      } else {
        branches.at(-1)?.actions.push(this.action(child));
      }
    }
    return branches;
  }

  private either(element: XmlElement, literal: string, expr: string, required = false): ValueSource {
    const l = element.attributes.get(literal);
    const e = element.attributes.get(expr);
    if (l !== undefined && e !== undefined)
      fail(element, `<${element.name}> takes ${literal} or ${expr}, not both`);
    if (l !== undefined)
      return this.dialect === 'ors' && ORS_EXPRESSIONS.has(`${element.name}@${literal}`)
        ? { expr: l }
        : { literal: l };
    if (e !== undefined) return { expr: e };
    if (required) fail(element, `<${element.name}> needs ${literal} or ${expr}`);
    return null;
  }

  private send(element: XmlElement): SendDefinition {
    const a = element.attributes;
    const id = a.get('id') ?? null;
    const idlocation = a.get('idlocation') ?? null;
    if (id !== null && idlocation !== null) fail(element, '<send> takes id or idlocation, not both');
    const content = this.content(element);
    const event = this.either(element, 'event', 'eventexpr');
    if (content && (a.has('namelist') || this.params(element).length > 0)) {
      fail(element, '<send> with <content> takes no namelist or <param>');
    }
    if (!content && !event) fail(element, '<send> needs event, eventexpr or <content>');
    return {
      event,
      target: this.either(element, 'target', 'targetexpr'),
      type: this.sendType(element),
      id,
      idlocation,
      delay: this.either(element, 'delay', 'delayexpr'),
      namelist: (a.get('namelist') ?? '').split(/\s+/).filter(Boolean),
      params: this.params(element),
      content,
    };
  }

  /** The Working Draft of May 2009, which ORS follows, calls the type `targettype` (an expression). */
  private sendType(element: XmlElement): ValueSource {
    const type = this.either(element, 'type', 'typeexpr');
    const targettype = element.attributes.get('targettype');
    if (this.dialect === 'w3c' || targettype === undefined) return type;
    if (type !== null) fail(element, '<send> takes type or targettype, not both');
    return { expr: targettype };
  }

  private params(element: XmlElement): Param[] {
    return childElements(element)
      .filter((c) => c.ns === SCXML_NS && c.name === 'param')
      .map((c) => {
        const expr = c.attributes.get('expr') ?? null;
        const location = c.attributes.get('location') ?? null;
        if (expr !== null && location !== null) fail(c, '<param> takes expr or location, not both');
        return { name: c.attributes.get('name') ?? fail(c, '<param> needs a name'), expr, location };
      });
  }

  private content(element: XmlElement): Content | null {
    const found = childElements(element).filter((c) => c.ns === SCXML_NS && c.name === 'content');
    const [content] = found;
    if (!content) return null;
    if (found.length > 1) fail(found[1] ?? content, `<${element.name}> takes one <content>`);
    const expr = content.attributes.get('expr') ?? null;
    const elements = childElements(content);
    const body = elements[0] ?? (textOf(content).trim() || null);
    if (expr !== null && body !== null) fail(content, '<content> takes expr or a body, not both');
    return { expr, body };
  }

  private donedata(element: XmlElement): DoneData {
    return { content: this.content(element), params: this.params(element) };
  }

  private invoke(element: XmlElement): InvokeDefinition {
    const a = element.attributes;
    const id = a.get('id') ?? null;
    const idlocation = a.get('idlocation') ?? null;
    if (id !== null && idlocation !== null) fail(element, '<invoke> takes id or idlocation, not both');
    const finalize = childElements(element).find((c) => c.ns === SCXML_NS && c.name === 'finalize');
    return {
      type: this.either(element, 'type', 'typeexpr'),
      src: this.either(element, 'src', 'srcexpr'),
      id,
      idlocation,
      namelist: (a.get('namelist') ?? '').split(/\s+/).filter(Boolean),
      params: this.params(element),
      content: this.content(element),
      autoforward: a.get('autoforward') === 'true',
      finalize: finalize ? this.block(finalize) : [],
      position: element.position,
    };
  }
}
