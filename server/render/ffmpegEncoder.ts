/**
 * One ffmpeg process fed frame by frame on stdin. Writes respect backpressure (a frame is only queued
 * once ffmpeg has taken the previous ones), so memory stays flat however long the clip is, and
 * Chromium renders the next frame while ffmpeg encodes this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

const STDERR_KEEP = 4000;

export class FfmpegEncoder {
  private readonly child: ChildProcess;
  private stderr = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private spawnError: Error | null = null;

  constructor(ffmpegPath: string, args: string[]) {
    this.child = spawn(ffmpegPath, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-STDERR_KEEP);
    });
    // EPIPE when ffmpeg dies early is reported through its exit status instead.
    this.child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (err) => {
        this.spawnError = err;
        resolve({ code: null, signal: null });
      });
      this.child.once('close', (code, signal) => resolve({ code, signal }));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async write(frame: Uint8Array): Promise<void> {
    const stdin = this.child.stdin!;
    if (stdin.destroyed || this.child.exitCode !== null) throw this.failure('ffmpeg stopped accepting frames');
    if (!stdin.write(frame)) {
      await Promise.race([once(stdin, 'drain'), this.exited.then(() => Promise.reject(this.failure('ffmpeg stopped accepting frames')))]);
    }
  }

  /** Closes stdin and waits for ffmpeg to finish writing the files. */
  async finish(): Promise<void> {
    this.child.stdin!.end();
    const { code, signal } = await this.exited;
    if (code !== 0) throw this.failure(signal ? `ffmpeg was stopped (${signal})` : `ffmpeg exited with code ${code}`);
  }

  /** Stops ffmpeg at once (cancel): its half-written files are discarded by the caller. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  whenExited(): Promise<unknown> {
    return this.exited;
  }

  private failure(what: string): Error {
    if (this.spawnError) return new Error(`ffmpeg could not start: ${this.spawnError.message}`);
    const detail = this.stderr.trim().split('\n').slice(-3).join(' | ');
    return new Error(detail ? `${what}: ${detail}` : what);
  }
}
