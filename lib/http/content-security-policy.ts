import { randomBytes } from "node:crypto";

/** A fresh nonce for one page response: the only inline and loaded scripts that run carry it. */
export function newScriptNonce(): string {
  return randomBytes(18).toString("base64");
}

/**
 * The Content-Security-Policy of every page of the app (proxy.ts sets it, and Next.js puts
 * the nonce on its own scripts). Scripts run only with this response's nonce, or when a
 * script that has it loads them ('strict-dynamic'): an injected inline script or event
 * handler does not run. Styles may be inline (React style props, Tailwind). Images may come
 * from anywhere because a customer's HTML mail, shown in a srcdoc iframe, inherits this
 * policy when the agent loads its remote images; that frame adds its own stricter one.
 * The chat widget's panel (app/widget/frame) and attachments set their own policies.
 */
export function pageContentSecurityPolicy(options: { nonce: string; development: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays and stacks.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS for a response that went out over https (as the socket or a trusted proxy says); never over plain http, where it would be ignored. */
export function strictTransportSecurity(servedOverHttps: boolean): string | null {
  return servedOverHttps ? "max-age=31536000; includeSubDomains" : null;
}
