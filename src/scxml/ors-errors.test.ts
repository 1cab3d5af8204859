import { describe, expect, it } from 'vitest';
import { ActionRegistry } from './actions';
import type { ScxmlEvent } from './event';
import { scxml, testHost } from './testing';

/** Starts an ORS document and returns the first error event its session took, with the error trace. */
async function firstError(body: string, options: { href?: string; actions?: ActionRegistry } = {}) {
  const { host, records } = await testHost({
    dialect: 'ors',
    ...(options.actions ? { actions: options.actions } : {}),
  });
  host.start(scxml(`${body}<state id="caught"/>`), options.href === undefined ? {} : { href: options.href });
  const taken = records.flatMap((r) =>
    r.kind === 'macrostep.start' || r.kind === 'microstep' ? (r.event ? [r.event] : []) : [],
  );
  const event: ScxmlEvent | undefined = taken.find((e) => e.name.startsWith('error.'));
  const trace = records.find((r) => r.kind === 'error' || r.kind === 'warning');
  return { event, trace };
}

describe('[X8] ORS error events', () => {
  it('[X8] a script error raises error.script.<type> with document, element and linenumber', async () => {
    const { event, trace } = await firstError(
      `<state id="s"><onentry>\n<script>undefinedFunction()</script></onentry>
        <transition event="error.script" target="caught"/></state>`,
      { href: 'strategies/greet.scxml' },
    );
    expect(event?.name).toBe('error.script.ReferenceError');
    expect(event?.data).toMatchObject({
      document: 'strategies/greet.scxml',
      element: 'script',
      linenumber: 2,
    });
    expect(trace).toMatchObject({ kind: 'error', error: 'execution', event: 'error.script.ReferenceError' });
  });

  it('[X8] a script that does not compile is error.script.SyntaxError', async () => {
    const { event } = await firstError(
      `<state id="s"><onentry><script>var = ;</script></onentry><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.script.SyntaxError');
  });

  it('[X8] a transition cond that throws is error.illegalcond.<type>, naming the transition', async () => {
    const { event } = await firstError(
      `<state id="s">\n\n<transition cond="nothing.here" target="wrong"/><transition event="error.illegalcond" target="caught"/></state><state id="wrong"/>`,
    );
    expect(event?.name).toBe('error.illegalcond.ReferenceError');
    expect(event?.data).toMatchObject({ element: 'transition', linenumber: 3 });
  });

  it('[X8] an <if cond> that throws is error.illegalcond.<type>', async () => {
    const { event } = await firstError(
      `<state id="s"><onentry><if cond="missing.flag"><log expr="1"/></if></onentry><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.illegalcond.ReferenceError');
    expect(event?.data).toMatchObject({ element: 'if' });
  });

  it('[X8] an assign to a location that does not exist is error.illegalloc.<type>', async () => {
    const { event } = await firstError(
      `<state id="s"><onentry><assign location="nothing.here" expr="1"/></onentry><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.illegalloc.ReferenceError');
    expect(event?.data).toMatchObject({ element: 'assign' });
  });

  it('[X8] an assign whose expression throws, to a good location, is error.script.<type>', async () => {
    const { event } = await firstError(
      `<datamodel><data id="x"/></datamodel><state id="s"><onentry><assign location="x" expr="nothing.here"/></onentry>
        <transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.script.ReferenceError');
  });

  it('[X8] a <data expr> that throws is error.illegaldata.<type>', async () => {
    const { event } = await firstError(
      `<datamodel><data id="x" expr="nothing.here"/></datamodel><state id="s"><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.illegaldata.ReferenceError');
    expect(event?.data).toMatchObject({ element: 'data' });
  });

  it('[X8] <foreach> over a value that is not an array is error.illegalvalue.TypeError', async () => {
    const { event } = await firstError(
      `<state id="s"><onentry><foreach array="'text'" item="c"/></onentry><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.illegalvalue.TypeError');
  });

  it('[X8] an error inside a nested block names the innermost element', async () => {
    const { event } = await firstError(
      `<state id="s"><onentry><if cond="true">\n<script>throw new TypeError('no')</script></if></onentry>
        <transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.script.TypeError');
    expect(event?.data).toMatchObject({ element: 'script', linenumber: 2, description: 'TypeError: no' });
  });

  it('[X8] a send of an unsupported type is error.send.targettypeinvalid.<state>, with its sendid', async () => {
    const { event } = await firstError(
      `<state id="Route"><onentry><send event="'x'" type="'http://example.com/other'" id="s1"/></onentry>
        <transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.send.targettypeinvalid.Route');
    expect(event?.sendid).toBe('s1');
  });

  it('[X8] a send to an unsupported target is error.send.targetunavailable.<state>', async () => {
    const { event } = await firstError(
      `<state id="Route"><onentry><send event="'x'" target="'mailto:a@b'"/></onentry><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.send.targetunavailable.Route');
  });

  it('[X8] a send to a session that does not exist is error.send.nosuchsession', async () => {
    const { event, trace } = await firstError(
      `<state id="s"><onentry><send event="'x'" target="'#_scxml_nobody'"/></onentry><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.send.nosuchsession');
    expect(trace).toMatchObject({ kind: 'error', error: 'communication' });
  });

  it('[X8] a send whose event expression gives no name is error.send.noeventspecified', async () => {
    const { event } = await firstError(
      `<state id="s"><onentry><send event="''"/></onentry><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.send.noeventspecified');
  });

  it('[X8] a send with a delay that is not one is error.send.failed', async () => {
    const { event } = await firstError(
      `<state id="s"><onentry><send event="'x'" delay="'soon'"/></onentry><transition event="error" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.send.failed');
    expect(event?.data).toMatchObject({ description: 'send: "soon" is not a delay' });
  });

  it('[X8] an action no handler is registered for raises error.unsupported.<element> and is traced as a warning', async () => {
    const { event, trace } = await firstError(
      `<state id="s"><onentry><ixn:accept xmlns:ixn="http://www.genesyslab.com/modules/interaction" interactionid="'i1'"/></onentry>
        <transition event="error.unsupported" target="caught"/></state>`,
    );
    expect(event?.name).toBe('error.unsupported.accept');
    expect(trace).toMatchObject({ kind: 'warning', event: 'error.unsupported.accept' });
  });

  it('[X8] a registered action that throws a script error raises error.script.<type> naming the element', async () => {
    const actions = new ActionRegistry();
    actions.register('urn:example:m', 'do', (element, context) => {
      context.evaluate(element.attributes.get('value') ?? '');
    });
    const { event } = await firstError(
      `<state id="s"><onentry><m:do xmlns:m="urn:example:m" value="nope()"/></onentry><transition event="error" target="caught"/></state>`,
      { actions },
    );
    expect(event?.name).toBe('error.script.ReferenceError');
    expect(event?.data).toMatchObject({ element: 'do' });
  });
});
