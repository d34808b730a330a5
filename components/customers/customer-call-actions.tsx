"use client";

import { useRouter } from "next/navigation";
import { logCallWithCustomer, startCallWithCustomer } from "@/app/(app)/customers/[id]/actions";
import { CallCustomerButton } from "@/components/phone/call-customer-button";
import { LogCallButton } from "@/components/phone/log-call-button";
import type { CallingChannel } from "@/lib/channels/phone/calling-channels";

/** Calling a customer, or logging a call with them, opens a phone ticket for it, which the page then shows. */
export function CustomerCallActions({ customerId, phone, channels }: { customerId: string; phone: string | null; channels: CallingChannel[] }) {
  const router = useRouter();
  const open = (ticketId: string) => router.push(`/tickets/${ticketId}`);
  return (
    <div className="flex flex-wrap items-start gap-2">
      <CallCustomerButton number={phone ?? ""} channels={channels} onStart={(input) => startCallWithCustomer(customerId, input)} onStarted={open} />
      <LogCallButton defaultNumber={phone ?? ""} onLog={(input) => logCallWithCustomer(customerId, input)} onLogged={open} />
    </div>
  );
}
