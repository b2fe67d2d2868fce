import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows, sql } from '../data/sql.js';
import { readEvent } from '../events/event-rows.js';
import { defineJob } from '../jobs/job.js';
import type { KontraRuntime } from '../kernel/runtime.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

/** Retries after the first attempt, with exponential back-off from 1 s (about 4 minutes in all). */
export const WEBHOOK_RETRIES = 8;
const TIMEOUT_MS = 10_000;

interface DeliveryRow {
  id: string;
  workspaceId: string;
  eventId: string;
  status: string;
  attempts: number;
  url: string;
  secret: string;
}

async function record(
  em: EntityManager,
  id: string,
  outcome: { status: string; code: number | null; error: string | null },
) {
  await queryRows(
    em,
    sql`update webhook_delivery set attempts = attempts + 1, last_attempt_at = now(), status = ${outcome.status}::automation_run_status,
        last_status_code = ${outcome.code}, last_error = ${outcome.error},
        completed_at = case when ${outcome.status} = 'PENDING' then null else now() end
      where id = ${id}`,
  );
}

/**
 * POSTs one event to one endpoint, signed with the endpoint's secret and the current time. A 2xx
 * answer completes the delivery; anything else is recorded and thrown, so pg-boss retries it with
 * back-off, until the last retry marks it FAILED (it can still be replayed).
 */
export async function deliverWebhook(runtime: KontraRuntime, deliveryId: string): Promise<void> {
  const em = runtime.orm.em.fork() as EntityManager;
  const [delivery] = await queryRows(
    em,
    sql<DeliveryRow>`select d.id, d.workspace_id as "workspaceId", d.event_id as "eventId", d.status, d.attempts, e.url, e.secret
      from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where d.id = ${deliveryId}`,
  );
  if (!delivery || delivery.status !== 'PENDING') return;
  const event = await readEvent(em, delivery.workspaceId, delivery.eventId);
  if (!event) {
    await record(em, delivery.id, {
      status: 'FAILED',
      code: null,
      error: 'the event is no longer in the log (retention)',
    });
    return;
  }
  const body = JSON.stringify({ deliveryId: delivery.id, event });
  const lastAttempt = delivery.attempts >= WEBHOOK_RETRIES;
  let code: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kontra-Webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, body, Math.floor(Date.now() / 1000)),
        'kontra-delivery-id': delivery.id,
        'kontra-event-type': event.type,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    code = response.status;
    await response.body?.cancel();
    if (response.ok) {
      await record(em, delivery.id, { status: 'SUCCEEDED', code, error: null });
      return;
    }
    error = `HTTP ${code}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  await record(em, delivery.id, { status: lastAttempt ? 'FAILED' : 'PENDING', code, error });
  if (!lastAttempt) throw new Error(`webhook delivery ${delivery.id} failed: ${error}`);
}

export const webhookDeliveryJob = defineJob<{ deliveryId: string }>({
  name: 'core.webhookDeliver',
  retryLimit: WEBHOOK_RETRIES,
  run: (data, runtime) => deliverWebhook(runtime, data.deliveryId),
});
