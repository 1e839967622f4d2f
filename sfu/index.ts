// The SFU layer: mediasoup workers and routers. It depends only on shared/ and libraries,
// never on server/ or client/, so it can later run in a process of its own.

export { SfuError } from './errors.ts';
export { DEFAULT_MEDIA_CODECS } from './media-codecs.ts';
export { MediaRoom } from './media-room.ts';
export type {
  ConsumerParameters,
  MediaRoomEvents,
  ProducerDescription,
} from './media-room-types.ts';
export type { MediaNetwork } from './worker-pool.ts';
export {
  type PoolLogger,
  type RoutersLost,
  respawnDelay,
  WorkerPool,
  type WorkerPoolEvents,
  type WorkerPoolOptions,
  type WorkerPoolStats,
} from './worker-pool.ts';
