import { describe, expect, it } from 'vitest';
import { EMAIL_SPECIALS, MAX_LENGTH, TARGET_TYPES } from './index';
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

describe('string form: accepted (R1)', () => {
  for (const [name, ctx] of Object.entries(MULTIMEDIA)) {
    it(`[R1] agent id string is accepted for ${name} as an agent or place`, () => {
      const r = accept('agent1', ctx);
      expect(r).toMatchObject({
        kind: 'agentOrPlace',
        form: 'string',
        id: 'agent1',
        address: 'agent or place agent1',
      });
    });

    it(`[R1] place id string is accepted for ${name} as an agent or place`, () => {
      expect(accept('place2', ctx)).toMatchObject({ kind: 'agentOrPlace', id: 'place2' });
    });

    it(`[R1] customer number string is accepted for ${name}`, () => {
      const r = accept('9192340978', ctx);
      expect(r).toMatchObject({ kind: 'customerNumber', form: 'string', dn: '9192340978' });
      expect(r.address).toBe('customer number 9192340978');
    });

    for (const url of ['http://john.johnson@abc.com', 'https://abc.com/chat?u=1', 'HTTP://abc.com']) {
      it(`[R1] web user URL ${url} is accepted for ${name}`, () => {
        expect(accept(url, ctx)).toMatchObject({
          kind: 'webUser',
          form: 'string',
          url,
          address: `web user ${url}`,
        });
      });
    }
  }

  for (const [name, ctx] of Object.entries(TELEPHONY)) {
    it(`[R1] DN number string is accepted for ${name}`, () => {
      const r = accept('9192340978', ctx);
      expect(r).toMatchObject({ kind: 'dn', form: 'string', dn: '9192340978', address: 'DN 9192340978' });
      expect(r.switch).toBeUndefined();
    });
  }

  it('[R1] e-mail address user@host is accepted for e-mail', () => {
    const r = accept('john@abc.com', EMAIL);
    expect(r).toMatchObject({
      kind: 'email',
      form: 'string',
      email: 'john@abc.com',
      address: 'e-mail john@abc.com',
    });
  });

  it('[R1] e-mail address with an uppercase top-level domain is an e-mail, not a target', () => {
    expect(accept('john@ABC.COM', EMAIL)).toMatchObject({ kind: 'email', email: 'john@ABC.COM' });
  });

  for (const [name, ctx] of Object.entries(ALL)) {
    it(`[R1] target format address 12345@switch3.DN is accepted for ${name}`, () => {
      const r = accept('12345@switch3.DN', ctx);
      expect(r).toMatchObject({
        kind: 'target',
        form: 'string',
        target: '12345',
        switch: 'switch3',
        type: 'DN',
      });
      expect(r.address).toBe('target 12345@switch3.DN');
    });

    it(`[R1] target format address with an empty switch 7004@.DN is accepted for ${name}`, () => {
      expect(accept('7004@.DN', ctx)).toMatchObject({
        kind: 'target',
        target: '7004',
        switch: '',
        type: 'DN',
      });
    });
  }

  for (const code of TARGET_TYPES) {
    it(`[R1] target format address with TYPE ${code} is accepted`, () => {
      expect(accept(`name1@stat.server.${code}`, VOICE)).toMatchObject({
        kind: 'target',
        target: 'name1',
        switch: 'stat.server',
        type: code,
      });
    });
  }

  it('[R1] target name may itself hold an @: the last @ starts the switch', () => {
    expect(accept('john@abc@sw.A', MM_CHAT)).toMatchObject({
      kind: 'target',
      target: 'john@abc',
      switch: 'sw',
    });
  });

  it(`[R1] a string of exactly ${MAX_LENGTH} characters is accepted`, () => {
    expect(accept('a'.repeat(MAX_LENGTH), MM_CHAT).kind).toBe('agentOrPlace');
  });
});

describe('string form: not supported (R2)', () => {
  it('[R2] agent given as a string is not supported for voice', () => {
    const e = refuse('agent1', VOICE);
    expect(e).toMatchObject({ kind: 'agentOrPlace', field: 'address' });
    expectR2(e, 'agent or place', 'string', VOICE);
    expect(e.reason).toContain('voice (TMediaVoice)');
    expect(e.reason).toContain('type A');
  });

  it('[R2] place given as a string is not supported for voice', () => {
    const e = refuse('place2', VOICE);
    expect(e.kind).toBe('agentOrPlace');
    expectR2(e, 'agent or place', 'string', VOICE);
    expect(e.reason).toContain('type AP');
  });

  it('[R2] agent or place given as a string is not supported for SIP chat', () => {
    const e = refuse('agent1', SIP_CHAT);
    expect(e).toMatchObject({ kind: 'agentOrPlace', field: 'address' });
    expectR2(e, 'agent or place', 'string', SIP_CHAT);
    expect(e.reason).toContain('SIP chat (TMediaChat)');
  });

  for (const [name, ctx] of Object.entries(TELEPHONY)) {
    it(`[R2] web user given as a string is not supported for ${name}`, () => {
      const e = refuse('http://john.johnson@abc.com', ctx);
      expect(e).toMatchObject({ kind: 'webUser', field: 'address' });
      expectR2(e, 'web user', 'string', ctx);
    });
  }

  it('[R2] interaction queue has no string form: a queue name string is read as an agent or place id', () => {
    expect(accept('queue1', MM_CHAT).kind).toBe('agentOrPlace');
  });

  it('[R2] workbin has no string form: a workbin name string is read as an agent or place id', () => {
    expect(accept('Drafts', EMAIL).kind).toBe('agentOrPlace');
  });

  for (const [name, ctx] of Object.entries({
    voice: VOICE,
    'SIP chat': SIP_CHAT,
    'multimedia chat': MM_CHAT,
  })) {
    it(`[R2] e-mail address string is not an e-mail for ${name}: without .TYPE it is a bad target (R3)`, () => {
      const e = refuse('john@abc.com', ctx);
      expect(e).toMatchObject({ rule: 'R3', kind: 'target', field: 'address' });
    });
  }
});

