import type { ServerResponse } from 'node:http';
import type { StrategyError } from '../strategy';

/** Refusals of the HTTP layer itself, before anything reaches the runtime. */
type HttpCode =
  | 'unauthorized'
  | 'busy'
  | 'forbidden'
  | 'notfound'
  | 'badmethod'
  | 'badrequest'
  | 'badjson'
  | 'badparams'
  | 'badsrc'
  | 'badtime'
  | 'toolarge'
  | 'badtype'
  | 'timeout'
  | 'unavailable'
  | 'internal';

/**
 * What every refused REST request answers, as `{"error": RestError}`: a code a program can switch
 * on, the field (parameter, path part or header) at fault, and why. Nothing changed.
 */
export interface RestError {
  readonly code: HttpCode | StrategyError['code'];
  readonly field: string;
  readonly reason: string;
  /** A document's error: where in it. */
  readonly position?: { readonly line: number; readonly column: number };
}

const STATUS: Readonly<Record<string, number>> = {
  unauthorized: 401,
  forbidden: 403,
  notfound: 404,
  unknown: 404,
  badmethod: 405,
  toolarge: 413,
  badtype: 415,
  busy: 429,
  duplicate: 409,
  baddocument: 422,
  internal: 500,
  unavailable: 503,
  timeout: 504,
};

/** 400 unless the code says otherwise; the engine's `invalidstate.*` are conflicts with its state. */
export function statusOf(code: RestError['code']): number {
  if (code.startsWith('invalidstate')) return 409;
  return STATUS[code] ?? 400;
}

export function rest(code: RestError['code'], field: string, reason: string): RestError {
  return { code, field, reason };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers })
    .end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, error: RestError, headers?: Readonly<Record<string, string>>) {
  sendJson(res, statusOf(error.code), { error }, headers);
}
