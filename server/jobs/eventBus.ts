/**
 * In-process fan-out of job events to SSE subscribers. Events are persisted first (events table,
 * whose autoincrement seq is the SSE id), then published here, so a reconnecting client can
 * replay from the database whatever it missed.
 */
import { EventEmitter } from 'node:events';
import type { Job } from '../contract/api.ts';

export interface JobEvent {
  seq: number;
  job: Job;
}

export class EventBus {
  private readonly emitter = new EventEmitter();

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
}
