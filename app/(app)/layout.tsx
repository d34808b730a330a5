import { AppNav } from "@/components/shell/app-nav";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { NowProvider } from "@/components/ui/now-provider";
import { userActor } from "@/lib/auth/users";
import { canManageSettings } from "@/lib/auth/permissions";
import { signedInUser } from "./current-user";
import { requestTime } from "./request-time";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  // Not currentUser(): the shell also frames /account while a password change is required.
  const user = await signedInUser();
  return (
    <NowProvider serverNow={requestTime()}>
      <div className="flex h-screen overflow-hidden">
        <AppNav user={{ name: user.name, role: user.role }} showSettings={canManageSettings(userActor(user))} />
        <main className="min-w-0 flex-1 overflow-y-auto">{children}</main>
      </div>
      <ShortcutsDialog />
    </NowProvider>
  );
}
