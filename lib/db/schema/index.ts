export * from "./users";
export * from "./customers";
export * from "./tickets";
