"use client";

import { useState } from "react";
import type { ActionResult } from "@/app/(app)/action-result";
import { DialogButton } from "@/components/ui/dialog-button";
import type { LoggedCallInput } from "@/lib/channels/phone/log-call.validation";
import { LogCallForm } from "./log-call-form";

type Props = {
  defaultNumber: string;
  onLog: (input: LoggedCallInput) => Promise<ActionResult<{ ticketId: string }>>;
  /** After the call is stored; the ticket's conversation shows it live by itself. */
  onLogged?: (ticketId: string) => void;
};

/** "Log a call": a call made outside Touchbase, told in a dialog. */
export function LogCallButton({ defaultNumber, onLog, onLogged }: Props) {
  const [logged, setLogged] = useState(false);
  return (
    <div className="flex flex-col gap-1">
      <DialogButton label="Log a call" title="Log a call">
        {(close) => (
          <LogCallForm
            defaultNumber={defaultNumber}
            onLog={(input) => {
              setLogged(false);
              return onLog(input);
            }}
            onLogged={(ticketId) => {
              setLogged(true);
              close();
              onLogged?.(ticketId);
            }}
            onCancel={close}
          />
        )}
      </DialogButton>
      <p role="status" className="text-xs text-emerald-700 empty:hidden">
        {logged ? "Call logged." : ""}
      </p>
    </div>
  );
}
