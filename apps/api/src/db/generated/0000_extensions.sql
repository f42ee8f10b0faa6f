-- Hand-written (drizzle-kit "custom") migration: what the generated ones rely on.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- CJK unigrams and bigrams of a text, for the GIN index behind 1–2 character Chinese search.
-- Must agree with cjkGrams() in @cims/schemas, which builds the query side.
CREATE OR REPLACE FUNCTION cims_cjk_grams(doc text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT gram), '{}'::text[])
  FROM regexp_matches(doc, '[\u3400-\u9fff\uf900-\ufaff]+', 'g') AS run(m)
  CROSS JOIN LATERAL (
    SELECT substr(run.m[1], i, 1) FROM generate_series(1, char_length(run.m[1])) AS i
    UNION ALL
    SELECT substr(run.m[1], i, 2) FROM generate_series(1, char_length(run.m[1]) - 1) AS i
  ) AS grams(gram)
$$;
