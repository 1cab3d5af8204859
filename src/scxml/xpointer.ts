import { childElements, type XmlElement } from './xml';

/**
 * XPointer for `xi:include` (XPointer Framework, W3C 2003): the elements a pointer picks in an
 * included document. Supported: a shorthand id (`common`), `element()` (`element(common/2)`,
 * `element(/1/3)`), `xmlns(p=uri)` binding a prefix for the parts after it, and `xpointer()` with
 * the location paths written in practice (`id('x')`, `id('x')/*`, `/scxml/state[2]`, `//p:state`,
 * `//p:state[@id='a']`). Parts are tried left to right; the first that picks something wins, and one
 * that cannot be evaluated is skipped.
 */

/** The document node: the parent of the root element, where `/` and a relative path start. */
type Node = XmlElement | null;

interface Part {
  readonly scheme: string;
  readonly data: string;
}

/** Why a pointer picks nothing, or cannot be read: the include's typed error carries it. */
class PointerError extends Error {}

/**
 * The elements `pointer` picks under `root`, in document order, or why none (naming the pointer).
 * A pointer that is not shorthand or scheme parts is refused; a part that cannot be evaluated
 * (an unknown scheme, data its scheme cannot read) is skipped, as the framework says, and named in
 * the refusal if no later part picks anything.
 */
export function pointTo(root: XmlElement, pointer: string): readonly XmlElement[] | string {
  try {
    const { picked, skipped } = evaluate(root, pointer.trim());
    if (picked.length > 0) return picked;
    const why = skipped.length > 0 ? `; parts skipped: ${skipped.join('; ')}` : '';
    return `xpointer "${pointer}" points to no element${why}${hint(pointer)}`;
  } catch (error) {
    if (!(error instanceof PointerError)) throw error;
    return `xpointer "${pointer}": ${error.message}`;
  }
}

