import { describe, expect, it } from 'vitest';
import { compileScxml } from './compile';
import { ScxmlIncludeError } from './errors';
import { resolveHref } from './include';
import { refusal, testHost } from './testing';

const XI = 'xmlns:xi="http://www.w3.org/2001/XInclude"';
const SCXML = 'xmlns="http://www.w3.org/2005/07/scxml"';
const doc = (body: string) => `<scxml ${SCXML} ${XI} version="1.0" datamodel="ecmascript">${body}</scxml>`;

/** A resolver over named files that records what it was asked for. */
function files(contents: Record<string, string>) {
  const asked: string[] = [];
  const resolve = (href: string) => {
    asked.push(href);
    const text = contents[href];
    if (text === undefined) throw new Error(`no file "${href}"`);
    return text;
  };
  return { resolve, asked };
}

const includeRefusal = (source: string, contents: Record<string, string>, href?: string) =>
  refusal(source, { dialect: 'ors', resolve: files(contents).resolve, ...(href ? { href } : {}) });

describe('xi:include in the ORS dialect', () => {
  it('[XInclude 4.3] parse="text" inside <script> runs the included file as the script body', async () => {
    const { resolve } = files({ 'lib/util.js': 'function twice(n) { return 2 * n; }' });
    const { host } = await testHost({ dialect: 'ors', resolve });
    const session = host.start(
      doc(`<script><xi:include href="lib/util.js" parse="text"/></script>
        <datamodel><data id="n" expr="0"/></datamodel>
        <state id="s"><onentry><assign location="n" expr="twice(21)"/></onentry>
          <transition cond="n === 42" target="ok"/></state><state id="ok"/>`),
    );
    expect(session.activeStates()).toEqual(['ok']);
  });

  it('[XInclude 4.2] parse="xml" without xpointer puts the file\'s root element where the include was', () => {
    const { resolve } = files({ 'states/end.scxml': `<final ${SCXML} id="end"/>` });
    const document = compileScxml(
      doc(
        `<state id="s"><transition event="stop" target="end"/></state><xi:include href="states/end.scxml"/>`,
      ),
      { dialect: 'ors', resolve },
    );
    expect(document.byId.get('end')?.kind).toBe('final');
  });

  it('[XInclude 3.1] xpointer picks one element: a shorthand id, element(id/n), element(/1/n)', () => {
    const common = `<scxml ${SCXML}><state id="a"/><state id="b"><state id="b1"/><state id="b2"/></state></scxml>`;
    const { resolve } = files({ 'common.scxml': common });
    const document = compileScxml(
      doc(`<state id="top"><xi:include href="common.scxml" xpointer="a"/>
        <xi:include href="common.scxml" xpointer="element(b/2)"/></state>
        <state id="other"><xi:include href="common.scxml" xpointer="element(/1/2/1)"/></state>`),
      { dialect: 'ors', resolve },
    );
    expect(document.byId.get('top')?.children.map((c) => c.id)).toEqual(['a', 'b2']);
    expect(document.byId.get('other')?.children.map((c) => c.id)).toEqual(['b1']);
  });

  it('[XInclude 4.1] a relative href resolves against the file that includes it, included files too', () => {
    const { resolve, asked } = files({
      'strategies/shared/states.scxml': `<state ${SCXML} ${XI} id="wrapper"><xi:include href="leaf.scxml"/></state>`,
      'strategies/shared/leaf.scxml': `<state ${SCXML} id="leaf"/>`,
    });
    const document = compileScxml(doc('<xi:include href="shared/states.scxml"/>'), {
      dialect: 'ors',
      resolve,
      href: 'strategies/main.scxml',
    });
    expect(asked).toEqual(['strategies/shared/states.scxml', 'strategies/shared/leaf.scxml']);
    expect(document.byId.get('leaf')?.parent?.id).toBe('wrapper');
  });

  it('[XInclude 4.1] relative hrefs: folders, ./ and ../, absolute ones kept', () => {
    expect(resolveHref('a/b/main.scxml', '../lib/x.js')).toBe('a/lib/x.js');
    expect(resolveHref('a/main.scxml', './x.js')).toBe('a/x.js');
    expect(resolveHref('main.scxml', '../x.js')).toBe('../x.js');
    expect(resolveHref('a/main.scxml', '/abs/x.js')).toBe('/abs/x.js');
    expect(resolveHref(null, 'x.js')).toBe('x.js');
  });

  it('[XInclude 3.2] a missing file falls back on xi:fallback', () => {
    const { resolve } = files({});
    const document = compileScxml(
      doc(`<xi:include href="gone.scxml"><xi:fallback><state id="instead"/></xi:fallback></xi:include>`),
      { dialect: 'ors', resolve },
    );
    expect(document.byId.has('instead')).toBe(true);
  });

  it("[XInclude 3.1] a missing file is refused with the include element's line, and the href", () => {
    const error = includeRefusal(doc('<state id="s"/>\n  <xi:include href="nowhere.scxml"/>'), {});
    expect(error).toBeInstanceOf(ScxmlIncludeError);
    expect(error).toMatchObject({ failure: 'missing', href: 'nowhere.scxml' });
    expect(error.position.line).toBe(2);
    expect(error.reason).toBe('cannot include "nowhere.scxml": no file "nowhere.scxml"');
  });

  it('[XInclude 3.1] an xpointer that picks nothing is refused', () => {
    const error = includeRefusal(doc('\n<xi:include href="c.scxml" xpointer="missing"/>'), {
      'c.scxml': `<scxml ${SCXML}><state id="a"/></scxml>`,
    });
    expect(error).toMatchObject({ failure: 'xpointer', href: 'c.scxml' });
    expect(error.reason).toBe('xpointer "missing": no element has the id "missing"');
    expect(error.position.line).toBe(2);
  });

  it("[XInclude 3.1] xpointer() and xmlns() as written in practice: id('x'), id('x')/*, a prefixed path", () => {
    const common = `<scxml ${SCXML}><state id="a"/><state id="b"><state id="b1"/><state id="b2"/></state><state id="c"><state id="c1"/><state id="c2"/></state></scxml>`;
    const { resolve } = files({ 'common.scxml': common });
    const document = compileScxml(
      doc(`<state id="one"><xi:include href="common.scxml" xpointer="xpointer(id('a'))"/></state>
        <state id="kids"><xi:include href="common.scxml" xpointer="xpointer(id('b')/*)"/></state>
        <state id="path"><xi:include href="common.scxml"
          xpointer="xmlns(s=http://www.w3.org/2005/07/scxml) xpointer(//s:state[@id='c']/s:state[2])"/></state>`),
      { dialect: 'ors', resolve },
    );
    expect(document.byId.get('one')?.children.map((c) => c.id)).toEqual(['a']);
    expect(document.byId.get('kids')?.children.map((c) => c.id)).toEqual(['b1', 'b2']);
    expect(document.byId.get('path')?.children.map((c) => c.id)).toEqual(['c2']);
  });

  it('[XInclude 3.1] an xpointer none of whose parts can be evaluated is refused naming it and why each was skipped', () => {
    const c = { 'c.scxml': `<scxml ${SCXML}><state id="a"/></scxml>` };
    const unsupported = includeRefusal(doc('<xi:include href="c.scxml" xpointer="xpath1(//state)"/>'), c);
    expect(unsupported).toMatchObject({ failure: 'xpointer', href: 'c.scxml' });
    expect(unsupported.reason).toBe(
      'xpointer "xpath1(//state)" points to no element; parts skipped: xpath1() is not a supported scheme (element, xmlns, xpointer)',
    );
    const axis = includeRefusal(doc('<xi:include href="c.scxml" xpointer="xpointer(//following::a)"/>'), c);
    expect(axis.reason).toMatch(
      /^xpointer "xpointer\(\/\/following::a\)" points to no element; parts skipped: xpointer\(\/\/following::a\): only id/,
    );
    const unbound = includeRefusal(doc('<xi:include href="c.scxml" xpointer="xpointer(//s:state)"/>'), c);
    expect(unbound.reason).toMatch(/the prefix "s" is not bound by xmlns\(\)/);
  });

  it('[XInclude 3.1] xpointer(//state) picks no SCXML state: XPath reads an unprefixed name as no namespace, and the error says so', () => {
    const error = includeRefusal(doc('<xi:include href="c.scxml" xpointer="xpointer(//state)"/>'), {
      'c.scxml': `<scxml ${SCXML}><state id="a"/></scxml>`,
    });
    expect(error).toMatchObject({ failure: 'xpointer' });
    expect(error.reason).toMatch(
      /^xpointer "xpointer\(\/\/state\)" points to no element \(an unprefixed name/,
    );
  });

  it('[XInclude 4.1] an include cycle is refused where it closes, naming the chain', () => {
    const error = includeRefusal(
      doc('<xi:include href="a.scxml"/>'),
      {
        'a.scxml': `<state ${SCXML} ${XI} id="a">\n<xi:include href="b.scxml"/></state>`,
        'b.scxml': `<state ${SCXML} ${XI} id="b">\n\n<xi:include href="a.scxml"/></state>`,
      },
      'main.scxml',
    );
    expect(error).toMatchObject({ failure: 'cycle', href: 'a.scxml' });
    expect(error.reason).toBe('include cycle: main.scxml → a.scxml → b.scxml → a.scxml');
    expect(error.position).toMatchObject({ document: 'b.scxml', line: 3 });
  });

  it('[XInclude 4.1] a document that includes more than 256 files is refused as a runaway', () => {
    const leaves = '<xi:include href="leaf.scxml"/>'.repeat(300);
    const error = includeRefusal(doc('<xi:include href="many.scxml"/>'), {
      'many.scxml': `<state ${SCXML} ${XI} id="many">${leaves}</state>`,
      'leaf.scxml': `<state ${SCXML}/>`,
    });
    expect(error).toMatchObject({ failure: 'limit', reason: 'more than 256 includes in one document' });
    expect(error.position.document).toBe('many.scxml');
  });

  it('[XInclude 3.1] parse must be xml or text, and parse="text" takes no xpointer', () => {
    expect(includeRefusal(doc('<xi:include href="x" parse="json"/>'), { x: '' })).toMatchObject({
      failure: 'attribute',
      reason: 'xi:include parse must be "xml" or "text", not "json"',
    });
    expect(includeRefusal(doc('<xi:include href="x" parse="text" xpointer="a"/>'), { x: '' })).toMatchObject({
      failure: 'attribute',
    });
  });

  it('[XInclude 4.2] an included file that is not well-formed, or not valid SCXML, is refused naming that file', () => {
    const malformed = includeRefusal(doc('<xi:include href="bad.scxml"/>'), {
      'bad.scxml': `<state ${SCXML} id="x">\n<onentry></state>`,
    });
    expect(malformed.position).toMatchObject({ document: 'bad.scxml', line: 2 });
    expect(malformed.message).toMatch(/^bad\.scxml, line 2/);
    const invalid = includeRefusal(doc('<xi:include href="bad.scxml"/>'), {
      'bad.scxml': `<state ${SCXML} id="x">\n\n<transition target="nowhere"/></state>`,
    });
    expect(invalid.reason).toBe('no state has the id "nowhere"');
    expect(invalid.position).toMatchObject({ document: 'bad.scxml', line: 3 });
  });

  it('[X8] an error raised by an included element names the included file in _event.data.document', async () => {
    const { resolve } = files({
      'states/broken.scxml': `<state ${SCXML} id="broken">\n<onentry><script>callNobody();</script></onentry></state>`,
    });
    const { host } = await testHost({ dialect: 'ors', resolve });
    const session = host.start(
      doc(`<state id="outer"><xi:include href="states/broken.scxml"/>
        <transition event="error.script" cond="_event.data.document === 'states/broken.scxml' &amp;&amp; _event.data.linenumber === 2" target="caught"/>
        <transition event="error.script" target="wrong"/></state>
        <state id="caught"/><state id="wrong"/>`),
      { href: 'main.scxml' },
    );
    expect(session.activeStates()).toEqual(['caught']);
  });

  it('[XInclude] the W3C dialect leaves xi:include alone (it is not SCXML) and reads no file', () => {
    const { resolve, asked } = files({ 'x.scxml': `<state ${SCXML} id="x"/>` });
    const document = compileScxml(doc('<state id="s"/><xi:include href="x.scxml"/>'), {
      dialect: 'w3c',
      resolve,
    });
    expect(asked).toEqual([]);
    expect(document.byId.has('x')).toBe(false);
  });
});
