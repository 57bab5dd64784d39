import { randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { finished, Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Bytes written once to a file that has no name, then read by any number of streams at once: the
 * file is unlinked as soon as it is opened, so it lives only as long as its handle — closed when
 * the file is retired and its last reader has ended, or with the process however it ends. Nothing
 * is left behind in the folder, and the bytes stay out of the process's memory.
 */
export class SpooledFile {
  private readers = 0;
  private retired = false;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    /** How many bytes it holds. */
    readonly bytes: number,
  ) {}

  /** Writes what `source` yields, passed through `through` (gzip, say), into a new nameless file in `folder`. */
  static async write(folder: string, source: AsyncIterable<Buffer>, through: Transform): Promise<SpooledFile> {
    await mkdir(folder, { recursive: true });
    const path = join(folder, `.spool-${randomUUID()}`);
    const handle = await open(path, 'w+', 0o600);
    try {
      await unlink(path);
      // Written and read through the handle only (no fs stream on its descriptor: destroying such a
      // stream closes the descriptor, under every other reader).
      await pipeline(source, through, async (bytes: AsyncIterable<Buffer>) => {
        for await (const chunk of bytes) await handle.writeFile(chunk); // appends at the handle's position
      });
      return new SpooledFile(handle, (await handle.stat()).size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** A stream of the whole file; several may read at once (each reads at its own positions). */
  read(): Readable {
    if (this.closed) throw new Error('SpooledFile.read after the file was retired and closed');
    this.readers += 1;
    const stream = Readable.from(chunksOf(this.handle, this.bytes), { objectMode: false });
    // Read to its end, failed, or destroyed because the client went away.
    finished(stream, () => {
      this.readers -= 1;
      this.closeIfDone();
    });
    return stream;
  }

  /**
   * No new reader will come: the file is closed once the streams already handed out have ended.
   * Checked on the next turn of the event loop, so that whoever was just given this file (the
   * continuations of a promise that resolved to it run before then) still gets to read it.
   */
  retire(): void {
    this.retired = true;
    setImmediate(() => this.closeIfDone());
  }

  private closeIfDone(): void {
    if (!this.retired || this.readers > 0 || this.closed) return;
    this.closed = true;
    this.handle.close().catch(() => undefined);
  }
}

const CHUNK_BYTES = 64 * 1024;

/** The file's bytes by positional reads: any number of these run at once on one handle. */
async function* chunksOf(handle: FileHandle, bytes: number): AsyncGenerator<Buffer> {
  for (let position = 0; position < bytes; ) {
    const length = Math.min(CHUNK_BYTES, bytes - position);
    const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(length), 0, length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}
