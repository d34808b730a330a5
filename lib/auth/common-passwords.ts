import { readFileSync } from "node:fs";
import path from "node:path";
import { invalidField } from "@/lib/errors";

// The commonest passwords (common-passwords.txt beside this file, with its source), read
// once. Resolved from the project root: the app and every script start there, and the
// Next.js server bundle moves this module away from the file.
let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(
    readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#")),
  );
  return list;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** Refuses a chosen password that is among the commonest, naming the form field it came from. */
export function assertNotCommonPassword(field: string, password: string): void {
  if (isCommonPassword(password)) {
    throw invalidField(field, "That is one of the most common passwords, tried first by anyone guessing: choose another");
  }
}
