// How a deploy and a stack print: stack events as `sam deploy` lists them (status, type, logical id,
// physical id), with SAM's resources shown as the CloudFormation types the transform turns them into,
// then Outputs and notes; and the view `sim show stack` answers.
import type { DeployReport } from './deploy.js';
import type { StackState } from './stack-state.js';

/** What the SAM transform turns each SAM type into (the type CloudFormation's events show). */
export const TRANSFORMED_TYPES: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
};

export const cloudFormationType = (type: string): string => TRANSFORMED_TYPES[type] ?? type;

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

function outputLines(outputs: Readonly<Record<string, string>>): string[] {
  const entries = Object.entries(outputs);
  if (entries.length === 0) return [];
  return ['', 'Outputs', ...entries.map(([key, value]) => `  ${key}: ${value}`)];
}

export function formatDeploy(report: DeployReport): string {
  const rows = [['ResourceStatus', 'ResourceType', 'LogicalResourceId', 'PhysicalResourceId'], ...report.events.map((e) => [e.status, cloudFormationType(e.type), e.logicalId, e.physicalId])];
  const verb = report.stack.status === 'CREATE_COMPLETE' ? 'created' : 'updated';
  return [
    `CloudFormation events from stack operations (stack ${report.stack.name})`,
    ...table(rows),
    ...outputLines(report.stack.outputs),
    ...(report.notes.length === 0 ? [] : ['', ...report.notes]),
    '',
    `Successfully ${verb} stack - ${report.stack.name} in ${report.stack.stackId.split(':')[3]}`,
  ].join('\n') + '\n';
}

/** The documented JSON of `sim sam deploy`. */
export function deployJson(report: DeployReport): Record<string, unknown> {
  return {
    stackName: report.stack.name, stackId: report.stack.stackId, status: report.stack.status,
    events: report.events.map((e) => ({ logicalId: e.logicalId, type: cloudFormationType(e.type), physicalId: e.physicalId, status: e.status })),
    outputs: report.stack.outputs, notes: report.notes,
  };
}

/** The documented JSON of `sim show stack`. */
export function stackJson(stack: StackState): Record<string, unknown> {
  return {
    stackName: stack.name, stackId: stack.stackId, status: stack.status, file: stack.file,
    resources: Object.values(stack.resources).map((r) => ({
      logicalId: r.logicalId, type: r.type, physicalId: r.physicalId, status: r.status, attributes: r.attributes,
      generated: (r.generated ?? []).map((g) => ({ logicalId: g.logicalId, type: g.type, physicalId: g.physicalId })),
      ...(r.memory?.['version'] === undefined ? {} : { aliasVersion: r.memory['version'] }),
      ...(r.memory?.['apiKey'] === undefined ? {} : { apiKey: r.memory['apiKey'] }),
    })),
    outputs: stack.outputs,
  };
}

export function formatStack(stack: StackState): string {
  const rows = [['LogicalResourceId', 'ResourceType', 'PhysicalResourceId', 'Status']];
  for (const r of Object.values(stack.resources)) {
    rows.push([r.logicalId, r.type, r.physicalId, r.status]);
    for (const g of r.generated ?? []) rows.push([`  ${g.logicalId}`, g.type, g.physicalId, '']);
  }
  return [`Stack ${stack.name} (${stack.status}) from ${stack.file}`, ...table(rows), ...outputLines(stack.outputs)].join('\n') + '\n';
}
