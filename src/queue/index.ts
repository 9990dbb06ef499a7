export type { DeadJob, EnqueueOptions, EnqueueResult, JobContext, JobHandler, JobQueue, QueueTuning, StopOptions } from './job-queue.ts';
export { DEFAULT_TUNING } from './job-queue.ts';
export type { ApplyActionPayload, IngestMessagePayload, JobPayloads, JobType, MessageAction, ScanMessagePayload } from './jobs.ts';
export { idempotencyKeys, JOB_TYPES, partitionKeyOf } from './jobs.ts';
export { type OpenQueueSettings, openJobQueue } from './open-queue.ts';
