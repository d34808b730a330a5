import { readdirSync, readFileSync } from "node:fs";

// CPU time a process group has used, from /proc (Linux). On a machine that other work
// keeps busy, response times measure the queue for the CPU as much as our code; the CPU
// time a request costs does not depend on how long it waited, so it compares runs made
// under different loads.

const ticksPerSecond = 100; // USER_HZ: 100 on every Linux architecture Node runs on.

/** User plus system CPU milliseconds of every live process in the group; null off Linux. */
export function processGroupCpuMs(group: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // Ended while we looked.
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and brackets, so read after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}
