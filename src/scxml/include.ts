import { type IncludeFailure, ScxmlIncludeError } from './errors';
import { childElements, parseXml, type XmlElement, type XmlNode } from './xml';
import { pointTo } from './xpointer';

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
 * file's text (a `<script>`'s body), `parse="xml"` by the file's root element or the elements its
 * `xpointer` picks (`xpointer.ts`), itself expanded. A missing file falls back on `xi:fallback` when there is one.
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
    return typeof picked === 'string' ? refuse(element, 'xpointer', href, picked) : [...picked];
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
