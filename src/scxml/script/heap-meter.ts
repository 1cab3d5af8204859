/**
 * Charges the growth of the WebAssembly heap to the realm that is running.
 *
 * QuickJS's own memory limit cannot bound what a session holds here: built for WebAssembly it has
 * no `malloc_usable_size`, so it counts 8 bytes per allocation whatever its size. Measured with an
 * 8 MB limit: a script pushing 1 MB strings into an array grew the process to 2.1 GB (the heap's
 * 2 GB maximum) before "out of memory"; 200,000 small objects held 31 MB. The heap itself is
 * exact: it only grows through `memory.grow`, which Emscripten's allocator calls when it has no
 * free block left. So the heap's memory is ours, `grow` is wrapped, and growth that happens while a
 * realm runs is charged to that realm. Once a realm has been charged its budget it is `spent`: its
 * interrupt handler stops it at the next check, an ordinary uncatchable exception. Growth is refused
 * outright only past twice the budget (or for one request far past it), where a native call
 * allocates without reaching a check: then its allocation fails and QuickJS throws "out of memory".
 * The soft stop comes first because QuickJS's out-of-memory paths are not all sound
 * (`quickjs-factory.ts`): measured over 64 runaways in a row, none reached one.
 *
 * What this bounds: the host grows by at most twice a realm's budget plus one growth step
 * (Emscripten grows by 5-20% of the heap, at most 96 MB more than asked) before a runaway realm is
 * stopped; and never past the heap's maximum. What it does not see: memory a realm takes from free
 * blocks that other realms released, which costs the host nothing new.
 */

const PAGE = 65536;
/** The minimum the QuickJS module's memory import asks for (Emscripten's INITIAL_MEMORY, 16 MB). */
const INITIAL_PAGES = 256;
/** Growth refused past this many budgets; between one and this, the realm is stopped at its next check. */
const HARD_FACTOR = 2;

export interface HeapAccount {
  readonly budget: number;
  charged: number;
  /** Set once the realm has been charged its budget: it is stopped at its next interrupt check. */
  spent: boolean;
}

export class HeapMeter {
  readonly memory: WebAssembly.Memory;
  private running: HeapAccount | null = null;

  constructor(maximumBytes: number) {
    if (!Number.isFinite(maximumBytes) || maximumBytes < INITIAL_PAGES * PAGE) {
      throw new RangeError(
        `the heap's maximum must be at least ${INITIAL_PAGES * PAGE} bytes, got ${maximumBytes}`,
      );
    }
    const memory = new WebAssembly.Memory({
      initial: INITIAL_PAGES,
      maximum: Math.min(32768, Math.floor(maximumBytes / PAGE)),
    });
    const grow = memory.grow.bind(memory);
    Object.defineProperty(memory, 'grow', { value: (pages: number) => this.grow(grow, pages) });
    this.memory = memory;
  }

  /** Runs `body` with heap growth charged to `account` (nested calls keep the outer account). */
  charging<T>(account: HeapAccount, body: () => T): T {
    const outer = this.running;
    this.running = outer ?? account;
    try {
      return body();
    } finally {
      this.running = outer;
    }
  }

  private grow(grow: (pages: number) => number, pages: number): number {
    const account = this.running;
    const bytes = pages * PAGE;
    if (account) {
      // A single request far past the budget is refused at once, and so is growth past twice the
      // budget: a native call that allocates without reaching an interrupt check stops there.
      if (
        account.charged >= HARD_FACTOR * account.budget ||
        bytes > account.budget + this.memory.buffer.byteLength / 4
      ) {
        account.spent = true;
        // Emscripten catches this, tries a smaller size (refused too), and its malloc returns NULL.
        throw new RangeError('the running realm has used its memory budget');
      }
      // One growth step may take a realm past its budget (Emscripten's steps are 5-20% of the
      // heap, not ours to choose: one can be larger than a budget), so only a realm that needs
      // more after that is spent.
      if (account.charged >= account.budget) account.spent = true;
    }
    const previous = grow(pages);
    if (account) account.charged += bytes;
    return previous;
  }
}
