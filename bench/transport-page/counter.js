/**
 * The transport benchmark's receiver: one socket.io link speaking the protocol by hand (sync,
 * then `events` batches). It only counts: seq continuity (gaps, duplicates) and, per event, the
 * time from the server's `time` stamp to the batch's arrival here. The same code measures our
 * server and the bare baseline server, so the difference between the two is the server's.
 */
const state = {
  expected: null,
  received: 0,
  gaps: 0,
  duplicates: 0,
  batches: 0,
  lastSeq: 0,
  firstAt: 0,
  lastAt: 0,
  latencies: [],
};

function onEvents(events) {
  const now = Date.now();
  if (state.batches === 0) state.firstAt = now;
  state.batches++;
  state.lastAt = now;
  for (const event of events) {
    if (state.expected === null || event.seq === state.expected) {
      state.expected = event.seq + 1;
    } else if (event.seq > state.expected) {
      state.gaps += event.seq - state.expected;
      state.expected = event.seq + 1;
    } else {
      state.duplicates++;
      continue;
    }
    state.received++;
    state.lastSeq = event.seq;
    state.latencies.push(now - event.time);
  }
}

window.transportCounter = {
  /** Connects to `url` and syncs; resolves once the sync reply says where the stream starts. */
  connect(url) {
    return new Promise((resolve, reject) => {
      const socket = window.io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
      socket.on('connect', () => socket.emit('ors', { v: 1, id: 1, type: 'sync' }));
      socket.on('connect_error', (error) => reject(new Error(error.message)));
      socket.on('ors', (message) => {
        if (message.kind === 'snapshot') state.expected = message.snapshot.seq + 1;
        else if (message.kind === 'events') onEvents(message.events);
        else if (message.kind === 'reply' && message.type === 'sync') {
          state.expected ??= message.seq + 1;
          state.lastSeq = message.seq;
          resolve();
        }
      });
    });
  },
  lastSeq() {
    return state.lastSeq;
  },
  /** What arrived so far; latencies in ms, one per event, in arrival order. */
  stats() {
    const { received, gaps, duplicates, batches, firstAt, lastAt, latencies } = state;
    return { received, gaps, duplicates, batches, firstAt, lastAt, latencies };
  },
};
