import { cache } from "react";

/** One instant per request, so every relative time on a server-rendered page agrees. */
export const requestTime = cache((): number => Date.now());
