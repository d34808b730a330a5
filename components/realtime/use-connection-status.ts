"use client";

import { useEffect, useSyncExternalStore } from "react";
import { agentSocket, connectionStatus, onConnectionStatus, type ConnectionStatus } from "./agent-socket";

export function useConnectionStatus(): ConnectionStatus {
  useEffect(() => {
    agentSocket();
  }, []);
  return useSyncExternalStore(onConnectionStatus, connectionStatus, () => "connecting");
}