/** XPath 1.0 reads an unprefixed name as no namespace, so `//state` finds no SCXML state. */
function hint(pointer: string): string {
  return /xpointer\(/.test(pointer) && !/xmlns\(/.test(pointer)
    ? ' (an unprefixed name matches only elements in no namespace: bind a prefix with xmlns(p=uri) and write p:name)'
    : '';
}

interface Evaluation {
  readonly picked: readonly XmlElement[];
  /** Why each part that could not be evaluated was skipped. */
  readonly skipped: readonly string[];
}

function evaluate(root: XmlElement, text: string): Evaluation {
  if (/^[A-Za-z_][\w.-]*$/.test(text)) {
    const found = byId(root, text);
    if (found === null) throw new PointerError(`no element has the id "${text}"`);
    return { picked: [found], skipped: [] };
  }
  const skipped: string[] = [];
  const prefixes = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  for (const part of schemeParts(text)) {
    try {
      const picked = evaluatePart(root, part, prefixes);
      if (picked.length > 0) return { picked, skipped };
    } catch (error) {
      if (!(error instanceof PointerError)) throw error;
      skipped.push(error.message);
    }
  }
  return { picked: [], skipped };
}

/** What one part picks (`xmlns()` picks nothing: it binds a prefix for the parts after it). */
function evaluatePart(root: XmlElement, { scheme, data }: Part, prefixes: Map<string, string>) {
  if (scheme === 'xmlns') bind(prefixes, data);
  else if (scheme === 'element') {
    const found = elementScheme(root, data);
    if (found !== null) return [found];
  } else if (scheme === 'xpointer') return locationPath(root, data, prefixes);
  else throw new PointerError(`${scheme}() is not a supported scheme (element, xmlns, xpointer)`);
  return [];
}

/** `scheme(data) scheme(data)...`; data may hold balanced parentheses, and `^` escapes one. */
function schemeParts(text: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  while (at < text.length) {
    const name = /^\s*([A-Za-z_][\w.:-]*)\(/.exec(text.slice(at));
    if (name === null) throw new PointerError('is not a shorthand id or scheme(...) parts');
    at += name[0].length;
    let depth = 1;
    let data = '';
    for (; at < text.length && depth > 0; at++) {
      const c = text[at];
      if (c === '^') {
        const next = text[++at];
        if (next !== '(' && next !== ')' && next !== '^') throw new PointerError('has a bad ^ escape');
        data += next;
        continue;
      }
      if (c === '(') depth++;
      if (c === ')') depth--;
      if (depth > 0) data += c;
    }
    if (depth > 0) throw new PointerError('has an unclosed parenthesis');
    parts.push({ scheme: name[1] ?? '', data });
    at += /^\s*/.exec(text.slice(at))?.[0].length ?? 0;
  }
  return parts;
}

/** `xmlns(p=uri)`: binds `p` for the parts after it. */
function bind(prefixes: Map<string, string>, data: string): void {
  const match = /^\s*([A-Za-z_][\w.-]*)\s*=\s*(\S.*?)\s*$/.exec(data);
  if (match === null) throw new PointerError(`xmlns(${data}) is not xmlns(prefix=uri)`);
  prefixes.set(match[1] ?? '', match[2] ?? '');
}

/** `element(id/2/1)`: from the element with that id (or the document for a leading `/`), child steps. */
function elementScheme(root: XmlElement, data: string): XmlElement | null {
  const [head = '', ...steps] = data.split('/');
  let at: Node = head === '' ? null : byId(root, head);
  if (head !== '' && !at) return null;
  for (const step of steps) {
    if (!/^[1-9]\d*$/.test(step)) return null;
    const next: XmlElement | undefined = children(root, at)[Number(step) - 1];
    if (!next) return null;
    at = next;
  }
  return at;
}

/**
 * The subset of XPath 1.0 location paths that `xpointer()` is used with: an optional start
 * (`id('x')`, `/`, `//`), then steps joined by `/` or `//`, each a name test (`name`, `p:name`,
 * `*`, `p:*`) with predicates `[n]` or `[@name='value']`. Anything else is refused by name.
 */
function locationPath(root: XmlElement, expression: string, prefixes: ReadonlyMap<string, string>) {
  const path = expression.trim();
  const refuse = (why: string): never => {
    throw new PointerError(`xpointer(${expression}): ${why}`);
  };
  let rest = path;
  let context: Node[] = [null];
  const id = /^id\(\s*(?:'([^']*)'|"([^"]*)")\s*\)/.exec(rest);
  if (id !== null) {
    const found = byId(root, id[1] ?? id[2] ?? '');
    context = found === null ? [] : [found];
    rest = rest.slice(id[0].length);
    if (rest === '') return context as XmlElement[];
  } else if (!rest.startsWith('/')) rest = `/${rest}`;
  if (rest === '/') refuse('the document node is not an element');
  while (rest !== '') {
    const step = /^(\/\/?)\s*((?:[A-Za-z_][\w.-]*:)?(?:[A-Za-z_][\w.-]*|\*))\s*((?:\[[^\]]*\]\s*)*)/.exec(
      rest,
    );
    if (step === null)
      return refuse(
        `only id('x'), / and // with name tests and [n] or [@a='v'] are supported, not "${rest}"`,
      );
    const [whole, axis = '/', test = '', predicates = ''] = step;
    const matches = nameTest(test, prefixes, refuse);
    const next: XmlElement[] = [];
    // `//x` is `/descendant-or-self::node()/child::x`: a predicate's position counts among the
    // children of one parent, so `//s:state[2]` is every state that is its parent's second.
    const parents = axis === '//' ? context.flatMap((node) => [node, ...descendants(root, node)]) : context;
    for (const parent of parents)
      next.push(...filter(children(root, parent).filter(matches), predicates, refuse));
    context = inDocumentOrder(root, next);
    rest = rest.slice(whole.length);
  }
  return context as XmlElement[];
}

/** XPath's name tests: `*` is any element, `p:*` any in p's namespace, an unprefixed name one in none. */
function nameTest(test: string, prefixes: ReadonlyMap<string, string>, refuse: (why: string) => never) {
  if (test === '*') return () => true;
  const colon = test.indexOf(':');
  const local = colon < 0 ? test : test.slice(colon + 1);
  const prefix = colon < 0 ? null : test.slice(0, colon);
  const ns =
    prefix === null ? '' : (prefixes.get(prefix) ?? refuse(`the prefix "${prefix}" is not bound by xmlns()`));
  return (element: XmlElement) => element.ns === ns && (local === '*' || element.name === local);
}

function filter(elements: XmlElement[], predicates: string, refuse: (why: string) => never): XmlElement[] {
  let kept = elements;
  for (const [, inner = ''] of predicates.matchAll(/\[([^\]]*)\]/g)) {
    const text = inner.trim();
    if (/^[1-9]\d*$/.test(text)) {
      const one = kept[Number(text) - 1];
      kept = one === undefined ? [] : [one];
      continue;
    }
    const attribute = /^@([A-Za-z_][\w.-]*)\s*=\s*(?:'([^']*)'|"([^"]*)")$/.exec(text);
    if (attribute === null) return refuse(`the predicate [${inner}] is not [n] or [@name='value']`);
    const [, name = '', single, double] = attribute;
    kept = kept.filter((element) => element.attributes.get(name) === (single ?? double));
  }
  return kept;
}

/** From the document node, the only child is the root element. */
const children = (root: XmlElement, node: Node): XmlElement[] =>
  node === null ? [root] : childElements(node);

/** Every element below `node`, in document order (`//`: descendant-or-self, then child). */
function descendants(root: XmlElement, node: Node): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    out.push(element);
    for (const child of childElements(element)) walk(child);
  };
  for (const child of children(root, node)) walk(child);
  return out;
}

/** Each element once, in document order: a node-set, as XPath returns one. */
function inDocumentOrder(root: XmlElement, elements: XmlElement[]): XmlElement[] {
  if (elements.length < 2) return elements;
  const wanted = new Set(elements);
  return descendants(root, null).filter((element) => wanted.has(element));
}

function byId(element: XmlElement, id: string): XmlElement | null {
  if (element.attributes.get('id') === id) return element;
  for (const child of childElements(element)) {
    const found = byId(child, id);
    if (found) return found;
  }
  return null;
}
