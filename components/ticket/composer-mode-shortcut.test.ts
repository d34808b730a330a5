import { describe, expect, it } from "vitest";
import { composerModeShortcut } from "./composer-mode-shortcut";

const press = (key: string, code: string, modifiers: { alt?: boolean; ctrl?: boolean; meta?: boolean } = {}) =>
  composerModeShortcut({
    key,
    code,
    altKey: modifiers.alt ?? false,
    ctrlKey: modifiers.ctrl ?? false,
    metaKey: modifiers.meta ?? false,
  });

describe("composerModeShortcut", () => {
  it("switches to a note with Alt+N and to a reply with Alt+R", () => {
    expect(press("n", "KeyN", { alt: true })).toBe("note");
    expect(press("r", "KeyR", { alt: true })).toBe("reply");
  });

  it("knows the keys by position when Option on a Mac turns them into other characters", () => {
    expect(press("Dead", "KeyN", { alt: true })).toBe("note");
    expect(press("®", "KeyR", { alt: true })).toBe("reply");
  });

  it("leaves plain letters to be typed, and other modifier chords alone", () => {
    expect(press("n", "KeyN")).toBeNull();
    expect(press("r", "KeyR")).toBeNull();
    expect(press("n", "KeyN", { alt: true, ctrl: true })).toBeNull();
    expect(press("n", "KeyN", { meta: true })).toBeNull();
    expect(press("x", "KeyX", { alt: true })).toBeNull();
  });
});
