import { sql } from '../../data/sql.js';
import { interactionById } from '../interaction/interaction.queries.js';
import { InteractionTimelineEntry } from './timeline-entry.type.js';
import type { TimelineSource } from './timeline-source.js';

/** The core's own timeline entries: the counterparty's live interactions. */
export const interactionTimelineSource: TimelineSource = {
  kind: 'core.interaction',
  type: () => InteractionTimelineEntry,
  entries: ({ workspaceId, counterpartyId }) => sql`select id, occurred_at from interaction
    where workspace_id = ${workspaceId} and counterparty_id = ${counterpartyId} and deleted_at is null`,
  load: async (ctx, ids) =>
    (await ctx.loader(interactionById).loadMany(ids)).map((interaction) =>
      interaction instanceof Error || !interaction ? interaction : { interaction },
    ),
};
