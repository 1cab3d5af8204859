import type { MediaName } from '../engine';

/** The four looks an interaction can have on the graph (colour variables --voice, --chat, ...). */
export const MEDIA_KINDS = ['voice', 'chat', 'email', 'other'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export function mediaKind(media: MediaName): MediaKind {
  switch (media) {
    case 'TMediaVoice':
    case 'TMediaVoIP':
      return 'voice';
    case 'TMediaChat':
    case 'TMediaIMChat':
      return 'chat';
    case 'TMediaEMail':
      return 'email';
    default:
      return 'other';
  }
}

export const MEDIA_LABELS: Readonly<Record<MediaKind, string>> = {
  voice: 'voice',
  chat: 'chat',
  email: 'e-mail',
  other: 'other media',
};
