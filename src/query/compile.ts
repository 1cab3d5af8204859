import type { QueryNode, SeqRange, TextField, ValuePattern } from './ast';
import { endsWithFolded, equalsFolded, startsWithFolded } from './fold';
import type { Query } from './parser';
import type { Codes, QueryClock, RowReader, StringTest } from './row';

export type RowTest<R> = (row: R) => boolean;

/**
 * The query as one predicate over rows read by `reader`, built once and run per row; a bare word
 * finds a time as shown on `clock`.
 */
export function compileQuery<R>(query: Query, reader: RowReader<R>, clock: QueryClock): RowTest<R> {
  return query.root === null ? () => true : compileNode(query.root, reader, clock);
}

/**
 * A bare word or phrase: somewhere in the row's text, its time as shown on `clock`, ignoring case
 * (the log's search box too).
 */
export function compileText<R>(text: string, reader: RowReader<R>, clock: QueryClock): RowTest<R> {
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const test: StringTest = (cell) => pattern.test(cell);
  return (row) => reader.someText(row, test, text, clock);
}

function compileNode<R>(node: QueryNode, reader: RowReader<R>, clock: QueryClock): RowTest<R> {
  switch (node.kind) {
    case 'and':
      return all(node.items.map((item) => compileNode(item, reader, clock)));
    case 'or':
      return any(compileAlternatives(node.items, reader, clock));
    case 'not': {
      const test = compileNode(node.item, reader, clock);
      return (row) => !test(row);
    }
    case 'text':
      return compileText(node.text, reader, clock);
    case 'seq':
      return seqTest(node.range, reader);
    case 'data':
      return dataTest(node.path, node.value, reader);
    case 'field':
      return fieldTest(node.field, valuesTest(node.field, [node.value]), reader);
  }
}

/**
 * The items of an OR, those on one field joined into one test of it (`name:a OR name:b` reads
 * the name once, and its answer is remembered once), the others each as it is.
 */
function compileAlternatives<R>(
  items: readonly QueryNode[],
  reader: RowReader<R>,
  clock: QueryClock,
): RowTest<R>[] {
  const byField = new Map<TextField, ValuePattern[]>();
  const tests: RowTest<R>[] = [];
  for (const item of items) {
    if (item.kind !== 'field') tests.push(compileNode(item, reader, clock));
    else byField.set(item.field, [...(byField.get(item.field) ?? []), item.value]);
  }
  for (const [field, values] of byField) tests.push(fieldTest(field, valuesTest(field, values), reader));
  return tests;
}

/** One test of a field's text that passes when any of the values matches. */
function valuesTest(field: TextField, values: readonly ValuePattern[]): StringTest {
  const ids = field === 'session' || field === 'interaction';
  const tests = values.map((value) => (ids ? idTest(value) : valueTest(value)));
  const [a, b] = tests;
  if (tests.length === 1 && a !== undefined) return a;
  if (tests.length === 2 && a !== undefined && b !== undefined) return (text) => a(text) || b(text);
  return (text) => tests.some((test) => test(text));
}

function all<R>(tests: readonly RowTest<R>[]): RowTest<R> {
  const [a, b] = tests;
  if (tests.length === 1 && a !== undefined) return a;
  if (tests.length === 2 && a !== undefined && b !== undefined) return (row) => a(row) && b(row);
  return (row) => tests.every((test) => test(row));
}

function any<R>(tests: readonly RowTest<R>[]): RowTest<R> {
  const [a, b] = tests;
  if (tests.length === 1 && a !== undefined) return a;
  if (tests.length === 2 && a !== undefined && b !== undefined) return (row) => a(row) || b(row);
  return (row) => tests.some((test) => test(row));
}

/** A value as a whole or as a prefix, ignoring case; `*` alone is any value. */
function valueTest(value: ValuePattern): StringTest {
  const wanted = value.text.toLowerCase();
  return value.kind === 'exact'
    ? (text) => equalsFolded(text, wanted)
    : (text) => startsWithFolded(text, wanted);
}

/**
 * An id as the page shows it: the full id or its end (a chip and the log show a g_uid's last six
 * characters; Find and Commands take the end of an id the same way), ignoring case.
 */
function idTest(value: ValuePattern): StringTest {
  const wanted = value.text.toLowerCase();
  return value.kind === 'exact'
    ? (text) => endsWithFolded(text, wanted)
    : (text) => startsWithFolded(text, wanted);
}

/** How many distinct values a field's test remembers its answer for. */
const REMEMBERED = 4_096;

/**
 * The test's answers by value, for fields of few distinct values (names, origins, verbs, strategy
 * names, states): a row then costs one lookup of a string whose hash V8 keeps, not a comparison
 * character by character. Past REMEMBERED values it answers without remembering more.
 */
function remembered(test: StringTest): StringTest {
  const answers = new Map<string, boolean>();
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined) return known;
    const answer = test(text);
    if (answers.size < REMEMBERED) answers.set(text, answer);
    return answer;
  };
}

function fieldTest<R>(field: TextField, test: StringTest, reader: RowReader<R>): RowTest<R> {
  switch (field) {
    case 'name': {
      const known = remembered(test);
      return coded(reader.nameCodes, known, (row) => reader.someName(row, known));
    }
    case 'session':
      return coded(reader.sessionCodes, test, (row) => reader.someSession(row, test));
    case 'interaction':
      return single(reader.interaction, test);
    case 'cause': {
      const known = remembered(test);
      return (row) => reader.someCause(row, known);
    }
    case 'origin':
      return single(reader.origin, remembered(test));
    case 'strategy':
      return single(reader.strategy, remembered(test));
  }
}

/**
 * A field's test by the row's code where the reader keeps codes of it (`test` answered once per
 * code, remembered by code), by `read` for a row without one or a reader without codes.
 */
function coded<R>(codes: Codes<R> | undefined, test: StringTest, read: RowTest<R>): RowTest<R> {
  if (codes === undefined) return read;
  const answers: boolean[] = [];
  return (row) => {
    const code = codes.code(row);
    if (code === 0) return read(row);
    let answer = answers[code];
    if (answer === undefined) {
      answer = test(codes.value(code));
      answers[code] = answer;
    }
    return answer;
  };
}

function single<R>(read: (row: R) => string | null, test: StringTest): RowTest<R> {
  return (row) => {
    const text = read(row);
    return text !== null && test(text);
  };
}

function seqTest<R>({ min, max }: SeqRange, reader: RowReader<R>): RowTest<R> {
  return (row) => {
    const seq = reader.seq(row);
    return seq !== null && seq >= min && seq <= max;
  };
}

/**
 * A key path into the row's data. A string, number or boolean there is matched as text, a list
 * when one of its items matches; `data.key:*` asks only that the key be there, whatever it holds.
 */
function dataTest<R>(path: readonly string[], value: ValuePattern, reader: RowReader<R>): RowTest<R> {
  const test = valueTest(value);
  const present = value.kind === 'prefix' && value.text === '';
  return (row) => {
    let at: unknown = reader.data(row);
    for (const key of path) {
      if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return false;
      at = Reflect.get(at, key);
    }
    if (present) return at !== undefined;
    return Array.isArray(at) ? at.some((item) => scalarMatches(item, test)) : scalarMatches(at, test);
  };
}

function scalarMatches(value: unknown, test: StringTest): boolean {
  if (typeof value === 'string') return test(value);
  if (typeof value === 'number' || typeof value === 'boolean') return test(String(value));
  return false;
}
