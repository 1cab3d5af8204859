import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { runJsonLines } from './jsonl';

describe('runJsonLines (npm run replay)', () => {
  it('prints every event and every refusal in order, and goes on after a bad line', () => {
    const lines = [
      '{"verb":"arrive","media":"TMediaVoice","session":"S-A","g_uid":"G1"}',
      '',
      '{"verb":"startSession","src":"x","session":"S-B"',
      '{"verb":"teleport"}',
      '{"verb":"associate","session":"S-B","interactionid":"G1","sessionid":"S-A"}',
      '{"verb":"detach","session":"S-A","interactionid":"G1","origin":"api"}',
    ];
    const out = [...runJsonLines(new Engine({ clock: () => 1 }), lines)];
    expect(
      out.map((l) =>
        l.type === 'event' ? `${l.seq} ${l.name}` : `line ${l.line} ${l.error.code} ${l.error.field}`,
      ),
    ).toEqual([
      '1 interaction.created',
      '2 session.started',
      '3 interaction.owner.changed',
      '4 interaction.added',
      '5 interaction.state.changed',
      'line 3 badcommand line',
      'line 4 badcommand verb',
      'line 5 unknown session',
      '6 interaction.owner.changed',
      '7 interaction.deleted',
      '8 interaction.detach.done',
    ]);
    const origins = out.flatMap((l) => (l.type === 'event' ? [l.cause.origin] : []));
    expect(origins).toEqual([...Array(5).fill('replay'), ...Array(3).fill('api')]);
  });

  it('refuses a __proto__ udata key with badcommand, and stores constructor as data', () => {
    const engine = new Engine({ clock: () => 1 });
    const lines = [
      '{"verb":"arrive","media":"TMediaVoice","session":"S-A","g_uid":"G1","udata":{"__proto__":"x","lang":"fr"}}',
      '{"verb":"arrive","media":"TMediaVoice","session":"S-A","g_uid":"G1","udata":{"constructor":"c","lang":"fr"}}',
      '{"verb":"setuData","session":"S-A","interactionid":"G1","udata":{"__proto__":{"polluted":true}}}',
    ];
    const errors = [...runJsonLines(engine, lines)].flatMap((l) =>
      l.type === 'error' ? [`line ${l.line} ${l.error.code} ${l.error.field}`] : [],
    );
    expect(errors).toEqual(['line 1 badcommand udata.__proto__', 'line 3 badcommand udata.__proto__']);
    expect(engine.state.interactions.get('G1')?.udata).toEqual({ constructor: 'c', lang: 'fr' });
  });
});
