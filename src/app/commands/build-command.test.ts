import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine';
import { buildCommand, type CommandForm } from './build-command';

const FORM: CommandForm = { verb: 'terminate', media: 'TMediaVoice', id: '', address: '', detach: false };

/** A real engine's model: two interactions whose g_uids end alike and one more, each in its session. */
function world() {
  const engine = new Engine();
  const run = (command: Parameters<Engine['execute']>[0]) => {
    const result = engine.execute(command);
    if (!result.ok) throw new Error(result.error.reason);
  };
  run({ verb: 'arrive', media: 'TMediaVoice', g_uid: '00AAAA00ABC123', session: 'S-ONE' });
  run({ verb: 'arrive', media: 'TMediaVoice', g_uid: '00BBBB00ABC123', session: 'S-TWO' });
  run({ verb: 'arrive', media: 'TMediaChat', g_uid: '00CCCC00XYZ789', session: 'S-THREE' });
  return engine.state;
}

describe('buildCommand: ids as the page shows them', () => {
  it('takes the last six of a g_uid, in any case, and acts for its owner', () => {
    const built = buildCommand({ ...FORM, id: ' xyz789 ' }, world());
    expect(built).toEqual({
      ok: true,
      command: { verb: 'terminate', session: 'S-THREE', interactionid: '00CCCC00XYZ789', origin: 'api' },
    });
  });

  it('takes a full id, exactly or in another case', () => {
    const model = world();
    for (const id of ['00AAAA00ABC123', '00aaaa00abc123']) {
      const built = buildCommand({ ...FORM, verb: 'detach', id }, model);
      expect(built.ok && built.command).toMatchObject({ interactionid: '00AAAA00ABC123', session: 'S-ONE' });
    }
    expect(buildCommand({ ...FORM, verb: 'endSession', id: 's-two' }, model)).toEqual({
      ok: true,
      command: { verb: 'endSession', session: 'S-TWO', origin: 'api' },
    });
  });

  it('refuses an ambiguous short form, naming the interactions it could be', () => {
    const built = buildCommand({ ...FORM, id: 'ABC123' }, world());
    expect(built).toEqual({
      ok: false,
      field: 'interactionid',
      reason: '"ABC123" is the end of 2 interaction ids (00AAAA00ABC123, 00BBBB00ABC123): type more of it',
    });
  });

  it('blames an unknown or empty interaction id on the interaction, not on the session', () => {
    expect(buildCommand({ ...FORM, id: 'NOPE42' }, world())).toEqual({
      ok: false,
      field: 'interactionid',
      reason: 'no interaction "NOPE42" on the page',
    });
    expect(buildCommand({ ...FORM, verb: 'redirect', id: '' }, world())).toMatchObject({
      ok: false,
      field: 'interactionid',
    });
    expect(buildCommand({ ...FORM, verb: 'endSession', id: 'S-NONE' }, world())).toEqual({
      ok: false,
      field: 'session',
      reason: 'no session "S-NONE" on the page',
    });
  });

  it('refuses an interaction with no owner: no session could run the command', () => {
    const engine = new Engine();
    engine.execute({ verb: 'arrive', media: 'TMediaVoice', g_uid: '00DDDD00DDDDDD', session: 'S-ONE' });
    engine.execute({ verb: 'detach', session: 'S-ONE', interactionid: '00DDDD00DDDDDD' });
    expect(buildCommand({ ...FORM, id: 'dddddd' }, engine.state)).toEqual({
      ok: false,
      field: 'interactionid',
      reason: 'interaction 00DDDD00DDDDDD has no owner session to act for it',
    });
  });

  it('names the address when a redirect has none', () => {
    expect(buildCommand({ ...FORM, verb: 'redirect', id: 'xyz789', address: ' ' }, world())).toEqual({
      ok: false,
      field: 'to',
      reason: 'address is empty',
    });
  });
});
