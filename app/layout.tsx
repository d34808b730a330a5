import type { Metadata } from "next";
import "./globals.css";

// Inline, so the app needs no static icon file and browsers stop asking for /favicon.ico.
const icon =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#4f46e5"/>' +
      '<path d="M9 10h14M16 10v13" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/></svg>',
  );

export const metadata: Metadata = {
  title: "Touchbase",
  description: "Every customer conversation, in one place.",
  icons: { icon },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <body className="h-full bg-zinc-50 text-zinc-900 antialiased">{children}</body>
    </html>
  );
}
