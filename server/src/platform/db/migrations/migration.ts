/** One step of the schema. Numbers only grow; a released migration is never edited, a new one is added. */
export interface Migration {
  id: number;
  name: string;
  statements: readonly string[];
}
