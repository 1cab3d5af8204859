/**
 * Media classes of spec R ([choice]: the table speaks of "voice", "SIP chat", "multimedia" and
 * "e-mail", and the interaction only carries `category` and `media`):
 * - category `voice`    -> voice (T-Server telephony);
 * - category `chat`     -> SIP chat (SIP Server chat);
 * - category `msgbased` -> multimedia (Interaction Server);
 * - e-mail is the multimedia interaction whose media is `TMediaEMail`. The category decides first: a
 *   `voice` interaction stays voice whatever its media says, so an inconsistent pair never unlocks
 *   e-mail values.
 */
import type { Category } from '../media';
import type { MediaContext } from './types';

export type MediaClass = 'voice' | 'sipChat' | 'multimedia';

const CLASS_OF_CATEGORY: Readonly<Record<Category, MediaClass>> = {
  voice: 'voice',
  chat: 'sipChat',
  msgbased: 'multimedia',
};

const CLASS_LABEL: Readonly<Record<MediaClass, string>> = {
  voice: 'voice',
  sipChat: 'SIP chat',
  multimedia: 'multimedia',
};

/** `undefined` for a category ORS does not have (the context came from untyped data). */
export function mediaClassOf(category: unknown): MediaClass | undefined {
  return typeof category === 'string' && Object.hasOwn(CLASS_OF_CATEGORY, category)
    ? CLASS_OF_CATEGORY[category as Category]
    : undefined;
}

export function isEmail(ctx: MediaContext): boolean {
  return mediaClassOf(ctx.category) === 'multimedia' && ctx.media === 'TMediaEMail';
}

/** "voice (TMediaVoice)": the words every R2 reason uses to name the media. */
export function describeMedia(ctx: MediaContext): string {
  const cls = mediaClassOf(ctx.category);
  return `${cls ? CLASS_LABEL[cls] : String(ctx.category)} (${String(ctx.media)})`;
}
