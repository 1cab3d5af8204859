import type { MediaName } from '../engine';

/** The colour family of a media, as the app's CSS variables name them (--voice, --chat, ...). */
export function mediaClass(media: MediaName): string {
  switch (media) {
    case 'TMediaVoice':
    case 'TMediaVoIP':
      return 'media-dot media-voice';
    case 'TMediaChat':
    case 'TMediaIMChat':
      return 'media-dot media-chat';
    case 'TMediaEMail':
      return 'media-dot media-email';
    default:
      return 'media-dot';
  }
}
