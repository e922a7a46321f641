import { describe, expect, it } from 'vitest';
import { EditHistory } from './history';

describe('undo and redo over a draft', () => {
  it('undoes and redoes whole steps, typing in one field being one step', () => {
    const h = new EditHistory<string>();
    h.record('a', 'points');
    h.record('ab', 'points'); // still typing in the same field
    h.seal();
    h.record('abc', 'title');
    expect(h.undo('abcd')).toBe('abc');
    expect(h.undo('abc')).toBe('a');
    expect(h.canUndo).toBe(false);
    expect(h.redo('a')).toBe('abc');
    expect(h.redo('abc')).toBe('abcd');
    expect(h.canRedo).toBe(false);
  });

  it('forgets what could be redone once a new edit is made', () => {
    const h = new EditHistory<number>();
    h.record(1);
    h.record(2);
    expect(h.undo(3)).toBe(2);
    h.record(2, 'x');
    expect(h.canRedo).toBe(false);
    expect(h.undo(5)).toBe(2);
    expect(h.undo(2)).toBe(1);
  });

  it('keeps at most its limit of steps', () => {
    const h = new EditHistory<number>(2);
    h.record(1);
    h.record(2);
    h.record(3);
    expect(h.undo(4)).toBe(3);
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBeUndefined();
  });
});
