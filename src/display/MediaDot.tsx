import type { MediaName } from '../engine';
import { mediaKind } from './media-kind';

/** A dot in the media's colour (log.css: .media-voice, .media-chat, ...), beside a media name. */
export function MediaDot({ media }: { media: MediaName }) {
  return <span className={`media-dot media-${mediaKind(media)}`} aria-hidden="true" />;
}
