// The panel's elements, as rendered by the frame route (app/widget/frame/route.ts).

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const ui = {
  title: byId<HTMLHeadingElement>("tb-title"),
  greeting: byId<HTMLParagraphElement>("tb-greeting"),
  close: byId<HTMLButtonElement>("tb-close"),
  status: byId<HTMLParagraphElement>("tb-status"),
  away: byId<HTMLDivElement>("tb-away"),
  awayText: byId<HTMLParagraphElement>("tb-away-text"),
  awayEmail: byId<HTMLParagraphElement>("tb-away-email"),
  offlineForm: byId<HTMLFormElement>("tb-offline"),
  offlineEmail: byId<HTMLInputElement>("tb-offline-email"),
  log: byId<HTMLOListElement>("tb-log"),
  typing: byId<HTMLParagraphElement>("tb-typing"),
  error: byId<HTMLParagraphElement>("tb-error"),
  prechat: byId<HTMLFieldSetElement>("tb-prechat"),
  name: byId<HTMLInputElement>("tb-name"),
  email: byId<HTMLInputElement>("tb-email"),
  composer: byId<HTMLFormElement>("tb-composer"),
  input: byId<HTMLTextAreaElement>("tb-input"),
  upload: byId<HTMLLabelElement>("tb-upload"),
  fileInput: byId<HTMLInputElement>("tb-file"),
};
