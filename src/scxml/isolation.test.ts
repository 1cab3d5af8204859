import { describe, expect, it } from 'vitest';
import { scxml, testHost } from './testing';

describe('a session whose script runs away', () => {
  it('[B.2] an endless loop ends only its own session, as failed and traced; the others go on', async () => {
    const { host, records } = await testHost({ limits: { stepMs: 50, memoryBytes: 8 * 1024 * 1024 } });
    const other = host.start(
      scxml('<state id="a"><transition event="go" target="b"/></state><state id="b"/>'),
    );
    const runaway = host.start(
      scxml(
        '<state id="s"><transition event="spin" target="t"/></state><state id="t"><onentry><script>while (true) {}</script></onentry></state>',
      ),
    );
    runaway.send('spin');
    expect(runaway.status).toBe('failed');
    expect(records).toContainEqual({ kind: 'session.end', session: runaway.id, reason: 'failed' });
    expect(records.some((r) => r.kind === 'error' && r.error === 'fatal' && r.session === runaway.id)).toBe(
      true,
    );
    other.send('go');
    expect(other.activeStates()).toEqual(['b']);
  });

  it('[5.9] a syntax error in a script raises error.execution and the session goes on', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(
        '<state id="s"><onentry><script>this is not javascript</script></onentry><transition event="error.execution" target="ok"/></state><state id="ok"/>',
      ),
    );
    expect(session.activeStates()).toEqual(['ok']);
    expect(session.status).toBe('running');
  });
});
