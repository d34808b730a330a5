import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Touchbase", description: "Every customer conversation, in one place." };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <body className="h-full bg-zinc-50 text-zinc-900 antialiased">{children}</body>
    </html>
  );
}
