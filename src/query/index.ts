export type { QueryNode, SeqRange, TextField, ValuePattern } from './ast';
export { TEXT_FIELDS } from './ast';
export { compileQuery, compileText, type RowTest } from './compile';
export { QuerySyntaxError } from './errors';
export { PAST_QUERIES, rememberQuery } from './history';
export { type ParseResult, parseQuery, type Query } from './parser';
export type { Codes, QueryClock, RowReader, StringTest } from './row';
