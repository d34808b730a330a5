export const shortcuts: { keys: string[]; description: string; where: string }[] = [
  { keys: ["j"], description: "Next ticket", where: "Inbox" },
  { keys: ["k"], description: "Previous ticket", where: "Inbox" },
  { keys: ["Enter"], description: "Open the selected ticket", where: "Inbox" },
  { keys: ["o"], description: "Open the selected ticket", where: "Inbox" },
  { keys: ["r"], description: "Write a reply", where: "Ticket" },
  { keys: ["n"], description: "Write an internal note", where: "Ticket" },
  { keys: ["Ctrl", "Enter"], description: "Send (⌘ Enter on a Mac)", where: "Ticket" },
  { keys: ["/"], description: "Find a customer (or Ctrl K, ⌘ K on a Mac)", where: "Anywhere" },
  { keys: ["?"], description: "Show this help", where: "Anywhere" },
  { keys: ["Esc"], description: "Close this help", where: "Anywhere" },
];
