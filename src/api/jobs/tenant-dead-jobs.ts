import type { DeadJob, JobQueue } from '../../queue/job-queue.ts';

/**
 * The queue's dead-letter list spans all tenants; the API shows a tenant only its own jobs, told
 * by the `tenantId` every job payload carries. Looks at the newest `SCAN_LIMIT` dead jobs.
 */
export const SCAN_LIMIT = 1000;

export function tenantOf(job: DeadJob): string | undefined {
  const tenantId = (job.payload as { tenantId?: unknown } | null)?.tenantId;
  return typeof tenantId === 'string' ? tenantId : undefined;
}

export async function listTenantDeadJobs(queue: JobQueue, tenantId: string, limit: number): Promise<DeadJob[]> {
  const all = await queue.listDead({ limit: SCAN_LIMIT });
  return all.filter((job) => tenantOf(job) === tenantId).slice(0, limit);
}

/** Retries a dead job only if it is the tenant's; another tenant's id answers like an unknown one. */
export async function retryTenantDeadJob(queue: JobQueue, tenantId: string, jobId: string): Promise<boolean> {
  const all = await queue.listDead({ limit: SCAN_LIMIT });
  const job = all.find((candidate) => candidate.jobId === jobId);
  if (!job || tenantOf(job) !== tenantId) return false;
  return queue.retryDead(jobId);
}
