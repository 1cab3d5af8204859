import { describe, expect, it } from 'vitest';
import { DN_TYPES, OBJECT_TYPES } from './codes';
import { WB_TYPES } from './index';
import {
  ALL,
  accept,
  EMAIL,
  expectR2,
  expectR3,
  MM_CHAT,
  MULTIMEDIA,
  refuse,
  SIP_CHAT,
  TELEPHONY,
  VOICE,
} from './test-helpers';

describe('object form: accepted (R1)', () => {
  for (const [name, ctx] of Object.entries({ voice: VOICE, ...MULTIMEDIA })) {
    it(`[R1] agent object with type A is accepted for ${name}`, () => {
      expect(accept({ type: 'A', agent: 'agent1' }, ctx)).toMatchObject({
        kind: 'agent',
        form: 'object',
        type: 'A',
        agent: 'agent1',
        address: 'agent agent1',
      });
    });

    it(`[R1] place object with type AP is accepted for ${name}`, () => {
      expect(accept({ type: 'AP', place: 'place2' }, ctx)).toMatchObject({
        kind: 'place',
        form: 'object',
        place: 'place2',
        address: 'place place2',
      });
    });
  }

  it('[R1] agent group object with type GA is accepted for voice', () => {
    expect(accept({ type: 'GA', agent: 'Sales' }, VOICE)).toMatchObject({
      kind: 'agentGroup',
      agent: 'Sales',
      address: 'agent group Sales',
    });
  });

  it('[R1] place group object with type GP is accepted for voice', () => {
    expect(accept({ type: 'GP', place: 'Floor1' }, VOICE)).toMatchObject({
      kind: 'placeGroup',
      place: 'Floor1',
      address: 'place group Floor1',
    });
  });

  for (const [name, ctx] of Object.entries(TELEPHONY)) {
    it(`[R1] DN object with dn only is accepted for ${name}`, () => {
      expect(accept({ dn: '9192340978' }, ctx)).toMatchObject({
        kind: 'dn',
        form: 'object',
        dn: '9192340978',
        address: 'DN 9192340978',
      });
    });

    it(`[R1] DN object with dn and switch is accepted for ${name}`, () => {
      expect(accept({ dn: '9192340978', switch: 'switch3' }, ctx)).toMatchObject({
        kind: 'dn',
        switch: 'switch3',
        address: 'DN 9192340978@switch3',
      });
    });

    for (const type of DN_TYPES) {
      it(`[R1] DN object with type ${type} is accepted for ${name}`, () => {
        const r = accept({ type, dn: '5000', switch: 'sw' }, ctx);
        expect(r).toMatchObject({ kind: 'dn', type, dn: '5000', switch: 'sw' });
        expect(r.address).toBe(type === 'DN' ? 'DN 5000@sw' : `DN 5000@sw (${type})`);
      });
    }
  }

  for (const [name, ctx] of Object.entries(MULTIMEDIA)) {
    it(`[R1] interaction queue object with type IQ is accepted for ${name}`, () => {
      expect(accept({ type: 'IQ', id: 'Inbound' }, ctx)).toMatchObject({
        kind: 'interactionQueue',
        form: 'object',
        id: 'Inbound',
        address: 'interaction queue Inbound',
      });
    });

    it(`[R1] workbin object with type WB and id is accepted for ${name}`, () => {
      expect(accept({ type: 'WB', id: 'Drafts' }, ctx)).toMatchObject({
        kind: 'workbin',
        id: 'Drafts',
        address: 'workbin Drafts',
      });
    });

    for (const wbType of WB_TYPES) {
      it(`[R1] workbin object with wb_type ${wbType} and wb_owner is accepted for ${name}`, () => {
        expect(accept({ type: 'WB', id: 'Drafts', wb_type: wbType, wb_owner: 'owner1' }, ctx)).toMatchObject({
          kind: 'workbin',
          wb_type: wbType,
          wb_owner: 'owner1',
          address: `workbin Drafts of ${wbType} owner1`,
        });
      });
    }

    it(`[R1] workbin object with wb_type and no wb_owner is accepted for ${name}`, () => {
      expect(accept({ type: 'WB', id: 'Drafts', wb_type: 'A' }, ctx)).toMatchObject({ wb_type: 'A' });
    });

    it(`[R1] customer number object with only dn is accepted for ${name}`, () => {
      expect(accept({ dn: '9192340978' }, ctx)).toMatchObject({
        kind: 'customerNumber',
        form: 'object',
        dn: '9192340978',
        address: 'customer number 9192340978',
      });
    });
  }

  it('[R1] target format address as the resource object from queue.submit.done parses as its kind', () => {
    expect(accept({ type: 'RP', dn: '7004', switch: 'switch3' }, VOICE).kind).toBe('dn');
    expect(accept({ type: 'A', agent: 'agent1' }, EMAIL).kind).toBe('agent');
  });

  it('[R1] a property set to undefined counts as absent', () => {
    expect(accept({ type: 'A', agent: 'agent1', place: undefined }, VOICE).place).toBeUndefined();
  });

  it('[R1] an object without a prototype is accepted', () => {
    const o = Object.assign(Object.create(null) as object, { type: 'A', agent: 'agent1' });
    expect(accept(o, VOICE).kind).toBe('agent');
  });
});

