// Messages between the loader (on the host page) and the panel (our iframe). Each side
// accepts them only from the other's origin: the loader from the app's origin, the panel
// from the channel's allowed origins.

/** One page view of the host website; `id` makes a re-sent view count once. */
export type PageView = { id: string; url: string; title: string; referrer: string };

export type LoaderToPanel =
  | { type: "tb:init"; anonymousId: string; token?: string; identity?: string; page: PageView; open: boolean }
  | { type: "tb:page"; page: PageView }
  | { type: "tb:identify"; identity: string }
  | { type: "tb:visibility"; open: boolean };

export type PanelToLoader =
  | { type: "tb:token"; anonymousId: string; token?: string }
  | { type: "tb:style"; color: string }
  | { type: "tb:open" }
  | { type: "tb:close" };
