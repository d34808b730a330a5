/** The primary action of a form; says what it is doing while the form is pending. */
export function SubmitButton({
  pending,
  pendingLabel,
  size = "md",
  className = "",
  children,
}: {
  pending: boolean;
  pendingLabel?: string;
  size?: "sm" | "md";
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded-md bg-indigo-600 px-3 text-sm font-medium whitespace-nowrap text-white shadow-xs hover:bg-indigo-500 disabled:opacity-60 ${size === "sm" ? "py-1.5" : "py-2"} ${className}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
