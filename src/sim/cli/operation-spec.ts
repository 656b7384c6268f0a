// The contract between a simulated service and the sandbox language: each service describes its AWS
// CLI commands as data (name, flags → API request members, docs) plus the function that runs the
// operation. The parser, help, typo suggestions and docs/sandbox.md are all generated from these rows.
import type { Result } from '../result.js';
import type { World } from '../world.js';

/**
 * How a flag's text becomes a request member:
 * - `string`, `integer`, `number`: one value;
 * - `boolean`: `--flag` / `--no-flag` (the AWS CLI's form for booleans such as --consistent-read);
 * - `json`: a JSON document, or the AWS CLI shorthand where the service row allows it
 *   (`--key id={S=1}` style is the CLI parser's job, not the service's);
 * - `string-list`: one or more words (`--attribute-names a b`);
 * - `blob`: a document passed as is, usually `file://api.yaml` or `fileb://api.yaml` read through the
 *   sandbox's io (the AWS CLI's blob members such as `--body`); its text is not parsed by the CLI.
 */
export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'json' | 'string-list' | 'blob';

export interface ParamSpec {
  /** The AWS CLI flag, e.g. `--table-name`. */
  readonly flag: `--${string}`;
  /** The API request member it fills, e.g. `TableName`. */
  readonly member: string;
  readonly type: ParamType;
  readonly required: boolean;
  /** One sentence for help and docs/sandbox.md. */
  readonly description: string;
  /** For enumerations: the accepted values, validated and suggested on typos. */
  readonly choices?: readonly string[];
  /**
   * For `json` members that are lists in the API (`KeySchema`, `AttributeDefinitions`): one shorthand
   * structure still makes a list of one, as the AWS CLI does from its model. Known DynamoDB list
   * members are recognised without it (see LIST_MEMBERS in src/sim/cli/param-value.ts).
   */
  readonly isList?: boolean;
}

/** An API request or response: JSON-shaped data with AWS's member names (`TableName`, `Item` ...). */
export type ApiDocument = Readonly<Record<string, unknown>>;

export interface PositionalSpec {
  readonly name: string;
  readonly member: string;
  readonly required: boolean;
  readonly description: string;
}

export interface OperationSpec {
  /** The AWS CLI service name: `dynamodb`, `dynamodbstreams`, `lambda` ... */
  readonly service: string;
  /** The AWS CLI command: `put-item`. */
  readonly command: string;
  /** The API operation: `PutItem` (used in error text: "when calling the PutItem operation"). */
  readonly operation: string;
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  /**
   * A positional argument the real CLI takes besides its flags, e.g. the `outfile` of
   * `aws lambda invoke ... out.json`. It fills request member `member`.
   */
  readonly positional?: PositionalSpec;
  /** A second positional argument, taken after the first (`aws s3 cp SOURCE DESTINATION`). */
  readonly secondPositional?: PositionalSpec;
  /**
   * For commands whose real CLI prints text rather than JSON (`aws s3 ls`, `aws s3 cp`): the text for a
   * successful response. `--json` mode still answers the response object.
   */
  readonly formatText?: (response: ApiDocument) => string;
  /**
   * Set by operations that act as a caller (S3, `sts get-caller-identity`): the dispatcher then adds the
   * command's `--profile NAME` to the request as member `CallerProfile`. Without `--profile` the
   * member is absent and the service uses the profile `sim profile use` chose, else the administrator.
   */
  readonly usesCaller?: boolean;
  /** Runs the operation against the world; the answer is exactly what the AWS CLI would print as JSON. */
  readonly run: (world: World, request: ApiDocument) => Result<ApiDocument>;
}
