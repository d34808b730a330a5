import type { Metadata } from "next";
import { ErrorPage } from "@/components/ui/error-page";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Page not found · Touchbase" };

// Any address no page answers. Outside the signed-in shell, so it offers the way back
// that fits: the inbox to someone signed in, the sign-in page to anyone else.
export default async function NotFound() {
  const signedIn = (await getCurrentUser()) !== null;
  return (
    <main className="min-h-screen">
      <ErrorPage
        status={404}
        title="Page not found"
        back={signedIn ? { href: "/inbox", label: "Back to the inbox" } : { href: "/login", label: "Sign in" }}
      >
        There is nothing at this address. The link may be mistyped, or the page may have moved.
      </ErrorPage>
    </main>
  );
}
