import type { ActionHandler } from '../../scxml/actions';
import type { ScriptValue } from '../../scxml/script/realm';
import { answer, attribute, requestId } from './attributes';

export const SESSION_NAMESPACE = 'http://www.genesyslab.com/modules/session';

/**
 * FAKE `<session:fetch>` (X9). Real ORS fetches the URL over HTTP; this one never goes on the
 * network: it answers from fixtures keyed by URL, `session.fetch.done` {`requestid`, `content`}, and
 * a URL without a fixture is `error.session.fetch`. The URL is `srcexpr` (or `src`), an expression
 * as every ORS attribute is (X1); `requestid` is a location (X2).
 */
export function sessionFetch(fixtures: Readonly<Record<string, ScriptValue>>): ActionHandler {
  return (element, context) => {
    const requestid = requestId(element, context);
    const src = attribute(element, element.attributes.has('srcexpr') ? 'srcexpr' : 'src', context);
    if (typeof src !== 'string' || src === '') {
      answer(context, 'error.session.fetch', {
        requestid,
        error: 'invalidsrc',
        description: '<session:fetch> needs srcexpr, an expression giving the URL',
      });
      return;
    }
    if (!Object.hasOwn(fixtures, src)) {
      answer(context, 'error.session.fetch', {
        requestid,
        error: 'badfetch',
        description: `no fixture for "${src}" (the fake session:fetch answers only from its fixtures)`,
      });
      return;
    }
    answer(context, 'session.fetch.done', { requestid, content: fixtures[src] });
  };
}
