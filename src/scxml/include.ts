import { type IncludeFailure, ScxmlIncludeError } from './errors';
import { childElements, parseXml, type XmlElement, type XmlNode } from './xml';

export const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

/** A document that includes more than this many files is refused (a runaway of includes, not a cycle). */
const MAX_INCLUDES = 256;

export interface IncludeContext {
  /** Reads the text an href names; throws when there is none. */
  readonly resolve?: (href: string) => string;
  /** The including document's own href: relative hrefs resolve against it. */
  readonly href?: string;
}

/**
 * The tree with every `xi:include` replaced by what it names (XInclude 1.0): `parse="text"` by the
 * file's text (a `<script>`'s body), `parse="xml"` by the file's root element or the element its
 * `xpointer` picks, itself expanded. A missing file falls back on `xi:fallback` when there is one.
 */
export function expandIncludes(root: XmlElement, context: IncludeContext): XmlElement {
  if (isInclude(root)) refuse(root, 'attribute', '', 'the root element cannot be an xi:include');
  const start = context.href ?? null;
  return new Expander(context.resolve).element(root, start, start === null ? [] : [start]);
}

const isInclude = (node: XmlNode): node is XmlElement =>
  typeof node !== 'string' && node.ns === XINCLUDE_NS && node.name === 'include';

const refuse = (element: XmlElement, failure: IncludeFailure, href: string, reason: string): never => {
  throw new ScxmlIncludeError(element.position, failure, href, reason);
};

class Expander {
  private count = 0;

  constructor(private readonly resolve: ((href: string) => string) | undefined) {}

  /** `stack`: the files being included, outermost first, to refuse a cycle. */
  element(element: XmlElement, base: string | null, stack: readonly string[]): XmlElement {
    return { ...element, children: element.children.flatMap((child) => this.node(child, base, stack)) };
  }

  private node(node: XmlNode, base: string | null, stack: readonly string[]): XmlNode[] {
    if (typeof node === 'string') return [node];
    return isInclude(node) ? this.include(node, base, stack) : [this.element(node, base, stack)];
  }

  private include(element: XmlElement, base: string | null, stack: readonly string[]): XmlNode[] {
    const given = element.attributes.get('href') ?? '';
    if (!given) refuse(element, 'attribute', given, 'xi:include needs an href');
    if (++this.count > MAX_INCLUDES)
      refuse(element, 'limit', given, `more than ${MAX_INCLUDES} includes in one document`);
    const parse = element.attributes.get('parse') ?? 'xml';
    if (parse !== 'xml' && parse !== 'text')
      refuse(element, 'attribute', given, `xi:include parse must be "xml" or "text", not "${parse}"`);
    const xpointer = element.attributes.get('xpointer');
    if (parse === 'text' && xpointer !== undefined)
      refuse(element, 'attribute', given, 'xi:include takes no xpointer with parse="text"');
    const href = resolveHref(base, given);
    if (stack.includes(href))
      refuse(element, 'cycle', href, `include cycle: ${[...stack, href].join(' → ')}`);
    let text: string;
    try {
      if (!this.resolve) throw new Error('the host has no resolver');
      text = this.resolve(href);
    } catch (error) {
      const fallback = childElements(element).find((c) => c.ns === XINCLUDE_NS && c.name === 'fallback');
      if (fallback) return [...this.element(fallback, base, stack).children];
      const why = error instanceof Error ? error.message : String(error);
      return refuse(element, 'missing', href, `cannot include "${href}": ${why}`);
    }
    if (parse === 'text') return [text];
    const included = this.element(parseXml(text, href), href, [...stack, href]);
    if (xpointer === undefined) return [included];
    const picked = pointTo(included, xpointer);
    return typeof picked === 'string' ? refuse(element, 'xpointer', href, picked) : [picked];
  }
}

/** An href relative to the including file's folder (`..` kept when it climbs out: the resolver judges). */
export function resolveHref(base: string | null, href: string): string {
  if (base === null || /^[a-z][\w+.-]*:/i.test(href) || href.startsWith('/')) return href;
  const folder = base.replace(/[^/:]*$/, '');
  const out: string[] = [];
  for (const segment of `${folder}${href}`.split('/')) {
    if (segment === '.') continue;
    if (segment === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

/**
 * The element an XPointer picks, or why none: a shorthand pointer (an element's `id`), or
 * `element()` parts (`element(main)`, `element(/1/2)`, `element(main/3)`), tried left to right as the
 * XPointer Framework says. Other schemes (`xpointer()`, `xmlns()`) are skipped; none left is an error.
 */
function pointTo(root: XmlElement, pointer: string): XmlElement | string {
  const text = pointer.trim();
  if (/^[A-Za-z_][\w.-]*$/.test(text))
    return byId(root, text) ?? `xpointer "${pointer}": no element has the id "${text}"`;
  const parts = [...text.matchAll(/([A-Za-z_][\w.:-]*)\(((?:[^()^]|\^.)*)\)\s*/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text)
    return `xpointer "${pointer}" is not a shorthand id or scheme(...) parts`;
  const schemes = parts.map((p) => p[1]);
  for (const part of parts) {
    if (part[1] !== 'element') continue;
    const found = elementScheme(root, part[2] ?? '');
    if (found) return found;
  }
  return schemes.includes('element')
    ? `xpointer "${pointer}" points to no element`
    : `xpointer "${pointer}": only shorthand ids and element() are supported`;
}

/** `element(id/2/1)`: from the element with that id (or the document for a leading `/`), child steps. */
function elementScheme(root: XmlElement, data: string): XmlElement | null {
  const [head = '', ...steps] = data.split('/');
  let at: XmlElement | null = head === '' ? null : byId(root, head);
  if (head !== '' && !at) return null;
  for (const step of steps) {
    if (!/^[1-9]\d*$/.test(step)) return null;
    const index = Number(step) - 1;
    // From the document node, the only child is the root element.
    const next: XmlElement | undefined =
      at === null ? (index === 0 ? root : undefined) : childElements(at)[index];
    if (!next) return null;
    at = next;
  }
  return at;
}

function byId(element: XmlElement, id: string): XmlElement | null {
  if (element.attributes.get('id') === id) return element;
  for (const child of childElements(element)) {
    const found = byId(child, id);
    if (found) return found;
  }
  return null;
}
