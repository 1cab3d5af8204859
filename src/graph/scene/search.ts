import { shortGuid } from '../../engine';
import { CHIP_HEIGHT, CHIP_WIDTH, type XY } from './layout';
import type { Scene } from './scene';

export interface SearchHit {
  readonly kind: 'session' | 'interaction';
  readonly id: string;
  /** The centre of its node, in flow coordinates: where the view goes. */
  readonly center: XY;
}

/**
 * Finds what is drawn by id, case-insensitively. Exact matches win over prefixes, prefixes over
 * any other part of an id, sessions over interactions; an interaction matches by its full g_uid
 * or by the short form the graph shows.
 */
export function findInScene(scene: Scene, query: string): SearchHit | null {
  const q = query.trim().toUpperCase();
  if (q === '') return null;
  let best: SearchHit | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  const consider = (rank: number, hit: () => SearchHit) => {
    if (rank < bestRank) {
      bestRank = rank;
      best = hit();
    }
  };

  for (const [id, container] of scene.sessions) {
    const rank = matchRank(id.toUpperCase(), q, 0, 3);
    if (rank !== null) {
      const { rect } = container;
      consider(rank, () => ({
        kind: 'session',
        id,
        center: { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 },
      }));
    }
  }
  for (const [g_uid, place] of scene.interactions) {
    const upper = g_uid.toUpperCase();
    const rank = Math.min(
      matchRank(upper, q, 1, 5) ?? Number.POSITIVE_INFINITY,
      matchRank(shortGuid(upper), q, 2, 4) ?? Number.POSITIVE_INFINITY,
    );
    if (rank !== Number.POSITIVE_INFINITY) {
      consider(rank, () => ({
        kind: 'interaction',
        id: g_uid,
        center: { x: place.at.x + CHIP_WIDTH / 2, y: place.at.y + CHIP_HEIGHT / 2 },
      }));
    }
  }
  return best;
}

/** Anything that merely contains the query ranks below every exact match and prefix. */
const CONTAINS_RANK = 6;

function matchRank(candidate: string, query: string, exact: number, prefix: number): number | null {
  if (candidate === query) return exact;
  if (candidate.startsWith(query)) return prefix;
  return candidate.includes(query) ? CONTAINS_RANK : null;
}
