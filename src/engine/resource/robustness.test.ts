import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResource, type ResourceInput, type ResourceParse } from './index';
import { ALL, MM_CHAT, VOICE } from './test-helpers';

const contexts = fc.constantFrom(...Object.values(ALL));

/** Pieces that steer random strings into every branch of the string parser. */
const piece = fc.constantFrom(
  '@',
  '.',
  '.DN',
  '.A',
  '.ZZ',
  'switch3',
  '12345',
  '_origin',
  '_udata',
  'http://',
  'https://',
  ' ',
  '+',
  'agent1',
  '\n',
);
const addressLike = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 8 })
  .map((p) => p.join(''));

const fieldName = fc.constantFrom(
  'type',
  'agent',
  'place',
  'dn',
  'switch',
  'id',
  'wb_type',
  'wb_owner',
  'foo',
);
const fieldValue = fc.oneof(
  fc.constantFrom('A', 'AP', 'GA', 'GP', 'Q', 'RP', 'DN', 'IQ', 'WB', '5000', ''),
  fc.string({ maxLength: 20 }),
  fc.anything(),
);
const resourceLike = fc.dictionary(fieldName, fieldValue, { maxKeys: 5 });

function wellFormed(r: ResourceParse): void {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) {
    expect(r.resource.address.length).toBeGreaterThan(0);
  } else {
    expect(r.error.reason.length).toBeGreaterThan(0);
    expect(r.error.field.length).toBeGreaterThan(0);
    expect(['R2', 'R3']).toContain(r.error.rule);
  }
}

describe('never throws', () => {
  it('[R3] arbitrary strings never throw and always give a result with a reason when refused', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 600 }), addressLike), contexts, (s, ctx) => {
        wellFormed(parseResource(s, ctx));
      }),
      { numRuns: 2000 },
    );
  });

  it('[R3] arbitrary values and objects never throw and always give a result with a reason when refused', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), resourceLike), contexts, (value, ctx) => {
        wellFormed(parseResource(value as ResourceInput, ctx));
      }),
      { numRuns: 2000 },
    );
  });

  it('[R3] an object whose getter throws is refused, not thrown', () => {
    const hostile = {
      get agent(): string {
        throw new Error('boom');
      },
      type: 'A',
    };
    const r = parseResource(hostile, VOICE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ rule: 'R3', field: 'address', form: 'object' });
  });

  it('[R3] a revoked Proxy is refused, not thrown', () => {
    const { proxy, revoke } = Proxy.revocable({ type: 'A', agent: 'a' }, {});
    revoke();
    expect(parseResource(proxy, VOICE).ok).toBe(false);
  });

  it('[R3] an unknown interaction category or media is refused naming it', () => {
    const badCategory = parseResource('agent1', { category: 'fax', media: 'TMediaVoice' } as never);
    expect(badCategory).toMatchObject({ ok: false, error: { rule: 'R3', field: 'category' } });
    const badMedia = parseResource('agent1', { category: 'msgbased', media: 'TMediaPigeon' } as never);
    expect(badMedia).toMatchObject({ ok: false, error: { rule: 'R3', field: 'media' } });
    expect(parseResource('agent1', undefined as never).ok).toBe(false);
  });

  it('[R1] the same input always gives the same result', () => {
    fc.assert(
      fc.property(addressLike, contexts, (s, ctx) => {
        expect(parseResource(s, ctx)).toEqual(parseResource(s, ctx));
      }),
    );
    expect(parseResource('agent1', MM_CHAT)).toEqual(parseResource('agent1', MM_CHAT));
  });
});

describe('reasons', () => {
  it('[R3] a reason quoting a control character stays on one line', () => {
    const r = parseResource('agent\n1', MM_CHAT);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.reason).not.toContain('\n');
      expect(r.error.reason).toContain('\\u000a');
    }
  });

  it('[R3] a context whose fields throw is refused, not thrown', () => {
    const ctx = {
      get category(): never {
        throw new Error('no');
      },
      media: 'TMediaVoice',
    };
    expect(parseResource('agent1', ctx as never)).toMatchObject({ ok: false, error: { field: 'address' } });
  });
});
