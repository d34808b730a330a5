import type { SVGProps } from "react";
import type { TimelineFamily } from "@/lib/timeline/timeline-constants";

export const familyLabels: Record<TimelineFamily, string> = {
  order: "Order",
  website_visit: "Website visit",
  marketing_email: "Marketing email",
  review: "Review",
  social: "Social",
  store_visit: "Store visit",
  ad: "Ad",
  survey: "Survey",
  custom: "Other event",
  ticket: "Ticket",
  message: "Message",
  call: "Call",
};

// One glyph per family (24×24 stroke paths), so a timeline can be skimmed by shape.
const paths: Record<TimelineFamily, React.ReactNode> = {
  order: (
    <>
      <path d="M5 8h14l-1 12H6L5 8Z" />
      <path d="M9 8V6a3 3 0 0 1 6 0v2" />
    </>
  ),
  website_visit: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.5 2.5 2.5 14.5 0 17M12 3.5c-2.5 2.5-2.5 14.5 0 17" />
    </>
  ),
  marketing_email: (
    <>
      <path d="M4 10 12 4l8 6v9a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-9Z" />
      <path d="m4 10 8 5 8-5" />
    </>
  ),
  review: <path d="m12 4 2.4 5 5.4.6-4 3.7 1.1 5.3L12 16l-4.9 2.6 1.1-5.3-4-3.7 5.4-.6L12 4Z" />,
  social: (
    <>
      <circle cx="6" cy="12" r="2.5" />
      <circle cx="18" cy="6" r="2.5" />
      <circle cx="18" cy="18" r="2.5" />
      <path d="m8.2 10.8 7.6-3.6M8.2 13.2l7.6 3.6" />
    </>
  ),
  store_visit: (
    <>
      <path d="M4 9 5.5 4h13L20 9H4Z" />
      <path d="M5 9v11h14V9M10 20v-5h4v5" />
    </>
  ),
  ad: (
    <>
      <path d="M4 10v4h3l7 4V6L7 10H4Z" />
      <path d="M17.5 9a4 4 0 0 1 0 6" />
    </>
  ),
  survey: (
    <>
      <rect x="5" y="4" width="14" height="17" rx="2" />
      <path d="M9 9h6M9 13h6M9 17h3" />
    </>
  ),
  custom: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3v3M12 18v3M3 12h3M18 12h3" />
    </>
  ),
  ticket: (
    <>
      <path d="M4 7h16v3a2 2 0 0 0 0 4v3H4v-3a2 2 0 0 0 0-4V7Z" />
      <path d="M14 7v10" strokeDasharray="2 2" />
    </>
  ),
  message: <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.4A8 8 0 1 1 21 12Z" />,
  call: <path d="M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z" />,
};

const tints: Record<TimelineFamily, string> = {
  order: "bg-amber-50 text-amber-700",
  website_visit: "bg-sky-50 text-sky-700",
  marketing_email: "bg-violet-50 text-violet-700",
  review: "bg-yellow-50 text-yellow-700",
  social: "bg-pink-50 text-pink-700",
  store_visit: "bg-emerald-50 text-emerald-700",
  ad: "bg-orange-50 text-orange-700",
  survey: "bg-teal-50 text-teal-700",
  custom: "bg-zinc-100 text-zinc-600",
  ticket: "bg-indigo-50 text-indigo-700",
  message: "bg-indigo-50 text-indigo-700",
  call: "bg-indigo-50 text-indigo-700",
};

/** The family's glyph in a tinted disc; labelled, since the shape alone says nothing to a screen reader. */
export function FamilyIcon({ family, ...props }: { family: TimelineFamily } & SVGProps<SVGSVGElement>) {
  return (
    <span className={`flex size-7 shrink-0 items-center justify-center rounded-full ${tints[family]}`}>
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-4"
        role="img"
        aria-label={familyLabels[family]}
        focusable="false"
        {...props}
      >
        {paths[family]}
      </svg>
    </span>
  );
}
