import { SettingsForbidden } from "@/components/settings/settings-forbidden";

export default function Forbidden() {
  return <SettingsForbidden />;
}
