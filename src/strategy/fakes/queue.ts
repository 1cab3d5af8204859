import type { ActionHandler } from '../../scxml/actions';
import { answer, attribute, children, requestId } from './attributes';
import { pickIndex } from './router';

export const QUEUE_NAMESPACE = 'http://www.genesyslab.com/modules/queue';

export interface QueueFakeOptions {
  /** The router's seed: the same seed picks the same targets for the same requests. */
  readonly seed: number;
  /**
   * Where each target is reached, in target format (`7001@switch1.DN`): what `queue.submit.done`
   * gives as `resource` and Composer's code redirects to. A target not listed gets a made-up DN.
   */
  readonly resources?: Readonly<Record<string, string>>;
}

/**
 * FAKE `<queue:submit>` (X9). Real ORS hands the request to Universal Routing Server, which waits
 * for a ready agent. This one answers at once: the seeded router picks one of the
 * `<queue:targets><queue:target name=.../>` and the session gets `queue.submit.done` {`requestid`,
 * `interactionid`, `targetselected`, `vqselected`, `resource`}. No target is `error.queue.submit`.
 * Attributes are expressions (X1), `requestid` a location (X2).
 */
export function queueSubmit(options: QueueFakeOptions): ActionHandler {
  return (element, context) => {
    const requestid = requestId(element, context);
    const interactionid = attribute(element, 'interactionid', context);
    const queue = attribute(element, 'queue', context);
    const targets = children(element, QUEUE_NAMESPACE, 'targets')
      .flatMap((list) => children(list, QUEUE_NAMESPACE, 'target'))
      .map((target) => attribute(target, 'name', context));
    const named = targets.filter((name): name is string => typeof name === 'string' && name !== '');
    if (named.length === 0 || named.length < targets.length) {
      answer(context, 'error.queue.submit', {
        requestid,
        interactionid,
        error: 'invalidtarget',
        description:
          named.length === 0
            ? '<queue:submit> has no <queue:target> (the fake router picks among them)'
            : 'each <queue:target> needs a name that evaluates to a non-empty string',
      });
      return;
    }
    const selected = named[pickIndex(options.seed, requestid, named.length)] ?? '';
    answer(context, 'queue.submit.done', {
      requestid,
      interactionid,
      targetselected: selected,
      vqselected: typeof queue === 'string' ? queue : undefined,
      resource: options.resources?.[selected] ?? madeUpDn(options.seed, selected),
    });
  };
}

/** A DN for a target the options do not place: stable per seed and target, in target format. */
const madeUpDn = (seed: number, target: string) => `${7100 + pickIndex(seed, target, 900)}@.DN`;
