import type { UserRole } from "@/lib/db/schema";

export const demoPassword = "touchbase";

export const demoStaff = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
  { email: "sam@example.com", name: "Sam Rivera", role: "agent" },
  { email: "priya@example.com", name: "Priya Shah", role: "agent" },
  { email: "sol@example.com", name: "Sol Martins (Sales)", role: "staff" },
] as const satisfies readonly { email: string; name: string; role: UserRole }[];

export const demoCustomers: { email: string; name: string; phone?: string }[] = [
  { email: "maria.lopez@example.net", name: "Maria Lopez", phone: "+14155550101" },
  { email: "jon.baker@example.net", name: "Jon Baker" },
  { email: "aiko.tanaka@example.net", name: "Aiko Tanaka" },
  { email: "liam.oconnor@example.net", name: "Liam O'Connor", phone: "+353871234567" },
  { email: "fatima.khan@example.net", name: "Fatima Khan" },
  { email: "noah.schmidt@example.net", name: "Noah Schmidt", phone: "+4915112345678" },
  { email: "chloe.martin@example.net", name: "Chloé Martin" },
  { email: "ethan.wright@example.net", name: "Ethan Wright" },
  { email: "sofia.rossi@example.net", name: "Sofia Rossi" },
  { email: "omar.haddad@example.net", name: "Omar Haddad", phone: "+971501234567" },
  { email: "grace.kim@example.net", name: "Grace Kim" },
  { email: "lucas.silva@example.net", name: "Lucas Silva" },
];

type DemoMessage = { from: "customer" | "sam" | "priya" | "sol" | "admin"; kind?: "reply" | "note" | "call"; body: string; minutesAgo: number };
type DemoTicket = {
  customer: string;
  subject: string;
  channel: "email" | "chat" | "phone";
  status: "open" | "pending" | "resolved";
  assignee?: "sam" | "priya" | "sol";
  tags?: string[];
  messages: DemoMessage[];
};

export const demoTickets: DemoTicket[] = [
  {
    customer: "maria.lopez",
    subject: "Order #1042 hasn't arrived",
    channel: "email",
    status: "open",
    assignee: "sam",
    tags: ["shipping"],
    messages: [
      { from: "customer", body: "Hi, my order #1042 was due on Monday and the tracking hasn't moved in three days. Can you check?", minutesAgo: 95 },
      { from: "sam", kind: "note", body: "Carrier shows it stuck at the Oakland hub. Asked them for an update.", minutesAgo: 80 },
    ],
  },
  {
    customer: "jon.baker",
    subject: "Can I change the size on my order?",
    channel: "chat",
    status: "open",
    messages: [
      { from: "customer", body: "Hey! I ordered the running shoes in 42 but I need a 43. Is it too late to swap?", minutesAgo: 12 },
    ],
  },
  {
    customer: "liam.oconnor",
    subject: "Missed call from +353 87 123 4567",
    channel: "phone",
    status: "open",
    assignee: "priya",
    messages: [
      { from: "customer", kind: "call", body: "Voicemail (0:42): Calling about the invoice for the team plan, it charged us twice.", minutesAgo: 40 },
    ],
  },
  {
    customer: "aiko.tanaka",
    subject: "Refund for damaged lamp",
    channel: "email",
    status: "pending",
    assignee: "priya",
    tags: ["refund"],
    messages: [
      { from: "customer", body: "The lamp arrived with a cracked base. Photos attached. I'd like a refund please.", minutesAgo: 60 * 26 },
      { from: "priya", body: "I'm sorry about that, Aiko. I've issued a refund; you'll see it in 3-5 business days. No need to send the lamp back.", minutesAgo: 60 * 25 },
    ],
  },
  {
    customer: "fatima.khan",
    subject: "Bulk order for our office",
    channel: "email",
    status: "open",
    assignee: "sol",
    tags: ["sales"],
    messages: [
      { from: "customer", body: "We're looking to order 40 desk chairs for our new office. Do you offer volume pricing?", minutesAgo: 60 * 5 },
      { from: "sol", kind: "note", body: "Sales lead: 40 chairs, send the volume price sheet.", minutesAgo: 60 * 4 },
    ],
  },
  {
    customer: "noah.schmidt",
    subject: "Call: warranty question",
    channel: "phone",
    status: "resolved",
    assignee: "sam",
    messages: [
      { from: "customer", kind: "call", body: "Inbound call (6:10): Asked whether the 2-year warranty covers the battery.", minutesAgo: 60 * 48 },
      { from: "sam", body: "As discussed on the phone: yes, the battery is covered for the full two years.", minutesAgo: 60 * 47 },
    ],
  },
  {
    customer: "chloe.martin",
    subject: "Discount code not working",
    channel: "chat",
    status: "resolved",
    assignee: "priya",
    messages: [
      { from: "customer", body: "The code WELCOME10 says it's expired?", minutesAgo: 60 * 30 },
      { from: "priya", body: "Sorry about that! I've applied the 10% to your cart manually, you're all set.", minutesAgo: 60 * 30 - 3 },
      { from: "customer", body: "Perfect, thank you!", minutesAgo: 60 * 30 - 5 },
    ],
  },
  {
    customer: "omar.haddad",
    subject: "Where is my store credit?",
    channel: "chat",
    status: "pending",
    assignee: "sam",
    messages: [
      { from: "customer", body: "I returned a jacket in the Dubai Mall store last week, when does the credit show up?", minutesAgo: 60 * 3 },
      { from: "sam", body: "Hi Omar, store returns take up to 5 days to sync. I've nudged the store team and will update you tomorrow.", minutesAgo: 60 * 2 },
    ],
  },
  {
    customer: "grace.kim",
    subject: "Newsletter unsubscribe",
    channel: "email",
    status: "open",
    messages: [{ from: "customer", body: "Please stop sending me the weekly newsletter. Thanks.", minutesAgo: 25 }],
  },
];

/** The demo's email inbox: mail to this address over SMTP (port 2525) opens a ticket. */
export const demoEmailChannel = {
  address: "support@demo.touchbase.test",
  displayName: "Touchbase Demo Support",
  signature: "The Touchbase demo team",
};
