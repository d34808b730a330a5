import { segmentBatchRoute } from "@/lib/api/segment-routes";

export const dynamic = "force-dynamic";

export const POST = segmentBatchRoute;