describe('string form: malformed (R3)', () => {
  for (const [name, ctx] of Object.entries({
    voice: VOICE,
    'SIP chat': SIP_CHAT,
    'multimedia chat': MM_CHAT,
  })) {
    it(`[R3] target format address without its .TYPE is refused for ${name}`, () => {
      const e = refuse('12345@switch3', ctx);
      expect(e.kind).toBe('target');
      expectR3(e, 'address', 'string');
      expect(e.reason).toContain('without its .TYPE');
    });
  }

  it('[R3] target format address with an unknown uppercase TYPE lists the known codes', () => {
    const e = refuse('12345@switch3.ZZ', VOICE);
    expectR3(e, 'address', 'string');
    expect(e.reason).toContain("unknown TYPE 'ZZ'");
    expect(e.reason).toContain('A, AP, GA, GP');
  });

  it('[R3] target format address with a lowercase type is missing its .TYPE', () => {
    expect(refuse('12345@switch3.dn', VOICE).reason).toContain('without its .TYPE');
  });

  it('[R3] target format address without its target name is refused', () => {
    const e = refuse('@switch3.DN', VOICE);
    expect(e.kind).toBe('target');
    expectR3(e, 'address', 'string');
    expect(e.reason).toContain('without its target');
  });

  it('[R3] e-mail address without a host is refused for e-mail', () => {
    const e = refuse('user@', EMAIL);
    expect(e.kind).toBe('email');
    expectR3(e, 'address', 'string');
    expect(e.reason).toContain('e-mail address without a host');
  });

  it('[R3] e-mail address without a user is refused for e-mail', () => {
    expect(refuse('@abc.com', EMAIL).reason).toContain('without a user');
  });

  it('[R3] e-mail address with two @ is refused for e-mail', () => {
    expect(refuse('a@b@c.com', EMAIL).reason).toContain('more than one @');
  });

  it('[R3] e-mail address with a space is refused for e-mail', () => {
    expect(refuse('john smith@abc.com', EMAIL).reason).toContain('space');
  });

  for (const [name, ctx] of Object.entries(TELEPHONY)) {
    for (const bad of ['91a', '919-234', '+19192340978']) {
      it(`[R3] DN that is not digits (${bad}) is refused for ${name}`, () => {
        const e = refuse(bad, ctx);
        expect(e.kind).toBe('dn');
        expectR3(e, 'address', 'string');
        expect(e.reason).toContain(`DN must be digits, got '${bad}'`);
      });
    }
  }

  for (const url of ['http://', 'https://']) {
    it(`[R3] web user URL without a host (${url}) is refused`, () => {
      const e = refuse(url, MM_CHAT);
      expect(e.kind).toBe('webUser');
      expectR3(e, 'address', 'string');
      expect(e.reason).toContain('without a host');
    });
  }

  it('[R3] web user URL with a space is refused', () => {
    expect(refuse('http://abc.com/a b', MM_CHAT).reason).toContain('space');
  });

  it('[R3] empty string is refused', () => {
    const e = refuse('', MM_CHAT);
    expectR3(e, 'address', 'string');
    expect(e.reason).toContain('empty');
  });

  it(`[R3] string longer than ${MAX_LENGTH} characters is refused with a short reason`, () => {
    const e = refuse('x'.repeat(10_000), MM_CHAT);
    expectR3(e, 'address', 'string');
    expect(e.reason).toContain('10000 characters');
    expect(e.reason.length).toBeLessThan(200);
  });

  it('[R3] string with leading or trailing spaces is refused, not trimmed', () => {
    expect(refuse(' agent1', MM_CHAT).reason).toContain('leading or trailing spaces');
    expect(refuse('9192340978 ', VOICE).reason).toContain('leading or trailing spaces');
  });

  it('[R3] string with a control character is refused', () => {
    expect(refuse('agent\n1', MM_CHAT).reason).toContain('control character');
  });
});

describe('special e-mail values (R4)', () => {
  for (const special of EMAIL_SPECIALS) {
    it(`[R4] ${special} is accepted for e-mail`, () => {
      expect(accept(special, EMAIL)).toMatchObject({
        kind: 'email',
        form: 'string',
        email: special,
        address: `e-mail ${special}`,
      });
    });

    for (const [name, ctx] of Object.entries({
      voice: VOICE,
      'SIP chat': SIP_CHAT,
      'multimedia chat': MM_CHAT,
    })) {
      it(`[R4] ${special} is refused for ${name} (not e-mail)`, () => {
        const e = refuse(special, ctx);
        expect(e).toMatchObject({ kind: 'email', field: 'address' });
        expectR2(e, 'e-mail address', 'string', ctx);
        expect(e.reason).toContain(special);
        expect(e.reason).toContain('TMediaEMail');
      });
    }
  }

  it('[R4] an e-mail media in a voice category is voice: _origin is refused', () => {
    expect(refuse('_origin', { category: 'voice', media: 'TMediaEMail' }).rule).toBe('R2');
  });

  it('[R4] near-misses of the special values are not special', () => {
    expect(accept('_Origin', EMAIL).kind).toBe('agentOrPlace');
    expect(accept('_origin.some', EMAIL).kind).toBe('agentOrPlace');
  });
});
