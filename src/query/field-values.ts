import { ORIGINS } from '../engine';
import { type QueryNode, type SeqRange, TEXT_FIELDS, type TextField, type ValuePattern } from './ast';
import { QuerySyntaxError } from './errors';
import type { Token } from './lexer';

type FieldToken = Token & { readonly kind: 'field' };
type WordToken = Token & { readonly kind: 'word' };

const FIELD_LIST = `${TEXT_FIELDS.join(', ')}, seq or data.<key>`;
const SEQ_HELP = 'a seq number, a range such as 100..200, or a comparison such as >500';

/** A `field:value` term as a node, or the error that says which part is wrong and what fits. */
export function fieldNode(field: FieldToken, value: WordToken): QueryNode {
  const name = field.name.toLowerCase();
  if (name === 'seq') return { kind: 'seq', range: seqRange(value) };
  if (name.startsWith('data.')) {
    const path = field.name.slice('data.'.length).split('.');
    if (path.some((key) => key === ''))
      throw new QuerySyntaxError(
        `expected a key after each "." of ${field.name}, such as data.requestid:`,
        field.offset,
        field.length,
      );
    return { kind: 'data', path, value: pattern(value) };
  }
  if (!isTextField(name))
    throw new QuerySyntaxError(
      `unknown field "${field.name}": expected ${FIELD_LIST} (put text with a colon in quotes: "${field.name}:...")`,
      field.offset,
      field.length,
    );
  const wanted = pattern(value);
  if (name === 'origin') checkOrigin(wanted, value);
  return { kind: 'field', field: name, value: wanted };
}

function isTextField(name: string): name is TextField {
  return (TEXT_FIELDS as readonly string[]).includes(name);
}

/** A quoted value is taken as written; unquoted, a trailing `*` makes it a prefix. */
function pattern(value: WordToken): ValuePattern {
  if (value.quoted) {
    if (value.text === '') throw new QuerySyntaxError('expected a value inside the quotes', value.offset, 2);
    return { kind: 'exact', text: value.text };
  }
  const star = value.text.indexOf('*');
  if (star === -1) return { kind: 'exact', text: value.text };
  if (star !== value.text.length - 1)
    throw new QuerySyntaxError(
      'expected * only at the end of a value (a prefix, such as name:interaction.*), or the value in quotes',
      value.offset + star,
      1,
    );
  return { kind: 'prefix', text: value.text.slice(0, -1) };
}

/** Origins are a closed set: a typo would match nothing, so it is named instead. */
function checkOrigin(wanted: ValuePattern, value: WordToken): void {
  const text = wanted.text.toLowerCase();
  const known = ORIGINS.some((o) => (wanted.kind === 'exact' ? o === text : o.startsWith(text)));
  if (!known)
    throw new QuerySyntaxError(
      `unknown origin "${value.text}": expected one of ${ORIGINS.join(', ')}`,
      value.offset,
      value.length,
    );
}

const NUMBER = /^\d+$/;

/** `N`, `A..B`, `A..`, `..B`, `>N`, `>=N`, `<N`, `<=N`; bounds are inclusive. */
function seqRange(value: WordToken): SeqRange {
  const text = value.text;
  const fail = (message: string) => new QuerySyntaxError(message, value.offset, value.length);
  const number = (part: string): number => {
    if (!NUMBER.test(part)) throw fail(`expected ${SEQ_HELP}; found "${text}"`);
    return Number(part);
  };
  const comparison = /^(>=|<=|>|<)(.*)$/.exec(text);
  if (comparison !== null) {
    const n = number(comparison[2] as string);
    switch (comparison[1]) {
      case '>':
        return { min: n + 1, max: Number.POSITIVE_INFINITY };
      case '>=':
        return { min: n, max: Number.POSITIVE_INFINITY };
      case '<':
        return { min: Number.NEGATIVE_INFINITY, max: n - 1 };
      default:
        return { min: Number.NEGATIVE_INFINITY, max: n };
    }
  }
  const dots = text.indexOf('..');
  if (dots === -1) {
    const n = number(text);
    return { min: n, max: n };
  }
  const from = text.slice(0, dots);
  const to = text.slice(dots + 2);
  if (from === '' && to === '') throw fail(`expected ${SEQ_HELP}; found "${text}"`);
  const min = from === '' ? Number.NEGATIVE_INFINITY : number(from);
  const max = to === '' ? Number.POSITIVE_INFINITY : number(to);
  if (min > max) throw fail(`expected the range's first seq to be at most its last: ${text} holds no seq`);
  return { min, max };
}
