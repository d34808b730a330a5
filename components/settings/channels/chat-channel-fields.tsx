import { useId } from "react";
import { TextField } from "@/components/ui/text-field";
import type { ChannelFieldsProps } from "./channel-fields-props";

export function ChatChannelFields({ errors }: ChannelFieldsProps) {
  const originsId = useId();
  return (
    <>
      <div className="sm:col-span-2">
        <label htmlFor={originsId} className="block text-sm font-medium text-zinc-700">
          Websites allowed to show the widget
        </label>
        <textarea
          id={originsId}
          name="allowedOrigins"
          rows={2}
          required
          placeholder="https://shop.acme.example"
          aria-invalid={errors.allowedOrigins ? true : undefined}
          aria-describedby={`${originsId}-help`}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-400"
        />
        <p id={`${originsId}-help`} className={`mt-1 text-xs ${errors.allowedOrigins ? "text-red-600" : "text-zinc-600"}`}>
          {errors.allowedOrigins ?? "One origin per line, e.g. https://shop.acme.example"}
        </p>
      </div>
      <TextField label="Greeting" name="greeting" placeholder="Hi! How can we help?" error={errors.greeting} />
      <TextField label="Brand colour" name="brandColor" placeholder="#4f46e5" error={errors.brandColor} />
    </>
  );
}
