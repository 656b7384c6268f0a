// Lambda's own `sim` rows: the views the AWS CLI has no command for (a function's environments and
// concurrency, the bill so far) and reading an `invoke` outfile kept in the sandbox.
import { stringifyAwsJson } from '../cli/format-output.js';
import type { SimCommandSpec } from '../cli/sim-command-spec.js';
import { defineShowCommand } from '../cli/sim-show.js';
import { awsError, fail, ok } from '../result.js';
import { readSandboxFile } from '../sandbox-files.js';
import { readLambdaOutFile } from './commands.js';
import { pushImage } from './images.js';
import { describeLambdaForShow, lambdaCostReport } from './show.js';

const asView = (json: Readonly<Record<string, unknown>>) => ({ json, text: `${stringifyAwsJson(json, 2)}\n` });

export const LAMBDA_SIM_COMMANDS: readonly SimCommandSpec[] = [
  defineShowCommand({
    subject: 'lambda',
    nameArg: 'FUNCTION_NAME',
    summary: "Shows a function's configuration, execution environments, concurrency in use and usage.",
    example: 'sim show lambda orders-api',
    output: 'The function view: configuration, environments (warm/busy), reserved and provisioned concurrency, queued async events, requests and GB-seconds so far.',
    show: (session, name) => {
      const view = describeLambdaForShow(session.world, name);
      return view.ok ? ok(asView(view.value as unknown as Record<string, unknown>)) : view;
    },
  }),
  {
    words: ['cost'],
    args: [],
    flags: [],
    summary: 'Shows what the Lambda functions in this world have cost so far (requests + GB-seconds, LAM-18).',
    example: 'sim cost',
    output: 'Per function: requests, GB-seconds and their cost in USD; then the totals (no free tier applied).',
    run: (session) => ok(asView(lambdaCostReport(session.world) as unknown as Record<string, unknown>)),
  },
  {
    words: ['ecr', 'push'],
    args: [{ name: 'IMAGE', type: 'string', required: true, description: 'REPOSITORY:TAG, e.g. thumbnailer:v1.' }],
    flags: [
      { flag: '--image-size-mb', type: 'integer', required: true, description: 'The uncompressed image size in MB, layers included (Lambda takes up to 10 GB, LAM-05).' },
      { flag: '--cmd', type: 'string', required: false, description: 'The catalogue handler the image starts (its CMD); default catalog.echo.' },
    ],
    summary: "Pushes a container image to this account's ECR registry in the current Region (for --package-type Image, LAM-09).",
    example: 'sim ecr push thumbnailer:v1 --image-size-mb 900 --cmd catalog.http-ok',
    output: '`{imageUri, region, sizeMb, cmd}`: the URI to give create-function --code ImageUri=...',
    run: (session, input) => {
      const flag = input.flags['cmd'];
      const pushed = pushImage(session.world, { repositoryAndTag: input.args['IMAGE'] as string, sizeMb: input.flags['image-size-mb'] as number, cmd: typeof flag === 'string' ? flag : 'catalog.echo' });
      if (!pushed.ok) return pushed;
      const { uri: imageUri, region, sizeMb, cmd } = pushed.value;
      return ok(asView({ imageUri, region, sizeMb, cmd }));
    },
  },
  {
    words: ['cat'],
    args: [{ name: 'FILE', type: 'string', required: true, description: 'The outfile named in an `aws lambda invoke`, `aws apigateway get-export` or `get-sdk` command.' }],
    flags: [],
    summary: 'Prints a file a command wrote in the sandbox (`aws lambda invoke` payloads, `aws apigateway get-export` documents, `get-sdk` clients).',
    example: 'sim cat response.json',
    output: '`{file, content}`.',
    run: (session, input) => {
      const file = input.args['FILE'] as string;
      const content = readSandboxFile(session.world, file) ?? readLambdaOutFile(session.world, file);
      if (content === undefined) {
        return fail(awsError('FileNotFound', 404, `No sandbox file named ${file}. Files are written by aws lambda invoke ... ${file} and aws apigateway get-export / get-sdk ... ${file}.`));
      }
      return ok({ json: { file, content }, text: `${content}\n` });
    },
  },
];
