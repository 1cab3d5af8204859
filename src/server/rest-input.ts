import type { IncomingMessage } from 'node:http';
import type { ScriptValue } from '../scxml/script/realm';
import { type RestError, rest } from './rest-error';

/** A request's parameters by name: strings from a query or a form, any JSON from a JSON body. */
export type RestParams = Readonly<Record<string, ScriptValue>>;

export type ParamsRead =
  | { readonly ok: true; readonly params: RestParams }
  | { readonly ok: false; readonly error: RestError };

/**
 * The parameters of a REST request, as ORS takes them: the query string's, then the body's
 * (form-encoded, or a JSON object), a body parameter replacing a query one of the same name. A
 * name given more than once in a query or a form is a list of its values. The body is read up to
 * `limit` bytes; past it the answer is `toolarge` without reading on.
 */
export async function readParams(req: IncomingMessage, url: URL, limit: number): Promise<ParamsRead> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return tooLarge(limit);
  const body = await readBody(req, limit);
  if (body === null) return tooLarge(limit);
  const query = fromForm(url.searchParams);
  if (body.length === 0) return { ok: true, params: query };
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded')
    return { ok: true, params: { ...query, ...fromForm(new URLSearchParams(body)) } };
  if (type === 'application/json') {
    const parsed = parseJson(body);
    if (!parsed.ok) return parsed;
    return { ok: true, params: { ...query, ...parsed.params } };
  }
  return {
    ok: false,
    error: rest(
      'badtype',
      'content-type',
      `"${type ?? ''}" is not taken: send application/x-www-form-urlencoded or application/json`,
    ),
  };
}

function parseJson(body: string): ParamsRead {
  let value: ScriptValue;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: rest('badjson', 'body', `not JSON: ${why}`) };
  }
  if (!isObject(value))
    return { ok: false, error: rest('badjson', 'body', 'must be a JSON object of parameters by name') };
  return { ok: true, params: value };
}

function isObject(value: ScriptValue): value is RestParams {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a=1&a=2&b=3` → `{ a: ['1', '2'], b: '3' }`; `__proto__` is an ordinary name here. */
function fromForm(form: URLSearchParams): RestParams {
  const params: Record<string, ScriptValue> = Object.create(null);
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    params[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return { ...params };
}

/** The body as text, or null once it passes `limit` bytes (then the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        // Drained, not kept: the client may still be sending, and its answer must reach it.
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

function tooLarge(limit: number): ParamsRead {
  return { ok: false, error: rest('toolarge', 'body', `longer than ${limit} bytes`) };
}
