import { describe, expect, it } from 'vitest';
import { readNdjson } from './ndjson';

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

describe('reading NDJSON', () => {
  it('answers every line once it is complete, across chunk boundaries and split characters', async () => {
    const text = new TextEncoder().encode('{"type":"result","title":"影响"}');
    const seen: unknown[] = [];
    await readNdjson(
      streamOf(['{"type":"progress","done":0', ',"total":2}\n\n{"type":"progress","done":2,"total":2}\n', text.slice(0, 27), text.slice(27)]),
      (value) => seen.push(value),
    );
    expect(seen).toEqual([
      { type: 'progress', done: 0, total: 2 },
      { type: 'progress', done: 2, total: 2 },
      { type: 'result', title: '影响' },
    ]);
  });

  it('refuses a line that is not JSON', async () => {
    await expect(readNdjson(streamOf(['{"ok":true}\nnot json\n']), () => undefined)).rejects.toThrow(SyntaxError);
  });
});
