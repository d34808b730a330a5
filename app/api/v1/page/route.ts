import { segmentCallRoute } from "@/lib/api/segment-routes";

export const dynamic = "force-dynamic";

export const POST = segmentCallRoute("page");
