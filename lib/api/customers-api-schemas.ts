import { z } from "zod";
import { timelineFamilies } from "@/lib/timeline/timeline-constants";
import { maxTimelinePageSize } from "@/lib/timeline/timeline-queries";

// Request shapes of /api/v1/customers.

export const customerParams = z.object({ id: z.uuid({ error: "Customer not found" }) });

export const customerTimelineQuery = z.object({
  family: z.enum(timelineFamilies).optional(),
  // Checked by readCustomerTimeline, which made it.
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(maxTimelinePageSize).default(25),
});
