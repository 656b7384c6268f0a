// Proves Tab completion as a pure function of the line, the cursor, the sandbox's command table and
// the world's names: programs, services, commands, flags (not those already given), enumerated values,
// Regions, names from the world, sim words, arguments and the aws command of `sim load -- ...`; one fit
// is written out with a space, several extend to their common prefix, and quoted text is left alone.
import { describe, expect, it } from 'vitest';
import { defaultCommandTable } from '../../../../src/sim/index.js';
import { completeLine, type WorldNames } from '../../../../src/repl/screens/repl/completion.js';

const names: WorldNames = { table: ['Orders', 'OrdersArchive', 'Users'], function: ['checkout'], 'user-pool': ['us-east-1_abc'] };
const complete = (line: string, cursor = line.length) => completeLine(line, cursor, defaultCommandTable(), names);

describe('completeLine', () => {
  it('completes the program, the service and the command', () => {
    expect(complete('')).toMatchObject({ line: '', candidates: ['aws', 'clear', 'exit', 'help', 'sim'] });
    expect(complete('aw')).toEqual({ line: 'aws ', cursor: 4, candidates: ['aws'] });
    expect(complete('aws dyn')).toMatchObject({ line: 'aws dynamodb', candidates: ['dynamodb', 'dynamodbstreams'] });
    expect(complete('aws dynamodb put-i').line).toBe('aws dynamodb put-item ');
  });

  it('completes flags, leaving out those already given', () => {
    expect(complete('aws dynamodb put-item --tab').line).toBe('aws dynamodb put-item --table-name ');
    expect(complete('aws dynamodb put-item --table-name Orders --').candidates).not.toContain('--table-name');
    expect(complete('aws dynamodb put-item --table-name Orders --').candidates).toContain('--item');
  });

  it('completes names the world holds, enumerations and Regions', () => {
    expect(complete('aws dynamodb put-item --table-name O')).toMatchObject({ line: 'aws dynamodb put-item --table-name Orders', candidates: ['Orders', 'OrdersArchive'] });
    expect(complete('aws dynamodb get-item --table-name U').line).toBe('aws dynamodb get-item --table-name Users ');
    expect(complete('aws lambda invoke --function-name ').line).toBe('aws lambda invoke --function-name checkout ');
    expect(complete('aws dynamodb put-item --return-consumed-capacity T').line).toBe('aws dynamodb put-item --return-consumed-capacity TOTAL ');
    expect(complete('aws dynamodb list-tables --region eu-west-').candidates).toContain('eu-west-1');
  });

  it('completes sim words, their arguments and flags, and the aws command after --', () => {
    expect(complete('sim cloc').line).toBe('sim clock '); // "sim clo" also fits sim cloudfront
    expect(complete('sim clock a').line).toBe('sim clock advance ');
    expect(complete('sim ex').line).toBe('sim export ');
    expect(complete('sim show table O').candidates).toEqual(['Orders', 'OrdersArchive']);
    expect(complete('sim load --ra').line).toBe('sim load --rate ');
    expect(complete('sim load --rate 10/s --for 5s -- aws dynamodb put-item --table-name Us').line).toBe('sim load --rate 10/s --for 5s -- aws dynamodb put-item --table-name Users ');
    expect(complete('help put-it').line).toBe('help put-item ');
  });

  it('completes the word at the cursor and keeps the rest of the line', () => {
    const line = 'aws dynamodb get-item --table-name O --key x';
    expect(complete(line, line.indexOf(' --key'))).toEqual({ line: 'aws dynamodb get-item --table-name Orders --key x', cursor: 41, candidates: ['Orders', 'OrdersArchive'] });
  });

  it('offers nothing inside quotes or after an unknown word', () => {
    expect(complete(`aws dynamodb put-item --item '{"id`).candidates).toEqual([]);
    expect(complete('aws nosuch ').candidates).toEqual([]);
    expect(complete('ls ').candidates).toEqual([]);
  });
});
