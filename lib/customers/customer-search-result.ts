// What a customer search answers, for the palette, the merge picker and the API alike.

export const searchFields = ["name", "email", "phone", "external_id", "company"] as const;
export type SearchField = (typeof searchFields)[number];

export type CustomerSearchResult = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  /** The field and value that matched best: a result found by its external id says so. */
  match: { field: SearchField; value: string };
};

export const searchFieldLabels: Record<SearchField, string> = {
  name: "name",
  email: "email",
  phone: "phone",
  external_id: "external id",
  company: "company",
};
