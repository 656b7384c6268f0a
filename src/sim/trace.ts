// The world's trace: every observable thing that happens, in order. Panels, quiz answers and tests
// read it; nothing reads it to decide what happens next (observers never change state).

export interface TraceEvent {
  /** Position in the trace, from 0. */
  readonly seq: number;
  readonly timeMs: number;
  /** The service that acted, as the AWS CLI names it: `dynamodb`, `lambda`, `apigateway`, `sim`. */
  readonly service: string;
  /** The AWS operation or simulator event, e.g. `PutItem`, `ttl-item-deleted`, `load-second`. */
  readonly operation: string;
  /** `ok`, or the AWS error name the caller got. */
  readonly outcome: string;
  /** The Region the event happened in. */
  readonly region: string;
  /** Operation-specific facts (consumed capacity, table name, status code ...), plain data. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export type TraceInput = Omit<TraceEvent, 'seq' | 'timeMs' | 'region'> & { readonly region?: string };

export class Trace {
  private readonly events: TraceEvent[] = [];

  constructor(initial: readonly TraceEvent[] = []) {
    this.events.push(...initial);
  }

  append(event: TraceEvent): TraceEvent {
    this.events.push(event);
    return event;
  }

  get length(): number {
    return this.events.length;
  }

  all(): readonly TraceEvent[] {
    return this.events;
  }

  /** Events from position `seq` on (e.g. those a command caused: remember `length` before it). */
  since(seq: number): readonly TraceEvent[] {
    return this.events.slice(seq);
  }

  last(count: number): readonly TraceEvent[] {
    return count <= 0 ? [] : this.events.slice(-count);
  }
}
