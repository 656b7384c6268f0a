// Proves the `sim load` template: placeholders are found in any string of the request, the generated
// builder gives exactly what the plain tree walk gives (fast-check over random requests), the template
// itself is never changed, and requests without placeholders are shared as they are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate, createTemplateBuilder, instantiate } from '../../../src/sim/cli/load-template.js';
import { RandomStream } from '../../../src/sim/index.js';

function compile(request: Record<string, unknown>) {
  const compiled = compileTemplate(request);
  if (!compiled.ok || compiled.node === undefined) throw new Error('expected placeholders');
  return compiled.node;
}

describe('load templates', () => {
  it('fills {{n}} and {{rand N}} in nested maps and lists, leaving the template untouched', () => {
    const template = { TableName: 'T', Item: { pk: { S: 'u{{rand 5}}' }, n: { N: '{{n}}' }, tags: { L: [{ S: 'x' }, { S: '#{{n}}' }] } } };
    const before = JSON.stringify(template);
    const build = createTemplateBuilder(compile(template));
    const request = build(7, RandomStream.fromSeed(1, 't')) as typeof template;
    expect(request.Item.n.N).toBe('7');
    expect(request.Item.pk.S).toMatch(/^u[0-4]$/);
    expect(request.Item.tags.L).toEqual([{ S: 'x' }, { S: '#7' }]);
    expect(JSON.stringify(template)).toBe(before);
  });

  it('keeps a member named __proto__ as a member', () => {
    const template = JSON.parse('{"__proto__": {"S": "{{n}}"}}') as Record<string, unknown>;
    const request = createTemplateBuilder(compile(template))(3, RandomStream.fromSeed(1, 't')) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(request, '__proto__')?.value).toEqual({ S: '3' });
  });

  it('finds no template in a request without placeholders', () => {
    expect(compileTemplate({ TableName: 'T', Item: { id: { S: '1' } } })).toEqual({ ok: true, node: undefined });
  });

  it('refuses unknown placeholders and {{rand 0}}', () => {
    expect(compileTemplate({ a: '{{rand 0}}' })).toMatchObject({ ok: false });
    expect(compileTemplate({ a: '{{seq}}' })).toMatchInlineSnapshot(`
      {
        "message": "unknown placeholder {{seq}}: use {{n}} (the request's number) or {{rand N}} (a seeded number below N, N ≥ 1)",
        "ok": false,
      }
    `);
  });

  it('the generated builder equals the tree walk, draw for draw', () => {
    const leaf = fc.oneof(fc.constantFrom('{{n}}', '{{rand 7}}', 'k{{n}}-{{rand 3}}', 'plain', 'a"b\\c'), fc.integer(), fc.boolean());
    const tree = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), tree, { minKeys: 1, maxKeys: 3 }), fc.nat(1000), (request, n) => {
        const compiled = compileTemplate(request);
        if (!compiled.ok || compiled.node === undefined) return;
        const built = createTemplateBuilder(compiled.node)(n, RandomStream.fromSeed(3, 's'));
        const walked = instantiate(compiled.node, n, RandomStream.fromSeed(3, 's'));
        expect(built).toEqual(walked);
      }),
      { numRuns: 200 },
    );
  });
});
