/**
 * Fan-out of job events to SSE subscribers and runners. Events are persisted first (the events
 * table, whose sequence number is the SSE id), then published, so a reconnecting client replays
 * from the database whatever it missed. One instance: an in-process emitter. Several instances:
 * Redis pub/sub, so a browser on instance B sees the events of a job running on instance A.
 */
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Job } from '../contract/api.ts';

/** A job changed: the full snapshot. */
interface JobSnapshotEvent {
  seq: number;
  job: Job;
  deleted?: undefined;
}

/**
 * A job was deleted. It goes through the same log and bus as snapshots, so other tabs, other instances and
 * Last-Event-ID replay all learn of it; on the wire it is a separate `event: deleted`, so consumers that
 * only listen for `job` events are unaffected.
 */
export interface JobDeletedEvent {
  seq: number;
  deleted: { id: string };
  job?: undefined;
}

export type JobEvent = JobSnapshotEvent | JobDeletedEvent;

/** The id of the job an event is about. */
export function eventJobId(e: JobEvent): string {
  return e.job ? e.job.id : e.deleted.id;
}

export interface EventBus {
  publish(event: JobEvent): void;
  subscribe(listener: (event: JobEvent) => void): () => void;
  close(): Promise<void>;
}

export class InProcessEventBus implements EventBus {
  protected readonly emitter = new EventEmitter();

  constructor() {
    // Every open SSE connection is a listener; the default cap of 10 would warn at the 11th tab.
    this.emitter.setMaxListeners(0);
  }

  publish(event: JobEvent): void {
    this.emitter.emit('job', event);
  }

  subscribe(listener: (event: JobEvent) => void): () => void {
    this.emitter.on('job', listener);
    return () => this.emitter.off('job', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const CHANNEL = 'kinema:job-events';

/**
 * Local listeners hear an instance's own events at once; other instances' events arrive through
 * Redis. Messages carry the sender's id so an instance does not deliver its own events twice.
 */
export class RedisEventBus extends InProcessEventBus {
  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly instanceId: string,
  ) {
    super();
  }

  static async connect(url: string, instanceId: string): Promise<RedisEventBus> {
    const options = { maxRetriesPerRequest: 3, lazyConnect: true, enableOfflineQueue: true };
    const pub = new Redis(url, options);
    const sub = new Redis(url, options);
    await Promise.all([pub.connect(), sub.connect()]);
    const bus = new RedisEventBus(pub, sub, instanceId);
    await sub.subscribe(CHANNEL);
    sub.on('message', (_channel: string, message: string) => {
      let parsed: { from: string; event: JobEvent };
      try {
        parsed = JSON.parse(message) as { from: string; event: JobEvent };
      } catch {
        return; // not ours
      }
      if (parsed.from !== instanceId) InProcessEventBus.prototype.publish.call(bus, parsed.event);
    });
    return bus;
  }

  override publish(event: JobEvent): void {
    super.publish(event);
    // Fire and forget: subscribers that miss a message still catch up from the database by seq.
    this.pub.publish(CHANNEL, JSON.stringify({ from: this.instanceId, event })).catch(() => undefined);
  }

  override async close(): Promise<void> {
    await super.close();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
