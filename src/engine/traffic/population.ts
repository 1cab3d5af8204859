import type { EngineEvent } from '../events';
import type { Category, MediaName } from '../media';
import type { Snapshot } from '../snapshot';
import { IndexedSet } from './indexed-set';

/**
 * What kind of address an interaction takes (spec R): the category decides first, then e-mail is
 * the multimedia interaction with media `TMediaEMail`. Interactions created by others (the UI, the
 * API) may have any media, so this covers every category, not just what the generator creates.
 */
export type AddressClass = 'voice' | 'sipChat' | 'multimedia' | 'email';

function addressClassOf(category: Category, media: MediaName): AddressClass {
  if (category === 'voice') return 'voice';
  if (category === 'chat') return 'sipChat';
  return media === 'TMediaEMail' ? 'email' : 'multimedia';
}

interface Tracked {
  readonly address: AddressClass;
  owner: string | null;
}

/**
 * The generator's own picture of the engine, kept from the journaled events alone so that
 * choosing a command never scans the engine state: every list a command needs to pick from is an
 * IndexedSet, updated in O(1) per event. Ended sessions and interactions are forgotten, so memory
 * follows what is alive, not what has ever existed.
 */
export class Population {
  /** Running sessions. */
  readonly running = new IndexedSet<string>();
  /** Running sessions that own nothing: the ones a script would end. */
  readonly idle = new IndexedSet<string>();
  /** Live interactions that have an owner. */
  readonly owned = new IndexedSet<string>();
  /** Live interactions without an owner (detached or released), waiting to be attached. */
  readonly unowned = new IndexedSet<string>();

  /** Running session → how many interactions it owns (to know when it becomes idle). */
  private readonly holdings = new Map<string, number>();
  private readonly interactions = new Map<string, Tracked>();
  /**
   * `seq` of the last event seen. Events at or below it are skipped, so feeding the same batch
   * twice (a subscription plus `pump`) is harmless.
   */
  private lastSeq = 0;

  observe(events: readonly EngineEvent[]): void {
    for (const event of events) {
      if (event.seq <= this.lastSeq) continue;
      this.lastSeq = event.seq;
      this.apply(event);
    }
  }

  /** Starts from a snapshot (a restored or resynced engine) instead of from the first event. */
  load(snapshot: Snapshot): void {
    this.lastSeq = snapshot.seq;
    for (const session of snapshot.sessions) {
      if (session.state !== 'running') continue;
      this.running.add(session.id);
      this.holdings.set(session.id, 0);
      this.idle.add(session.id);
    }
    for (const interaction of snapshot.interactions) {
      if (interaction.state === 'ended') continue;
      this.interactions.set(interaction.g_uid, {
        address: addressClassOf(interaction.category, interaction.media),
        owner: null,
      });
      this.moveTo(interaction.g_uid, interaction.owner);
    }
  }

  /** The owner of a live interaction the generator knows, else null. */
  ownerOf(g_uid: string): string | null {
    return this.interactions.get(g_uid)?.owner ?? null;
  }

  /** How a live interaction is addressed; `multimedia` for one the generator never saw created. */
  addressOf(g_uid: string): AddressClass {
    return this.interactions.get(g_uid)?.address ?? 'multimedia';
  }

  private apply(event: EngineEvent): void {
    switch (event.name) {
      case 'session.started': {
        const id = event.session as string;
        this.running.add(id);
        this.holdings.set(id, 0);
        this.idle.add(id);
        return;
      }
      case 'session.ended': {
        const id = event.session as string;
        // B6: the engine released its interactions in earlier events of the same command.
        this.running.delete(id);
        this.idle.delete(id);
        this.holdings.delete(id);
        return;
      }
      case 'interaction.created': {
        const init = event.data.interaction;
        this.interactions.set(init.g_uid, {
          address: addressClassOf(init.category, init.media),
          owner: null,
        });
        this.moveTo(init.g_uid, init.owner);
        return;
      }
      case 'interaction.owner.changed':
        this.moveTo(event.data.interactionid, event.data.to);
        return;
      case 'interaction.ended': {
        const id = event.data.interactionid;
        this.moveTo(id, null);
        this.unowned.delete(id);
        this.interactions.delete(id);
        return;
      }
      default:
        return;
    }
  }

  private moveTo(g_uid: string, to: string | null): void {
    const tracked = this.interactions.get(g_uid);
    if (tracked === undefined) return;
    if (tracked.owner !== null) this.release(tracked.owner);
    tracked.owner = to;
    if (to === null) {
      this.owned.delete(g_uid);
      this.unowned.add(g_uid);
    } else {
      this.take(to);
      this.unowned.delete(g_uid);
      this.owned.add(g_uid);
    }
  }

  private release(session: string): void {
    const held = this.holdings.get(session);
    if (held === undefined) return;
    this.holdings.set(session, held - 1);
    if (held === 1) this.idle.add(session);
  }

  private take(session: string): void {
    const held = this.holdings.get(session);
    if (held === undefined) return;
    this.holdings.set(session, held + 1);
    this.idle.delete(session);
  }
}
