// The mapping-template engine (a VTL subset, APIGW-10): parse once (put-integration refuses a template
// that does not parse, naming the line), render per request. Pure; imports nothing outside this folder.
import { renderNodes, type RenderResult, type TemplateInput } from './evaluate.js';
import { parseTemplate } from './parse.js';

export type { VtlSyntaxError } from './ast.js';
export { FOREACH_MAX_ITERATIONS, type RenderResult, type TemplateInput } from './evaluate.js';
export { parseTemplate } from './parse.js';
export { escapeJavaScript, readJsonPath, urlEncode } from './util.js';

/** Parses and renders `template`; a syntax error is a failed render naming its line. */
export function renderTemplate(template: string, input: TemplateInput): RenderResult {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return { ok: false, message: `line ${parsed.error.line}: ${parsed.error.message}` };
  return renderNodes(parsed.nodes, input);
}
