export * from "./users";
export * from "./customers";
export * from "./channels";
export * from "./tickets";
export * from "./sign-in-attempts";
export * from "./audit-log";
export * from "./timeline";
export * from "./idempotency-keys";
