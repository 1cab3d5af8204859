import { describe, expect, it } from 'vitest';
import { parseXml } from './xml';
import { pointTo } from './xpointer';

const NS = 'http://www.w3.org/2005/07/scxml';
const TREE = parseXml(
  `<scxml xmlns="${NS}"><state id="a"><state id="a1"/></state><state id="b"><final id="b1"/><state id="b2"/></state><plain xmlns="" id="p"/></scxml>`,
);
const ids = (pointer: string) => {
  const picked = pointTo(TREE, pointer);
  return typeof picked === 'string' ? picked : picked.map((e) => e.attributes.get('id') ?? e.name);
};
const S = `xmlns(s=${NS})`;

describe('XPointer for xi:include', () => {
  it('[XPointer 3.2] a shorthand pointer is the element with that id', () => {
    expect(ids('b2')).toEqual(['b2']);
    expect(ids('zz')).toBe('xpointer "zz": no element has the id "zz"');
  });

  it('[XPointer element()] child sequences from an id or from the document', () => {
    expect(ids('element(b/2)')).toEqual(['b2']);
    expect(ids('element(/1/1/1)')).toEqual(['a1']);
  });

  it('[XPointer 3.3] parts are tried left to right; the first that picks something wins', () => {
    expect(ids('element(zz) element(a)')).toEqual(['a']);
    expect(ids('foo(bar) element(b)')).toEqual(['b']);
    expect(ids('element(zz)')).toBe('xpointer "element(zz)" points to no element');
  });

  it("[XPointer xpointer()] id('x'), id('x')/*, absolute, relative and // paths, [n] and [@a='v']", () => {
    expect(ids("xpointer(id('b'))")).toEqual(['b']);
    expect(ids('xpointer(id("b")/*)')).toEqual(['b1', 'b2']);
    expect(ids(`${S} xpointer(/s:scxml/s:state[2])`)).toEqual(['b']);
    expect(ids(`${S} xpointer(s:scxml/s:state)`)).toEqual(['a', 'b']);
    expect(ids(`${S} xpointer(//s:state)`)).toEqual(['a', 'a1', 'b', 'b2']);
    expect(ids(`${S} xpointer(//s:*[@id='b1'])`)).toEqual(['b1']);
    expect(ids(`${S} xpointer(//s:state/s:state[1])`)).toEqual(['a1', 'b2']);
    expect(ids('xpointer(//plain)')).toEqual(['p']);
  });

  it('[XPointer xmlns()] a prefix is bound only for the parts after it', () => {
    expect(ids(`xpointer(//s:final) ${S}`)).toBe(
      'xpointer "xpointer(//s:final) xmlns(s=http://www.w3.org/2005/07/scxml)" points to no element; parts skipped: xpointer(//s:final): the prefix "s" is not bound by xmlns()',
    );
    expect(ids(`${S} xpointer(//s:final)`)).toEqual(['b1']);
  });

  it('[XPointer 3.3] escapes and balanced parentheses in scheme data; a pointer that is not scheme parts is refused naming it', () => {
    expect(ids("xpointer(id('b')/*[2])")).toEqual(['b2']);
    expect(ids("xpointer(id('b')) junk")).toBe(
      'xpointer "xpointer(id(\'b\')) junk": is not a shorthand id or scheme(...) parts',
    );
    expect(ids(`${S} xpointer(//s:*[@id='a^)']) xpointer(id('b'))`)).toEqual(['b']);
    expect(ids('element(a')).toBe('xpointer "element(a": has an unclosed parenthesis');
  });

  it('[XPointer 3.3] a part that cannot be evaluated is skipped and the next tried; none picking anything is refused naming each skip', () => {
    expect(ids('xpointer(child::x) element(a/1)')).toEqual(['a1']);
    expect(ids('xmlns(s) element(b)')).toEqual(['b']);
    expect(ids("xpointer(//a[last()]) xpointer(id('a'))")).toEqual(['a']);
    expect(ids('xmlns(s) xpointer(/)')).toBe(
      'xpointer "xmlns(s) xpointer(/)" points to no element; parts skipped: xmlns(s) is not xmlns(prefix=uri); xpointer(/): the document node is not an element',
    );
    expect(ids('xpointer(//a[last()])')).toMatch(/parts skipped: .*the predicate \[last\(\)\] is not/);
  });

  it('[XPath 2.5] a position in //name[n] counts among the children of each parent, not over every match', () => {
    const nested = parseXml(
      `<scxml xmlns="${NS}"><state id="a"><state id="a1"/><state id="a2"/></state><state id="b"/></scxml>`,
    );
    const picked = pointTo(nested, `${S} xpointer(//s:state[2])`);
    expect(typeof picked === 'string' ? picked : picked.map((e) => e.attributes.get('id'))).toEqual([
      'a2',
      'b',
    ]);
    expect(ids(`${S} xpointer(//s:state[1])`)).toEqual(['a', 'a1', 'b2']);
    expect(ids(`${S} xpointer(id('b')//s:*[1])`)).toEqual(['b1']);
  });
});
