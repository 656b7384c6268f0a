// Proves route selection for WebSocket messages (pure): `$request.body.action` and nested
// `$request.body.a.b` (also in `${...}` form) pick the custom route whose key equals the value; a
// non-JSON body, a missing member or an unknown value goes to `$default`; with no `$default` there is
// no route (the client gets an error frame, see messages.test.ts). Property: a body whose selected value
// names an existing custom route always takes that route.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyPathOf, chooseRoute, evaluateSelection } from '../../../../src/sim/apigateway/websocket/route-selection.js';

const KEYS = ['$connect', '$disconnect', '$default', 'join', 'sendmessage'];

describe('evaluateSelection', () => {
  it('reads top-level and nested members, with or without braces', () => {
    expect(evaluateSelection('$request.body.action', '{"action":"join"}')).toBe('join');
    expect(evaluateSelection('$request.body.data.kind', '{"data":{"kind":"sendmessage"}}')).toBe('sendmessage');
    expect(evaluateSelection('${request.body.action}', '{"action":"join"}')).toBe('join');
  });

  it('stringifies values that are not strings', () => {
    expect(evaluateSelection('$request.body.action', '{"action":42}')).toBe('42');
    expect(evaluateSelection('$request.body.action', '{"action":{"a":1}}')).toBe('{"a":1}');
  });

  it('gives nothing for text, a missing member, null, or a path through a non-object', () => {
    expect(evaluateSelection('$request.body.action', 'hello there')).toBeUndefined();
    expect(evaluateSelection('$request.body.action', '{"type":"join"}')).toBeUndefined();
    expect(evaluateSelection('$request.body.action', '{"action":null}')).toBeUndefined();
    expect(evaluateSelection('$request.body.data.kind', '{"data":"flat"}')).toBeUndefined();
  });

  it('reads only $request.body expressions', () => {
    expect(bodyPathOf('$request.body.action')).toEqual(['action']);
    expect(bodyPathOf('$request.header.x')).toBeUndefined();
    expect(bodyPathOf('action')).toBeUndefined();
  });
});

describe('chooseRoute', () => {
  it('takes the custom route whose key matches, else $default', () => {
    expect(chooseRoute('$request.body.action', '{"action":"join"}', KEYS)).toEqual({ kind: 'route', routeKey: 'join', selected: 'join' });
    expect(chooseRoute('$request.body.action', '{"action":"leave"}', KEYS)).toEqual({ kind: 'route', routeKey: '$default', selected: 'leave' });
    expect(chooseRoute('$request.body.action', 'plain text', KEYS)).toEqual({ kind: 'route', routeKey: '$default' });
  });

  it('never selects a predefined route from the body', () => {
    expect(chooseRoute('$request.body.action', '{"action":"$connect"}', KEYS)).toEqual({ kind: 'route', routeKey: '$default', selected: '$connect' });
  });

  it('finds no route when nothing matches and there is no $default', () => {
    const keys = ['$connect', 'join'];
    expect(chooseRoute('$request.body.action', '{"action":"leave"}', keys)).toEqual({ kind: 'no-route', selected: 'leave' });
    expect(chooseRoute('$request.body.action', 'not json', keys)).toEqual({ kind: 'no-route' });
  });

  it('always routes a matching value to its custom route (property)', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
    fc.assert(fc.property(key, fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), fc.string()), (action, rest) => {
      const body = JSON.stringify({ ...rest, action });
      expect(chooseRoute('$request.body.action', body, ['$default', action])).toMatchObject({ kind: 'route', routeKey: action });
    }));
  });
});
