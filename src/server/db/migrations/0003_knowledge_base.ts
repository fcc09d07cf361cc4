import { type Kysely, sql } from 'kysely';

/**
 * Knowledge base (SPEC §9): categories, articles (FAQ, product knowledge, answer scripts),
 * every saved version of an article, and "was this helpful?" votes.
 *
 * `kb_article.search_terms` holds title lexemes with weight A, tag lexemes with weight B and body
 * lexemes with weight D (all at position 1), so a query can tell a title match from a body match
 * (`'lexeme':A`); see modules/knowledge/search-terms.ts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kb_category (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      parent_id bigint REFERENCES kb_category (id) ON DELETE RESTRICT,
      name jsonb NOT NULL CHECK (
        jsonb_typeof(name) = 'object' AND (
          coalesce(name ->> 'zh-CN', '') <> '' OR
          coalesce(name ->> 'zh-TW', '') <> '' OR
          coalesce(name ->> 'en', '') <> ''
        )
      ),
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS NULL OR parent_id <> id)
    );
    CREATE INDEX kb_category_parent_idx ON kb_category (parent_id, sort_order);

    CREATE TABLE kb_article (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      category_id bigint REFERENCES kb_category (id) ON DELETE RESTRICT,
      kind text NOT NULL DEFAULT 'faq' CHECK (kind IN ('faq', 'product', 'script')),
      visibility text NOT NULL DEFAULT 'internal' CHECK (visibility IN ('internal', 'public')),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
      language text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'zh-TW', 'en')),
      title text NOT NULL CHECK (title <> ''),
      body_html text NOT NULL DEFAULT '',
      body_text text NOT NULL DEFAULT '',
      tags text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      author_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      updated_by_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      published_at timestamptz,
      published_by_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      view_count bigint NOT NULL DEFAULT 0,
      helpful_count integer NOT NULL DEFAULT 0,
      unhelpful_count integer NOT NULL DEFAULT 0,
      search_terms tsvector NOT NULL DEFAULT ''::tsvector,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX kb_article_updated_idx ON kb_article (updated_at DESC, id DESC);
    CREATE INDEX kb_article_status_idx ON kb_article (status, visibility, updated_at DESC, id DESC);
    CREATE INDEX kb_article_category_idx ON kb_article (category_id, updated_at DESC, id DESC);
    CREATE INDEX kb_article_public_idx ON kb_article (updated_at DESC, id DESC)
      WHERE status = 'published' AND visibility = 'public';
    CREATE INDEX kb_article_search_idx ON kb_article USING gin (search_terms);
    CREATE INDEX kb_article_tags_idx ON kb_article USING gin (tags);

    CREATE TABLE kb_article_version (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_id bigint NOT NULL REFERENCES kb_article (id) ON DELETE CASCADE,
      version integer NOT NULL,
      category_id bigint REFERENCES kb_category (id) ON DELETE SET NULL,
      kind text NOT NULL,
      visibility text NOT NULL,
      language text NOT NULL,
      title text NOT NULL,
      body_html text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      note text,
      author_user_id bigint REFERENCES app_user (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (article_id, version)
    );

    CREATE TABLE kb_article_feedback (
      article_id bigint NOT NULL REFERENCES kb_article (id) ON DELETE CASCADE,
      voter text NOT NULL,
      helpful boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (article_id, voter)
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations only move forward');
}
