import type { ActionHandler } from '../../scxml/actions';
import { answer, attribute, requestId } from './attributes';

export const DIALOG_NAMESPACE = 'http://www.genesyslab.com/modules/dialog';

/**
 * FAKE `<dialog:start>` (X9). Real ORS starts a voice application on a media server; this one plays
 * nothing and only acknowledges: `dialog.start.done` {`requestid`, `interactionid`}. Its
 * `interactionid` is evaluated (X1), so a bad expression fails as it would in ORS.
 */
export const dialogStart: ActionHandler = (element, context) => {
  const requestid = requestId(element, context);
  answer(context, 'dialog.start.done', {
    requestid,
    interactionid: attribute(element, 'interactionid', context),
  });
};
