import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { WaitingLine } from "./bounded-wait";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("WaitingLine", () => {
  it("runs at most `concurrency` callers per key at once, the others in order", async () => {
    const line = new WaitingLine({ concurrency: 2, maxWaitMs: 5_000, busyMessage: "busy" });
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        line.run("ticket", async () => {
          running += 1;
          most = Math.max(most, running);
          order.push(n);
          await tick();
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(line.waiting).toBe(0);
  });

  it("keeps keys apart", async () => {
    const line = new WaitingLine({ concurrency: 1, maxWaitMs: 5_000, busyMessage: "busy" });
    let release!: () => void;
    const blocked = line.run("a", () => new Promise<void>((resolve) => (release = resolve)));
    expect(await line.run("b", async () => "b ran")).toBe("b ran");
    release();
    await blocked;
  });

  it("gives up with busy after maxWaitMs, and the line moves on", async () => {
    const line = new WaitingLine({ concurrency: 1, maxWaitMs: 20, busyMessage: "Too busy" });
    let release!: () => void;
    const first = line.run("t", () => new Promise<void>((resolve) => (release = resolve)));
    const refused = await line.run("t", async () => "ran").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "busy", message: "Too busy" });
    const third = line.run("t", async () => "third ran");
    release();
    await first;
    expect(await third).toBe("third ran");
  });
});
