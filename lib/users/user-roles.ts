// Plain values shared by the database schema and client-side code.

export const userRoles = ["admin", "agent", "staff"] as const;
export type UserRole = (typeof userRoles)[number];

export const roleLabels: Record<UserRole, string> = { admin: "Admin", agent: "Agent", staff: "Staff" };
