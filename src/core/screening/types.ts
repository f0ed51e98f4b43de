/** What every result and report says about a loaded list (CLI JSON v1 "lists" items). */
export interface ListInfo {
  /** Short id used in entity ids: "ofac-sdn", "ofac-cons", "un", "custom:…". */
  id: string;
  name: string;
  /** List date, YYYY-MM-DD. */
  date: string;
  entries: number;
  sha256: string;
  /** Where the data came from, in words. */
  source?: string;
}
