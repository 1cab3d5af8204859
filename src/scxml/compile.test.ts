import { describe, expect, it } from 'vitest';
import { compileScxml } from './compile';
import { refusal, scxml } from './testing';

describe('refusing bad documents', () => {
  it('[3.1] XML that is not well-formed is refused naming line and column', () => {
    const error = refusal('<scxml xmlns="http://www.w3.org/2005/07/scxml">\n  <state id="a">\n</scxml>');
    expect(error.position).toEqual({ line: 3, column: 9 });
    expect(error.reason).toMatch(/close tag/);
  });

  it("[3.1] an element's position is the line and column of its '<', also when its name ends a line", () => {
    const error = refusal(
      scxml('<state id="a">\n  <transition target="nowhere"/>\n\t<transition\n target="x"/></state>'),
    );
    expect(error.position).toEqual({ line: 2, column: 3 });
    const split = refusal(
      scxml('<state id="a"><transition target="a"/>\n\t<transition\n target="x"/></state>'),
    );
    expect(split.position).toEqual({ line: 2, column: 2 });
  });

  it('[3.1] a root that is not <scxml> in the SCXML namespace is refused', () => {
    expect(refusal('<scxml><state/></scxml>').reason).toMatch(/root element must be <scxml>/);
  });

  it('[3.5] a transition to an unknown state is refused where it is written', () => {
    const error = refusal(scxml('<state id="a">\n<transition target="nowhere"/></state>'));
    expect(error.reason).toBe('no state has the id "nowhere"');
    expect(error.position.line).toBe(2);
  });

  it('[3.14] an id used twice is refused', () => {
    expect(refusal(scxml('<state id="a"/><state id="a"/>')).reason).toBe('the id "a" is used twice');
  });

  it('[4.1] an SCXML element that is not executable content is refused inside <onentry>', () => {
    expect(refusal(scxml('<state id="a"><onentry><state/></onentry></state>')).reason).toBe(
      '<state> is not executable content',
    );
  });

  it('[3.2] a datamodel other than ecmascript or null is refused', () => {
    expect(
      refusal(scxml('<state/>', 'datamodel="xpath"').replace('datamodel="ecmascript" ', '')).reason,
    ).toMatch(/datamodel "xpath" is not supported/);
  });
});

describe('the compiled model', () => {
  it('[3.2] states are numbered in document order and ids resolve to them', () => {
    const doc = compileScxml(
      scxml('<state id="a"><state id="a1"/></state><parallel id="p"><state id="p1"/></parallel>'),
    );
    expect(doc.states.map((s) => s.id)).toEqual(['', 'a', 'a1', 'p', 'p1']);
    expect(doc.byId.get('p1')?.parent?.id).toBe('p');
  });

  it('[3.3] a compound state without initial enters its first child; with <initial> its transition', () => {
    const doc = compileScxml(
      scxml(
        '<state id="a"><initial><transition target="a2"/></initial><state id="a1"/><state id="a2"/></state>',
      ),
    );
    expect(doc.root.initial?.targets.map((s) => s.id)).toEqual(['a']);
    expect(doc.byId.get('a')?.initial?.targets.map((s) => s.id)).toEqual(['a2']);
  });
});
