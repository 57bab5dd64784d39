import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { SpooledFile } from './spooled-file.js';

const folders: string[] = [];
const newFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'tessera-spool-'));
  folders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function* chunks(count: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < count; i++) yield Buffer.alloc(64 * 1024, i);
}

async function whole(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('SpooledFile', () => {
  it('holds what was written, leaves no file in its folder, and serves several readers at once', async () => {
    const folder = newFolder();
    const file = await SpooledFile.write(folder, chunks(20), new PassThrough());
    expect(file.bytes).toBe(20 * 64 * 1024);
    expect(readdirSync(folder)).toEqual([]);
    const [a, b] = await Promise.all([whole(file.read()), whole(file.read())]);
    expect(a.equals(b)).toBe(true);
    expect(a.length).toBe(file.bytes);
    expect([a[0], a[64 * 1024], a[a.length - 1]]).toEqual([0, 1, 19]);
    file.retire();
    await nextTurn();
    expect(() => file.read()).toThrow(/retired and closed/);
  });

  it('once retired, stays open for the readers it has and then closes', async () => {
    const file = await SpooledFile.write(newFolder(), chunks(50), new PassThrough());
    const reading = file.read();
    file.retire();
    await nextTurn();
    expect((await whole(reading)).length).toBe(file.bytes); // read to its end after retirement
    await nextTurn();
    expect(() => file.read()).toThrow(/retired and closed/);
  });

  it('goes on serving the others when a reader is destroyed halfway (a client that went away)', async () => {
    const file = await SpooledFile.write(newFolder(), chunks(50), new PassThrough());
    const leaving = file.read();
    const staying = whole(file.read());
    for await (const _ of leaving) break; // leaves after the first chunk: the stream is destroyed
    expect(leaving.destroyed).toBe(true);
    expect((await staying).length).toBe(file.bytes);
    expect((await whole(file.read())).length).toBe(file.bytes);
    file.retire();
  });

  it('gives a new reader to whoever got the file on the turn it was retired', async () => {
    const file = await SpooledFile.write(newFolder(), chunks(2), new PassThrough());
    file.retire();
    expect((await whole(file.read())).length).toBe(file.bytes);
  });

  it('leaves nothing behind when writing fails', async () => {
    const folder = newFolder();
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('start');
      throw new Error('signing failed');
    }
    await expect(SpooledFile.write(folder, failing(), new PassThrough())).rejects.toThrow('signing failed');
    expect(readdirSync(folder)).toEqual([]);
  });
});
