import type { Migration } from './migration';

/**
 * Drafts get a name staff choose (草稿名称). Existing drafts keep none (NULL) and are shown by when they
 * were created. The length bound repeats the domain's rule (`DRAFT_NAME_MAX`, 60) so that no write around
 * it stores a longer one.
 */
export const DRAFT_NAME_MIGRATIONS: readonly Migration[] = [
  {
    id: 91,
    name: 'draft names',
    statements: [`ALTER TABLE drafts ADD COLUMN name TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 60)`],
  },
];
