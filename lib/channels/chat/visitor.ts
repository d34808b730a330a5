import { connectionErrors } from "./widget-protocol";

/** A widget visitor after the handshake: whom they are, on which channel. */
export type Visitor = {
  channelId: string;
  customerId: string;
  anonymousId: string;
  identified: boolean;
  /** Where the visitor connects from, for per-address rate limits. */
  address: string;
};

export type WidgetRefusalCode = keyof typeof connectionErrors;

/** Why a visitor is turned away; the code crosses to the widget, which explains it in words. */
export class WidgetRefusal extends Error {
  constructor(readonly code: WidgetRefusalCode) {
    super(connectionErrors[code]);
    this.name = "WidgetRefusal";
  }
}
