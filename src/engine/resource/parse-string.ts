/**
 * The string form of spec R. The table's string forms overlap (an agent id, a DN number and an
 * e-mail address are all plain strings), so they are tried in a fixed order, most specific first:
 *  1. the special e-mail values (R4);
 *  2. a URL `http://...` / `https://...` = web user (before the `@` rules: a URL may hold an `@`);
 *  3. a target format address `target@switch.TYPE` with a known TYPE;
 *  4. any other string with `@`: an e-mail address for e-mail, else a target format address that
 *     lacks its `.TYPE` (R3);
 *  5. all digits: a DN (voice, SIP chat) or a customer number (multimedia);
 *  6. anything else: an agent or place id (multimedia only).
 */
import { EMAIL_SPECIALS, isOneOf, listCodes, TARGET_TYPES } from './codes';
import { isEmail, type MediaClass } from './media-class';
import { accepted, malformed, notSupported } from './result';
import { DIGITS, quote, textProblem } from './text';
import type { MediaContext, ResourceParse } from './types';

const FIELD = 'address';
const URL_SCHEME = /^https?:\/\//i;
const UPPERCASE_CODE = /^[A-Z]+$/;

export function parseString(value: string, ctx: MediaContext, cls: MediaClass): ResourceParse {
  const problem = textProblem('the address', value);
  if (problem) return malformed(FIELD, 'string', ctx, problem);

  if (isOneOf(EMAIL_SPECIALS, value)) return specialEmail(value, ctx);
  if (URL_SCHEME.test(value)) return webUser(value, ctx, cls);
  if (value.includes('@')) return withAt(value, ctx);
  if (DIGITS.test(value)) {
    return cls === 'multimedia'
      ? accepted({ kind: 'customerNumber', form: 'string', dn: value })
      : accepted({ kind: 'dn', form: 'string', dn: value });
  }
  return bareId(value, ctx, cls);
}

/** R4: `_origin`, `_origin.all`, `_udata`, `_customerview` point into an e-mail, so e-mail only. */
function specialEmail(value: string, ctx: MediaContext): ResourceParse {
  if (isEmail(ctx)) return accepted({ kind: 'email', form: 'string', email: value });
  return notSupported(
    'email',
    'string',
    FIELD,
    ctx,
    `${value} is a special e-mail value, accepted for e-mail (TMediaEMail) interactions only`,
  );
}

function webUser(value: string, ctx: MediaContext, cls: MediaClass): ResourceParse {
  if (cls !== 'multimedia') {
    return notSupported('webUser', 'string', FIELD, ctx, 'web users are addressed for multimedia only');
  }
  const rest = value.replace(URL_SCHEME, '');
  if (rest.length === 0) return malformed(FIELD, 'string', ctx, 'web user URL without a host', 'webUser');
  if (/\s/.test(value)) {
    return malformed(FIELD, 'string', ctx, `web user URL contains a space: ${quote(value)}`, 'webUser');
  }
  return accepted({ kind: 'webUser', form: 'string', url: value });
}

/** Steps 3 and 4: a string with `@` is a target format address or, for e-mail, an e-mail address. */
function withAt(value: string, ctx: MediaContext): ResourceParse {
  // The last `@` splits name from `switch.TYPE`: a switch never holds `@`, a target name might.
  const at = value.lastIndexOf('@');
  const name = value.slice(0, at);
  const rest = value.slice(at + 1);
  const dot = rest.lastIndexOf('.');
  const code = dot >= 0 ? rest.slice(dot + 1) : '';

  if (isOneOf(TARGET_TYPES, code)) {
    if (name.length === 0) {
      return malformed(
        FIELD,
        'string',
        ctx,
        `target format address without its target: ${quote(value)}`,
        'target',
      );
    }
    // [choice] accepted for every media: the row names none, and it is what routing itself returned.
    return accepted({ kind: 'target', form: 'string', target: name, switch: rest.slice(0, dot), type: code });
  }
  // [choice] for e-mail an unknown uppercase suffix is a host's top-level domain (`a@B.COM`).
  if (isEmail(ctx)) return emailAddress(value, ctx);
  if (UPPERCASE_CODE.test(code)) {
    return malformed(
      FIELD,
      'string',
      ctx,
      `target format address with an unknown TYPE '${code}'; expected one of ${listCodes(TARGET_TYPES)}`,
      'target',
    );
  }
  return malformed(
    FIELD,
    'string',
    ctx,
    `target format address without its .TYPE (target@switch.TYPE): ${quote(value)}`,
    'target',
  );
}

function emailAddress(value: string, ctx: MediaContext): ResourceParse {
  const at = value.indexOf('@');
  const bad = (reason: string) => malformed(FIELD, 'string', ctx, reason, 'email');
  if (at !== value.lastIndexOf('@')) return bad(`e-mail address with more than one @: ${quote(value)}`);
  if (at === value.length - 1) return bad(`e-mail address without a host: ${quote(value)}`);
  if (at === 0) return bad(`e-mail address without a user: ${quote(value)}`);
  if (/\s/.test(value)) return bad(`e-mail address contains a space: ${quote(value)}`);
  return accepted({ kind: 'email', form: 'string', email: value });
}

/** Step 6, plus a near-DN on voice and SIP chat, where a string can only be a DN. */
function bareId(value: string, ctx: MediaContext, cls: MediaClass): ResourceParse {
  if (cls === 'multimedia') return accepted({ kind: 'agentOrPlace', form: 'string', id: value });
  // [choice] `91a` or `+1919...` meant a DN (the only string kind here), so say what is wrong with it.
  if (/^[0-9+]/.test(value)) {
    return malformed(FIELD, 'string', ctx, `DN must be digits, got ${quote(value)}`, 'dn');
  }
  const hint =
    cls === 'voice'
      ? 'use an object with agent and type A or GA, or with place and type AP or GP'
      : 'SIP chat addresses DNs: give the DN number, or an object with dn';
  return notSupported('agentOrPlace', 'string', FIELD, ctx, hint);
}
