import { z } from "zod";
import { updatePhoneChannelInput } from "./phone-channel.validation";

// Client-safe: the Settings form for a phone channel posts flat strings; the agents'
// numbers are one per line (or separated by commas), and an empty box means none.
export const updatePhoneChannelForm = z.preprocess((raw) => {
  if (!raw || typeof raw !== "object" || !("agentNumbers" in raw) || typeof raw.agentNumbers !== "string") return raw;
  return { ...raw, agentNumbers: raw.agentNumbers.split(/[\s,]+/).filter(Boolean) };
}, updatePhoneChannelInput);
