// Properties of the mapping-template engine and the model validator, with fast-check: rendering never
// throws, whatever the JSON body or the template text (a failure is a value); parsing never throws on any
// text; and a body the validator accepts satisfies the schema's rules as an independent check reads them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate, type TemplateInput } from '../../../../src/sim/apigateway/vtl/index.js';
import { validateAgainstSchema } from '../../../../src/sim/apigateway/validation/json-schema.js';

const TEMPLATES = [
  `$input.json('$')`,
  `{"all": $input.json('$'), "raw": "$util.escapeJavaScript($input.body)", "enc": "$util.urlEncode($input.body)"}`,
  `#set($root = $input.path('$'))#foreach($v in $root)$v#if($foreach.hasNext),#end#end`,
  `#if($input.path('$.a') == 1)one#elseif($input.path('$.a'))some#else none#end $input.path('$.a.b[0]')`,
  `$util.base64Decode($util.base64Encode($input.body)) $input.params('x') $context.requestId`,
];

const inputOf = (body: string): TemplateInput => ({ body, params: { path: {}, querystring: {}, header: {} }, context: { requestId: 'r' }, stageVariables: {} });

describe('templates never throw', () => {
  it('on any JSON body', () => {
    fc.assert(fc.property(fc.json(), fc.constantFrom(...TEMPLATES), (body, template) => {
      const result = renderTemplate(template, inputOf(body));
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 300 });
  });

  it('json() of the whole body round-trips any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const body = JSON.stringify(value);
      const result = renderTemplate(`$input.json('$')`, inputOf(body));
      expect(result.ok && JSON.parse(result.output)).toEqual(body.trim() === '' ? {} : JSON.parse(body));
    }), { numRuns: 200 });
  });

  it('on any template text: parse and render answer values', () => {
    const pieces = fc.constantFrom('$', '#', '(', ')', '{', '}', '[', ']', "'", '"', '.', 'if', 'set', 'foreach', 'end', 'else', '$a', '$input', '.json', '=', ' ', '\n', '..', 'in', '1', '!');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), (template) => {
      expect(typeof parseTemplate(template).ok).toBe('boolean');
      expect(typeof renderTemplate(template, inputOf('{"a":1}')).ok).toBe('boolean');
    }), { numRuns: 500 });
  });
});

const TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null'] as const;

function typeMatches(type: (typeof TYPES)[number], value: unknown): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null': return value === null;
  }
}

describe('a body the validator accepts matches the schema', () => {
  const schemas = fc.record({
    properties: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.record({ type: fc.constantFrom(...TYPES), minLength: fc.option(fc.nat(3), { nil: undefined }), minimum: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }) })),
    required: fc.subarray(['a', 'b', 'c', 'd']),
    closed: fc.boolean(),
  });
  const bodies = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.jsonValue({ maxDepth: 2 }));

  it('required keys present, types right, bounds kept, no extra keys when closed', () => {
    fc.assert(fc.property(schemas, bodies, (shape, body) => {
      const properties = Object.fromEntries(Object.entries(shape.properties).map(([k, p]) => [k, JSON.parse(JSON.stringify(p)) as Record<string, unknown>]));
      const schema = { type: 'object', required: shape.required, properties, ...(shape.closed ? { additionalProperties: false } : {}) };
      if (validateAgainstSchema(schema, body).length > 0) return;
      for (const key of shape.required) expect(Object.hasOwn(body, key)).toBe(true);
      for (const [key, value] of Object.entries(body)) {
        const rule = shape.properties[key];
        if (rule === undefined) {
          expect(shape.closed).toBe(false);
          continue;
        }
        expect(typeMatches(rule.type, value)).toBe(true);
        if (typeof value === 'string' && rule.minLength !== undefined) expect([...value].length).toBeGreaterThanOrEqual(rule.minLength);
        if (typeof value === 'number' && rule.minimum !== undefined) expect(value).toBeGreaterThanOrEqual(rule.minimum);
      }
    }), { numRuns: 500 });
  });
});
