// A position in a text being read by hand (the shorthand reader, the JSON problem finder), and the
// signal they throw internally to stop at a position; both catch it and answer a value.

export class TextCursor {
  index = 0;
  constructor(readonly text: string) {}

  peek(): string | undefined {
    return this.text[this.index];
  }
}

/** Thrown inside a reader to stop at `offset`; `detail` says what was expected or why. */
export class StopAt {
  constructor(
    readonly offset: number,
    readonly detail: string,
  ) {}
}
