/**
 * Undo and redo over a draft's documents. Documents are immutable (see `applyEdit`), so a step is just the
 * document before it. Typing into one field is one step: consecutive edits with the same `key` join the
 * step before them until `seal()` (the editor seals when focus leaves a field).
 *
 * @example
 * const h = new EditHistory<Doc>(); h.record(before, 'indicators.0.points'); doc = h.undo(doc) ?? doc;
 */
export class EditHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey?: string;

  constructor(private readonly limit = 200) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records the document as it was before an edit; a new edit drops what could be redone. */
  record(before: T, key?: string): void {
    if (key === undefined || key !== this.lastKey || this.past.length === 0) {
      this.past.push(before);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.lastKey = key;
    this.future = [];
  }

  /** Ends the current step: the next edit starts a new one even on the same field. */
  seal(): void {
    this.lastKey = undefined;
  }

  /** The document before the last step, or undefined when there is none. */
  undo(current: T): T | undefined {
    const previous = this.past.pop();
    if (previous === undefined) return undefined;
    this.future.push(current);
    this.lastKey = undefined;
    return previous;
  }

  /** The document after the last undone step, or undefined when there is none. */
  redo(current: T): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(current);
    this.lastKey = undefined;
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.lastKey = undefined;
  }
}
