/**
 * Reads a stream of newline-delimited JSON (NDJSON), calling `onValue` with each value as its line
 * arrives; a line split across chunks is put back together, blank lines are skipped.
 *
 * @example
 * await readNdjson(response.body!, (line) => console.log(line)); // { type: 'progress', done: 512, total: 20000 } …
 */
export async function readNdjson(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  const flush = (text: string) => {
    if (text.trim()) onValue(JSON.parse(text));
  };
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let end = pending.indexOf('\n');
    while (end >= 0) {
      flush(pending.slice(0, end));
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
    }
    if (done) break;
  }
  flush(pending);
}
