import type { Queryable } from "@/lib/db/client";
import { listSavedViews, type SavedViewSummary } from "@/lib/saved-views/saved-views";
import { boundedCount, callBackCount, readInboxCounts, type InboxCounts } from "./inbox-counts";

export type InboxSidebar = {
  counts: InboxCounts;
  callBack: number;
  savedViews: (SavedViewSummary & { count: number })[];
};

/** Everything the inbox's views show, for one person: counters, Call back, and their saved views counted up to 1,000. */
export async function loadInboxSidebarData(q: Queryable, userId: string): Promise<InboxSidebar> {
  const [counts, callBack, views] = await Promise.all([readInboxCounts(q, userId), callBackCount(q), listSavedViews(q, userId)]);
  const savedViews = await Promise.all(
    views.map(async (view) => {
      const { assigneeId, sort: _sort, ...filters } = view.filters;
      const count = await boundedCount(q, { ...filters, assigneeId: assigneeId === "me" ? userId : assigneeId });
      return { ...view, count };
    }),
  );
  return { counts, callBack, savedViews };
}
