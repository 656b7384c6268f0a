// Proves each VTL feature of the mapping-template engine (APIGW-10) on exact outputs: $input.json/path/
// body/params, $context, $stageVariables, each $util helper, #set, #if/#elseif/#else, #foreach with
// $foreach.hasNext and $velocityCount, the 1,000-iteration cap (APIGW-08), Velocity's printing rules,
// and the line-numbered refusal of directives the simulator does not run.
import { describe, expect, it } from 'vitest';
import { FOREACH_MAX_ITERATIONS, parseTemplate, renderTemplate, type TemplateInput } from '../../../../src/sim/apigateway/vtl/index.js';

const input: TemplateInput = {
  body: '{"name":"Ann","items":[{"id":1},{"id":2}],"q":"a b&c","nested":{"on":true}}',
  params: { path: { id: '42' }, querystring: { q: 'x' }, header: { 'Content-Type': 'application/json' } },
  context: { requestId: 'r-1', identity: { sourceIp: '203.0.113.10' }, authorizer: { principalId: 'u1', tier: 'gold' } },
  stageVariables: { env: 'prod' },
};

const render = (template: string, over: Partial<TemplateInput> = {}): string => {
  const result = renderTemplate(template, { ...input, ...over });
  if (!result.ok) throw new Error(result.message);
  return result.output;
};

describe('$input', () => {
  it('json() answers JSON text, path() the value, body the raw text', () => {
    expect(render(`$input.json('$.name') $input.json('$.items[1]') $input.path('$.name') $input.path('$.items').size()`)).toBe('"Ann" {"id":2} Ann 2');
    expect(render('$input.body')).toBe(input.body);
    expect(render(`$input.json('$')`, { body: '' })).toBe('{}');
    expect(render(`[$input.json('$.missing')]`)).toBe('[]');
    expect(render(`$input.json('$.items[*].id') $input.json("$['nested'].on")`)).toBe('[1,2] true');
  });

  it('params(name) looks in path, query string, then headers; params() gives the three maps', () => {
    expect(render(`$input.params('id') $input.params('q') $input.params('content-type') [$input.params('none')]`)).toBe('42 x application/json []');
    expect(render(`$input.params().header.get('Content-Type') $input.params().querystring.q $input.params().path`)).toBe('application/json x {id=42}');
  });
});

describe('$context, $stageVariables and $util', () => {
  it('reads the request context, the authorizer context and stage variables', () => {
    expect(render('$context.requestId $context.identity.sourceIp $context.authorizer.principalId $context.authorizer.tier $stageVariables.env')).toBe('r-1 203.0.113.10 u1 gold prod');
    expect(render('[$context.authorizer.missing][$stageVariables.none]')).toBe('[][]');
  });

  it('escapes, encodes and parses like API Gateway', () => {
    expect(render(`$util.escapeJavaScript('it''s "x"/é')`)).toBe(`it\\'s \\"x\\"\\/\\u00E9`);
    expect(render(`$util.urlEncode($input.path('$.q'))`)).toBe('a+b%26c');
    expect(render(`$util.base64Encode('hello') $util.base64Decode('aGVsbG8=')`)).toBe('aGVsbG8= hello');
    expect(render(`#set($o = $util.parseJson('{"a":[1,2]}'))$o.a.size()`)).toBe('2');
  });

  it('builds the classic SQS SendMessage body', () => {
    expect(render('Action=SendMessage&MessageBody=$util.urlEncode($input.body)', { body: '{"order": 7}' })).toBe('Action=SendMessage&MessageBody=%7B%22order%22%3A+7%7D');
  });
});

describe('directives', () => {
  it('#set, #if/#elseif/#else and operators', () => {
    const template = '#set($n = $input.path(\'$.items\').size())\n#if($n > 2)\nmany\n#elseif($n == 2 && !false)\ntwo\n#else\nfew\n#end\n';
    expect(render(template)).toBe('two\n');
    expect(render('#set($x = 7 / 2)$x #set($y = 7 % 4)$y #if("a" == "a" and 1 lt 2)yes#end')).toBe('3 3 yes');
  });

  it('#foreach with $foreach.hasNext, $velocityCount, ranges and maps', () => {
    expect(render(`[#foreach($i in $input.path('$.items'))$i.id#if($foreach.hasNext),#end#end]`)).toBe('[1,2]');
    expect(render('#foreach($n in [1..3])$velocityCount:$n #end')).toBe('1:1 2:2 3:3 ');
    expect(render('#foreach($v in {"a": 1, "b": 2})$v#end')).toBe('12');
    expect(render('#foreach($a in [1, 2])#foreach($b in [3, 4])$a$b#end#if($foreach.hasNext);#end#end')).toBe('1314;2324');
  });

  it(`stops a #foreach after ${FOREACH_MAX_ITERATIONS} iterations (APIGW-08) and says so`, () => {
    const result = renderTemplate('#foreach($i in [1..1500])x#end', input);
    expect(result.ok && result.output.length).toBe(1_000);
    expect(result.ok && result.warnings).toEqual(['#foreach over 1500 items stopped after 1000 iterations (APIGW-08)']);
  });

  it('a directive alone on its line leaves no blank line; comments print nothing', () => {
    expect(render('{\n  #set($a = 1)\n  "a": $a ## note\n#* block\ncomment *#}')).toBe('{\n  "a": 1 }');
  });
});

describe("Velocity's printing rules", () => {
  it('an undefined reference prints itself, a quiet one nothing; lists and maps print Java style', () => {
    expect(render('$nothing|$!nothing|${nothing}')).toBe('$nothing||${nothing}');
    expect(render(`$input.path('$.items')`)).toBe('[{id=1}, {id=2}]');
    expect(render('costs $5 and #1')).toBe('costs $5 and #1');
  });
});

describe('errors', () => {
  it('refuses directives the simulator does not run, naming the line', () => {
    expect(parseTemplate('{\n  "a": 1\n#macro(x)\n#end')).toMatchInlineSnapshot(`
      {
        "error": {
          "line": 3,
          "message": "#macro is not supported (the simulator runs #set, #if, #elseif, #else, #end and #foreach)",
        },
        "ok": false,
      }
    `);
    expect(parseTemplate("x\n#if($a)\nno end")).toMatchInlineSnapshot(`
      {
        "error": {
          "line": 2,
          "message": "#if has no matching #end",
        },
        "ok": false,
      }
    `);
    expect(parseTemplate('ok\n#end')).toMatchInlineSnapshot(`
      {
        "error": {
          "line": 2,
          "message": "#end without an open #if or #foreach",
        },
        "ok": false,
      }
    `);
  });

  it('a bad call at run time fails the render with a message', () => {
    expect(renderTemplate(`$input.json('items')`, input)).toMatchInlineSnapshot(`
      {
        "message": "JSONPath must start with $: items",
        "ok": false,
      }
    `);
    expect(renderTemplate(`$util.parseJson('{oops')`, input)).toMatchInlineSnapshot(`
      {
        "message": "$util.parseJson: the argument is not valid JSON: {oops",
        "ok": false,
      }
    `);
    expect(renderTemplate(`$input.path('$.name').frobnicate()`, input)).toMatchInlineSnapshot(`
      {
        "message": "frobnicate() is not a method of string",
        "ok": false,
      }
    `);
  });
});

describe('bounds', () => {
  it('refuses a template nested beyond the stack instead of crashing', () => {
    const parsed = parseTemplate(`#set($a = ${'('.repeat(20_000)}1${')'.repeat(20_000)})`);
    expect(parsed.ok ? 'parsed' : parsed.error.message).toBe('the template nests too deeply');
  });
});