describe('object form: not supported (R2)', () => {
  for (const [type, field, kind, words] of [
    ['A', 'agent', 'agent', 'agent'],
    ['AP', 'place', 'place', 'place'],
    ['GA', 'agent', 'agentGroup', 'agent group'],
    ['GP', 'place', 'placeGroup', 'place group'],
  ] as const) {
    it(`[R2] ${words} object with type ${type} is not supported for SIP chat`, () => {
      const e = refuse({ type, [field]: 'x1' }, SIP_CHAT);
      expect(e).toMatchObject({ kind, field: 'type' });
      expectR2(e, words, 'object', SIP_CHAT);
      expect(e.reason).toContain('SIP chat (TMediaChat)');
    });
  }

  for (const [name, ctx] of Object.entries(MULTIMEDIA)) {
    it(`[R2] agent group object with type GA is not supported for ${name}`, () => {
      const e = refuse({ type: 'GA', agent: 'Sales' }, ctx);
      expect(e).toMatchObject({ kind: 'agentGroup', field: 'type' });
      expectR2(e, 'agent group', 'object', ctx);
      expect(e.reason).toContain('multimedia');
    });

    it(`[R2] place group object with type GP is not supported for ${name}`, () => {
      const e = refuse({ type: 'GP', place: 'Floor1' }, ctx);
      expect(e).toMatchObject({ kind: 'placeGroup', field: 'type' });
      expectR2(e, 'place group', 'object', ctx);
    });

    for (const type of DN_TYPES) {
      it(`[R2] DN object with type ${type} is not supported for ${name}`, () => {
        const e = refuse({ type, dn: '5000' }, ctx);
        expect(e).toMatchObject({ kind: 'dn', field: 'type' });
        expectR2(e, 'DN', 'object', ctx);
        expect(e.reason).toContain('customer number');
      });
    }

    it(`[R2] DN object with dn and switch is not supported for ${name}`, () => {
      const e = refuse({ dn: '5000', switch: 'sw' }, ctx);
      expect(e).toMatchObject({ kind: 'dn', field: 'dn' });
      expectR2(e, 'DN', 'object', ctx);
    });
  }

  for (const [name, ctx] of Object.entries(TELEPHONY)) {
    it(`[R2] interaction queue object with type IQ is not supported for ${name}`, () => {
      const e = refuse({ type: 'IQ', id: 'Inbound' }, ctx);
      expect(e).toMatchObject({ kind: 'interactionQueue', field: 'type' });
      expectR2(e, 'interaction queue', 'object', ctx);
    });

    it(`[R2] workbin object with type WB is not supported for ${name}`, () => {
      const e = refuse({ type: 'WB', id: 'Drafts' }, ctx);
      expect(e).toMatchObject({ kind: 'workbin', field: 'type' });
      expectR2(e, 'workbin', 'object', ctx);
    });
  }

  it('[R2] not supported is decided before missing fields: IQ without id for voice is R2', () => {
    expect(refuse({ type: 'IQ' }, VOICE).rule).toBe('R2');
  });

  for (const [name, ctx] of Object.entries(ALL)) {
    it(`[R2] e-mail address has no object form for ${name}: an e-mail property is refused`, () => {
      const e = refuse({ email: 'john@abc.com' }, ctx);
      expectR3(e, 'email', 'object');
      expect(e.reason).toContain('unknown property');
    });

    it(`[R2] web user has no object form for ${name}: a url property is refused`, () => {
      expectR3(refuse({ url: 'http://abc.com' }, ctx), 'url', 'object');
    });
  }
});

