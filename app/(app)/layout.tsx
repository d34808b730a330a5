import { CustomerSearchDialog } from "@/components/customers/customer-search-dialog";
import { AppFrame } from "@/components/shell/app-frame";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { NowProvider } from "@/components/ui/now-provider";
import { userActor } from "@/lib/auth/users";
import { canManageSettings } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { countUnreadNotifications } from "@/lib/notifications/notification-queries";
import { signedInUser } from "./current-user";
import { requestTime } from "./request-time";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  // Not currentUser(): the shell also frames /account while a password change is required.
  const user = await signedInUser();
  const unread = await countUnreadNotifications(db(), user.id);
  return (
    <NowProvider serverNow={requestTime()}>
      <AppFrame user={{ name: user.name, role: user.role }} showSettings={canManageSettings(userActor(user))} unread={unread}>
        {children}
      </AppFrame>
      <ShortcutsDialog />
      <CustomerSearchDialog />
    </NowProvider>
  );
}
