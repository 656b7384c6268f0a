// Proves the template reader's intrinsic functions: short tags (!Ref, !GetAtt, !Sub ...) read as the
// long forms, and Ref / Fn::GetAtt / Fn::Sub / Fn::Join / Fn::Select / Fn::Split / Fn::If with
// Conditions and AWS::NoValue resolve to exact values with the pseudo-parameters of the stack.
import { describe, expect, it } from 'vitest';
import { evaluateConditions, resolve, type Scope } from '../../../src/sim/sam/intrinsics.js';
import { Problems } from '../../../src/sim/sam/problems.js';
import { readTemplateText } from '../../../src/sim/sam/yaml-reader.js';

function read(text: string): unknown {
  const read = readTemplateText(text);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.value.data;
}

const scope: Scope = {
  parameters: { Stage: 'prod', Zones: ['a', 'b', 'c'] },
  pseudo: { 'AWS::Region': 'eu-west-1', 'AWS::AccountId': '123456789012', 'AWS::StackName': 'orders' },
  conditions: { IsProd: true, IsDev: false },
  resources: new Map([['Table', { ref: 'orders-Table-ABC', attributes: { Arn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders-Table-ABC' } }]]),
};

describe('short and long forms', () => {
  it('reads each short tag as its long form', () => {
    const short = read('a: !Ref Table\nb: !GetAtt Table.Arn\nc: !Sub "${Stage}-x"\nd: !If [IsProd, 1, 2]\ne: !Join ["-", [a, b]]\nf: !Select [1, !Ref Zones]\n');
    const long = read("a: {Ref: Table}\nb: {'Fn::GetAtt': [Table, Arn]}\nc: {'Fn::Sub': '${Stage}-x'}\nd: {'Fn::If': [IsProd, 1, 2]}\ne: {'Fn::Join': ['-', [a, b]]}\nf: {'Fn::Select': [1, {Ref: Zones}]}\n");
    expect(short).toEqual(long);
  });
});

describe('resolve', () => {
  it('applies Ref, GetAtt and pseudo-parameters', () => {
    expect(resolve(read('a: !Ref Table\nb: !GetAtt Table.Arn\nc: !Ref AWS::Region\nd: !Ref Stage\n'), scope)).toEqual({
      a: 'orders-Table-ABC', b: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders-Table-ABC', c: 'eu-west-1', d: 'prod',
    });
  });

  it('substitutes Fn::Sub variables, attributes, a variable map, and keeps ${!Literal} as text', () => {
    const value = read('a: !Sub "${AWS::StackName}-${Stage}-${Table.Arn}"\nb: !Sub ["${Name}/${!cognito:sub}", {Name: !Ref Table}]\n');
    expect(resolve(value, scope)).toEqual({ a: 'orders-prod-arn:aws:dynamodb:eu-west-1:123456789012:table/orders-Table-ABC', b: 'orders-Table-ABC/${cognito:sub}' });
  });

  it('joins, selects and splits lists', () => {
    expect(resolve(read('a: !Join [",", !Ref Zones]\nb: !Select [2, !Ref Zones]\nc: !Split ["/", "x/y"]\n'), scope)).toEqual({ a: 'a,b,c', b: 'c', c: ['x', 'y'] });
  });

  it('picks an Fn::If branch and drops AWS::NoValue', () => {
    expect(resolve(read('a: !If [IsProd, big, small]\nb: !If [IsDev, 1, !Ref AWS::NoValue]\nc: [1, !If [IsDev, 2, !Ref AWS::NoValue]]\n'), scope)).toEqual({ a: 'big', c: [1] });
  });
});

describe('conditions', () => {
  it('evaluates Equals, Not, And, Or and conditions naming conditions', () => {
    const declared = read('IsProd: !Equals [!Ref Stage, prod]\nIsNotProd: !Not [!Condition IsProd]\nBoth: !And [!Condition IsProd, !Equals [a, a]]\nEither: !Or [!Condition IsNotProd, !Equals [a, b]]\n') as Record<string, unknown>;
    const problems = new Problems();
    expect(evaluateConditions(declared, { parameters: { Stage: 'prod' }, pseudo: {}, resources: new Map() }, problems)).toEqual({ IsProd: true, IsNotProd: false, Both: true, Either: false });
    expect(problems.list).toEqual([]);
  });
});
