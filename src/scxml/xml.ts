import { SaxesParser } from 'saxes';
import { ScxmlDocumentError, type SourcePosition } from './errors';

export const SCXML_NS = 'http://www.w3.org/2005/07/scxml';

/** A namespaced element with its position, kept so that compile errors can name where they are. */
export interface XmlElement {
  readonly ns: string;
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  readonly position: SourcePosition;
}

export type XmlNode = XmlElement | string;

interface OpenElement {
  ns: string;
  name: string;
  attributes: Map<string, string>;
  children: XmlNode[];
  position: SourcePosition;
}

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Parses a whole document into an element tree; refuses it at the first XML error. `document` names
 * an included file, so that positions inside it say which file they are in.
 */
export function parseXml(source: string, document?: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: OpenElement[] = [];
  let root: OpenElement | null = null;
  const here = (): SourcePosition => ({
    line: parser.line,
    column: parser.column + 1,
    ...(document === undefined ? {} : { document }),
  });
  let start: SourcePosition = { line: 1, column: 1 };
  const lines = new LineCounter(source);
  parser.on('error', (error) => {
    // saxes prefixes its messages with "line:column: ".
    throw new ScxmlDocumentError(here(), error.message.replace(/^\d+:\d+: /, ''));
  });
  parser.on('opentagstart', (tag) => {
    // saxes tells this once it has read the name and the character after it; the element starts at its '<'.
    const at = lines.at(parser.position - tag.name.length - 2);
    start = { ...at, ...(document === undefined ? {} : { document }) };
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.uri === XMLNS_NS || attribute.name === 'xmlns') continue;
      // Attributes in no namespace keep their local name; namespaced ones are keyed "{uri}local".
      attributes.set(
        attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local,
        attribute.value,
      );
    }
    const element: OpenElement = {
      ns: tag.uri ?? '',
      name: tag.local ?? tag.name,
      attributes,
      children: [],
      position: start,
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string) => {
    stack.at(-1)?.children.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(source).close();
  if (!root) throw new ScxmlDocumentError(here(), 'no root element');
  return root;
}

/** Line and column (one-based, in UTF-16 code units) of offsets in a text, asked for in increasing order. */
class LineCounter {
  private offset = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  at(offset: number): { line: number; column: number } {
    for (; this.offset < offset; this.offset++) {
      if (this.text.charCodeAt(this.offset) === 10) {
        this.line++;
        this.lineStart = this.offset + 1;
      }
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** The text directly inside an element (its text children joined). */
export function textOf(element: XmlElement): string {
  return element.children.filter((child) => typeof child === 'string').join('');
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Markup for inline XML content (an `<assign>` of a document that an `<invoke>` later runs). */
export function serialize(node: XmlNode): string {
  if (typeof node === 'string') return escapeXml(node);
  const attributes = [...node.attributes]
    .filter(([key]) => !key.startsWith('{'))
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return `<${node.name} xmlns="${node.ns}"${attributes}>${node.children.map(serialize).join('')}</${node.name}>`;
}
