/**
 * Media and categories of interactions (spec "Words" and I6).
 * The numeric values are the ones `_genesys.ixn.getMediaIntValue` returns in ORS.
 */
export const MEDIA_INT_VALUES = {
  TMediaVoice: 0,
  TMediaVoIP: 1,
  TMediaEMail: 2,
  TMediaVMail: 3,
  TMediaSMail: 4,
  TMediaChat: 5,
  TMediaVideo: 6,
  TMediaCobrowsing: 7,
  TMediaWhiteboard: 8,
  TMediaAppSharing: 9,
  TMediaWebform: 10,
  TMediaWorkItem: 11,
  TMediaCallback: 12,
  TMediaFax: 13,
  TMediaIMChat: 14,
  TMediaBusinessEvent: 15,
  TMediaAlert: 16,
  TMediaSMS: 17,
} as const;

export type MediaName = keyof typeof MEDIA_INT_VALUES;
export const MEDIA_NAMES = Object.keys(MEDIA_INT_VALUES) as MediaName[];

/** `voice` is T-Server telephony, `chat` is SIP Server chat, `msgbased` is Interaction Server multimedia. */
export type Category = 'voice' | 'msgbased' | 'chat';
export const CATEGORIES: readonly Category[] = ['voice', 'msgbased', 'chat'];

/** I6: the ORS integer for a media name; -1 for a name ORS does not know. */
export function getMediaIntValue(name: string): number {
  return Object.hasOwn(MEDIA_INT_VALUES, name) ? MEDIA_INT_VALUES[name as MediaName] : -1;
}

/** The category an interaction of this media gets when a command does not name one. */
export function defaultCategory(media: MediaName): Category {
  if (media === 'TMediaVoice' || media === 'TMediaVoIP') return 'voice';
  return 'msgbased';
}

export function isMediaName(name: string): name is MediaName {
  return getMediaIntValue(name) >= 0;
}