describe('object form: malformed (R3)', () => {
  for (const type of ['X', 'a', 'dn', 'EMAIL', 'A ']) {
    it(`[R3] type ${JSON.stringify(type)} outside the listed codes is refused`, () => {
      const e = refuse({ type, agent: 'agent1' }, VOICE);
      expectR3(e, 'type', 'object');
      if (type.trim() === type) expect(e.reason).toContain(OBJECT_TYPES.join(', '));
    });
  }

  it('[R3] empty type is refused naming type', () => {
    expectR3(refuse({ type: '', agent: 'agent1' }, VOICE), 'type', 'object');
  });

  for (const wbType of ['Q', 'X', 'a']) {
    it(`[R3] wb_type ${wbType} outside A, AP, GA, GP is refused`, () => {
      const e = refuse({ type: 'WB', id: 'Drafts', wb_type: wbType }, MM_CHAT);
      expect(e.kind).toBe('workbin');
      expectR3(e, 'wb_type', 'object');
      expect(e.reason).toContain('A, AP, GA, GP');
    });
  }

  it('[R3] wb_owner without wb_type is refused naming wb_type', () => {
    expectR3(refuse({ type: 'WB', id: 'Drafts', wb_owner: 'agent1' }, MM_CHAT), 'wb_type', 'object');
  });

  for (const [name, ctx] of Object.entries(TELEPHONY)) {
    for (const input of [{ dn: '91a' }, { type: 'RP', dn: '12-34' }, { type: 'Q', dn: '+1', switch: 'sw' }]) {
      it(`[R3] DN that is not digits ${JSON.stringify(input)} is refused for ${name}`, () => {
        const e = refuse(input, ctx);
        expect(e.kind).toBe('dn');
        expectR3(e, 'dn', 'object');
        expect(e.reason).toBe(`dn must be digits, got '${input.dn}'`);
      });
    }
  }

  it('[R3] customer number that is not digits is refused for multimedia', () => {
    const e = refuse({ dn: '91a' }, EMAIL);
    expect(e.kind).toBe('customerNumber');
    expectR3(e, 'dn', 'object');
  });

  for (const [input, ctx, field, kind] of [
    [{ type: 'A' }, VOICE, 'agent', 'agent'],
    [{ type: 'AP' }, MM_CHAT, 'place', 'place'],
    [{ type: 'GA' }, VOICE, 'agent', 'agentGroup'],
    [{ type: 'GP' }, VOICE, 'place', 'placeGroup'],
    [{ type: 'DN', switch: 'sw' }, VOICE, 'dn', 'dn'],
    [{ type: 'Q' }, SIP_CHAT, 'dn', 'dn'],
    [{ type: 'IQ' }, MM_CHAT, 'id', 'interactionQueue'],
    [{ type: 'WB', wb_type: 'A' }, EMAIL, 'id', 'workbin'],
  ] as const) {
    it(`[R3] ${kind} object ${JSON.stringify(input)} without ${field} is refused naming ${field}`, () => {
      const e = refuse(input, ctx);
      expect(e.kind).toBe(kind);
      expectR3(e, field, 'object');
      expect(e.reason).toContain('missing');
    });
  }

  it('[R3] object without type and without dn is refused naming type', () => {
    const e = refuse({ agent: 'agent1' }, VOICE);
    expectR3(e, 'type', 'object');
    expect(e.reason).toContain('type is missing');
    expectR3(refuse({}, MM_CHAT), 'type', 'object');
  });

  it('[R3] unknown extra property is refused naming the property', () => {
    const e = refuse({ type: 'A', agent: 'agent1', skill: 'English' }, VOICE);
    expectR3(e, 'skill', 'object');
    expect(e.reason).toContain("unknown property 'skill'");
  });

  it('[R3] unknown property with an empty or huge name is reported on the whole object', () => {
    expectR3(refuse({ '': 'x' }, VOICE), 'address', 'object');
    expectR3(refuse({ ['k'.repeat(1000)]: 'x' }, VOICE), 'address', 'object');
  });

  it('[R3] a __proto__ own property is an unknown property', () => {
    expectR3(
      refuse(JSON.parse('{"type":"A","agent":"a","__proto__":{"x":1}}'), VOICE),
      '__proto__',
      'object',
    );
  });

  for (const [input, ctx, field] of [
    [{ type: 'A', agent: 'agent1', place: 'place2' }, VOICE, 'place'],
    [{ type: 'A', agent: 'agent1', switch: 'sw' }, VOICE, 'switch'],
    [{ type: 'AP', place: 'place2', dn: '1' }, MM_CHAT, 'dn'],
    [{ dn: '5000', agent: 'agent1' }, VOICE, 'agent'],
    [{ dn: '5000', id: 'x' }, EMAIL, 'id'],
    [{ type: 'IQ', id: 'q', wb_type: 'A' }, MM_CHAT, 'wb_type'],
    [{ type: 'WB', id: 'w', agent: 'a' }, MM_CHAT, 'agent'],
  ] as const) {
    it(`[R3] field that does not belong to the kind ${JSON.stringify(input)} is refused naming ${field}`, () => {
      const e = refuse(input, ctx);
      expectR3(e, field, 'object');
      expect(e.reason).toContain('does not belong');
    });
  }

  for (const value of [5, null, true, ['a'], { x: 1 }]) {
    it(`[R3] non-string field value ${JSON.stringify(value)} is refused naming the field`, () => {
      const e = refuse({ type: 'A', agent: value }, VOICE);
      expectR3(e, 'agent', 'object');
      expect(e.reason).toContain('must be a string');
    });
  }

  it('[R3] empty, over-long, padded and control-character field values are refused naming the field', () => {
    expect(refuse({ type: 'A', agent: '' }, VOICE).reason).toContain('agent is empty');
    expect(refuse({ type: 'IQ', id: 'q'.repeat(513) }, MM_CHAT).reason).toContain('more than 512');
    expectR3(refuse({ dn: ' 5000' }, VOICE), 'dn', 'object');
    expectR3(refuse({ dn: '5000', switch: 'sw\u0000' }, VOICE), 'switch', 'object');
  });

  for (const [label, value] of [
    ['null', null],
    ['a number', 42],
    ['an array', [{ type: 'A', agent: 'a' }]],
    ['a Date', new Date(0)],
    ['undefined', undefined],
  ] as const) {
    it(`[R3] ${label} is not a resource`, () => {
      const e = refuse(value, VOICE);
      expectR3(e, 'address', 'object');
      expect(e.reason).toContain('must be a string or an object');
    });
  }
});
