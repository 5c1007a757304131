import type { ShipmentStatus } from '../../../db/schema';

// What Sen asks of a carrier. Each carrier is one file implementing `Carrier`
// (ghn.server.ts) registered in carriers.server.ts; nothing else knows its API.

/** An address at ward level: Sen's province code and the ward's official name (wards.ts). */
export type ShippingAddress = {
  name: string;
  /** A Vietnamese mobile number, E.164 or national. */
  phone: string;
  /** House number, street, hamlet. */
  address: string;
  province: string;
  ward: string;
};

export type Parcel = {
  weightGrams: number;
  /** Declared value in đồng (insurance). */
  value: number;
  /** What the carrier collects from the buyer at the door, in đồng (0: paid online). */
  cod: number;
  items: { name: string; quantity: number; price: number }[];
};

/** Why a carrier refused: each has a sentence in the shipping locale file. */
export type CarrierRefusal = 'notServed' | 'tooHeavy' | 'unauthorized' | 'unavailable' | 'refused';

export type CarrierResult<T> = ({ ok: true } & T) | { ok: false; reason: CarrierRefusal; message: string };

/** One tracking update, read from the carrier's webhook. */
export type TrackingUpdate = {
  orderCode: string;
  /** The carrier's own status word, kept as it came. */
  carrierStatus: string;
  /** What it means for Sen, or null for updates that move nothing (weight, fee, a failed attempt). */
  status: ShipmentStatus | null;
  description: string;
  happenedAt: Date | null;
  /** The same update delivered twice has the same key. */
  key: string;
  /** Cash the carrier collected at the door, when it says so. */
  codCollected: number | null;
  /** When the carrier paid the collected cash over to the seller. */
  codTransferredAt: Date | null;
};

export type WebhookReading = { ok: true; update: TrackingUpdate } | { ok: false; status: 400 | 401; error: string };

export interface Carrier {
  /** Stored with each shipment; also the webhook's path: /webhooks/carrier/<code>. */
  code: string;
  name: string;
  quote(from: ShippingAddress, to: ShippingAddress, parcel: Parcel): Promise<CarrierResult<{ fee: number }>>;
  createShipment(input: {
    /** Sen's order id: the carrier refuses a second shipment for it. */
    clientOrderCode: string;
    from: ShippingAddress;
    to: ShippingAddress;
    parcel: Parcel;
    note: string;
  }): Promise<CarrierResult<{ orderCode: string; fee: number; labelUrl: string | null }>>;
  /** Reads a webhook request: checks its token or signature and parses its body. */
  readWebhook(request: { url: string; headers: Headers; body: string }): WebhookReading;
}
