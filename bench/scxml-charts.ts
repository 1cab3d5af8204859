/**
 * The bench's charts, each written twice: as SCXML for our interpreter and as an XState v5 machine,
 * the same states, guards and assigns, so the two can be timed on the same events.
 *
 * The call chart has 20 states: a parallel region of three (the call's flow, a monitor of holds, a
 * tally of talk time), compound states with their own transitions, guards reading `_event` and the
 * data, and an assign on most events. The small chart is what each of 10,000 live sessions holds.
 */
import { assign, createMachine } from 'xstate';

/** One call, as events: `n` varies so the guards take both branches over a run. */
export function callEvents(n: number): ReadonlyArray<{ readonly type: string; readonly n: number }> {
  return [
    { type: 'start', n },
    { type: 'agent', n },
    { type: 'answer', n },
    { type: 'hold', n },
    { type: 'retrieve', n },
    { type: 'end', n },
    { type: 'done', n },
  ];
}

export const CHART_SCXML = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="call">
  <datamodel>
    <data id="calls" expr="0"/>
    <data id="talk" expr="0"/>
    <data id="holds" expr="0"/>
  </datamodel>
  <parallel id="call">
    <state id="flow" initial="idle">
      <state id="idle">
        <transition event="start" target="routing"><assign location="calls" expr="calls + 1"/></transition>
      </state>
      <state id="routing" initial="queued">
        <transition event="abandon" target="idle"/>
        <state id="queued">
          <transition event="agent" cond="_event.data.n % 3 !== 0" target="ringing"/>
          <transition event="agent" target="overflow"/>
        </state>
        <state id="overflow">
          <transition event="answer" target="talking"/>
        </state>
        <state id="ringing">
          <transition event="answer" target="talking"/>
        </state>
      </state>
      <state id="talking" initial="connected">
        <transition event="end" target="wrapup"><assign location="talk" expr="talk + _event.data.n"/></transition>
        <state id="connected">
          <transition event="hold" target="held"><assign location="holds" expr="holds + 1"/></transition>
        </state>
        <state id="held">
          <transition event="retrieve" target="connected"/>
        </state>
      </state>
      <state id="wrapup">
        <transition event="done" cond="talk &lt; 1e15" target="idle"/>
      </state>
    </state>
    <state id="monitor" initial="quiet">
      <state id="quiet">
        <transition event="start" target="busy"/>
      </state>
      <state id="busy">
        <transition event="hold" cond="holds % 4 === 0" target="alarm"/>
        <transition event="done" target="quiet"/>
      </state>
      <state id="alarm">
        <transition event="done" target="quiet"/>
      </state>
    </state>
    <state id="tally" initial="low">
      <state id="low">
        <transition event="end" cond="talk &gt; 1000" target="mid"/>
      </state>
      <state id="mid">
        <transition event="end" cond="talk &gt; 100000" target="high"/>
      </state>
      <state id="high">
        <transition event="end" cond="talk % 7 === 0" target="low"/>
      </state>
    </state>
  </parallel>
</scxml>`;

interface Counters {
  calls: number;
  talk: number;
  holds: number;
}
type CallEvent = { readonly type: string; readonly n: number };

/**
 * The same chart in XState v5. XState checks guards against the context before the actions of
 * the step run, as SCXML selects transitions before executing them, so both take the same path.
 */
export const chartMachine = createMachine({
  types: {} as { context: Counters; events: CallEvent },
  id: 'call',
  type: 'parallel',
  context: { calls: 0, talk: 0, holds: 0 },
  states: {
    flow: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            start: { target: 'routing', actions: assign({ calls: ({ context }) => context.calls + 1 }) },
          },
        },
        routing: {
          initial: 'queued',
          on: { abandon: 'idle' },
          states: {
            queued: {
              on: {
                agent: [
                  { guard: ({ event }) => event.n % 3 !== 0, target: 'ringing' },
                  { target: 'overflow' },
                ],
              },
            },
            overflow: { on: { answer: '#call.flow.talking' } },
            ringing: { on: { answer: '#call.flow.talking' } },
          },
        },
        talking: {
          initial: 'connected',
          on: {
            end: {
              target: 'wrapup',
              actions: assign({ talk: ({ context, event }) => context.talk + event.n }),
            },
          },
          states: {
            connected: {
              on: {
                hold: { target: 'held', actions: assign({ holds: ({ context }) => context.holds + 1 }) },
              },
            },
            held: { on: { retrieve: 'connected' } },
          },
        },
        wrapup: { on: { done: { guard: ({ context }) => context.talk < 1e15, target: 'idle' } } },
      },
    },
    monitor: {
      initial: 'quiet',
      states: {
        quiet: { on: { start: 'busy' } },
        busy: {
          on: {
            hold: { guard: ({ context }) => context.holds % 4 === 0, target: 'alarm' },
            done: 'quiet',
          },
        },
        alarm: { on: { done: 'quiet' } },
      },
    },
    tally: {
      initial: 'low',
      states: {
        low: { on: { end: { guard: ({ context }) => context.talk > 1000, target: 'mid' } } },
        mid: { on: { end: { guard: ({ context }) => context.talk > 100_000, target: 'high' } } },
        high: { on: { end: { guard: ({ context }) => context.talk % 7 === 0, target: 'low' } } },
      },
    },
  },
});

/** Two states, a guard on the event, an assign: `tick` with an even `n` counts it and moves on. */
export const SMALL_SCXML = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="idle">
  <datamodel><data id="count" expr="0"/></datamodel>
  <state id="idle">
    <transition event="tick" cond="_event.data.n % 2 === 0" target="busy"><assign location="count" expr="count + _event.data.n"/></transition>
  </state>
  <state id="busy">
    <transition event="tick" target="idle"/>
  </state>
</scxml>`;

export const smallMachine = createMachine({
  types: {} as { context: { count: number }; events: CallEvent },
  initial: 'idle',
  context: { count: 0 },
  states: {
    idle: {
      on: {
        tick: {
          guard: ({ event }) => event.n % 2 === 0,
          target: 'busy',
          actions: assign({ count: ({ context, event }) => context.count + event.n }),
        },
      },
    },
    busy: { on: { tick: 'idle' } },
  },
});
