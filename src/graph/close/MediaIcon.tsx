import type { MediaKind } from '../../display/media-kind';

/** One glyph per media kind, drawn in the node's media colour (currentColor). */
const PATHS: Readonly<Record<MediaKind, string>> = {
  voice:
    'M3.5 2h2.8l1.4 3.4-1.9 1.2a8 8 0 0 0 3.6 3.6l1.2-1.9 3.4 1.4v2.8a1 1 0 0 1-1 1A11.5 11.5 0 0 1 2.5 3a1 1 0 0 1 1-1z',
  chat: 'M2.5 3h11v7.5H7l-3.5 3v-3h-1z',
  email: 'M2 4h12v8.5H2zM2 4l6 5 6-5',
  other: 'M8 2.5l5.5 5.5L8 13.5 2.5 8z',
};

export function MediaIcon({ kind }: { kind: MediaKind }) {
  return (
    <svg className="media-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={PATHS[kind]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
