/** How a person is named in "On …, X wrote:" lines and From headers. */
export function authorName(person: { name: string | null; email: string | null }): string {
  return person.name?.trim() || person.email || "you";
}
