-- slo explain face-match-latency-by-firmware slo-specs/homehub-face.yaml --at 2026-03-01T00:00:00Z
-- exit 0

SET TimeZone = 'UTC';

SET memory_limit = '1GB';

SET temp_directory = '$TMP';

SET enable_progress_bar = true;

SET enable_progress_bar_print = false;

SET autoinstall_known_extensions = false;

SET autoload_known_extensions = false;

SET parquet_metadata_cache = true;

SELECT j, c, CASE WHEN c IS NOT NULL THEN json_serialize_sql(c) END FROM (SELECT i, j, CASE WHEN j->>'error' = 'false' THEN json_deserialize_sql(j::JSON) END AS c FROM (SELECT i, json_serialize_sql(sql) AS j FROM (VALUES (0, 'SELECT recognized')) q(i, sql))) ORDER BY i;

DESCRIBE SELECT * FROM read_parquet(['$ROOT/examples/homehub/face_unlocks.parquet'], union_by_name = true, hive_partitioning = false);

CREATE TEMP VIEW "src_1" AS SELECT * FROM read_parquet(['$ROOT/examples/homehub/face_unlocks.parquet'], union_by_name = true, hive_partitioning = false);

SELECT quantile_disc(v, 0.5) FROM (SELECT TRY_CAST("event_ms" AS DOUBLE) AS v FROM "src_1" LIMIT 100000) WHERE isfinite(v);

SET allowed_paths = ['$ROOT/examples/homehub/face_unlocks.parquet', '$TMP'];

SET enable_external_access = false;

SET lock_configuration = true;

DESCRIBE SELECT (recognized) AS c0 FROM "src_1";

SELECT count_if((recognized) IS TRUE) FROM (SELECT * FROM "src_1" LIMIT 500);

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/face_unlocks.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 1 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_1" AS
SELECT GROUPING("firmware") AS gid, CAST("firmware" AS VARCHAR) AS k0, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, 0::BIGINT AS n0, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, 0::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time
FROM (SELECT "firmware", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1772081280000000 THEN 0 WHEN __t < 1772242560000000 THEN 1 WHEN __t < 1772303040000000 THEN 2 WHEN __t < 1772316480000000 THEN 3 WHEN __t < 1772319840000000 THEN 4 WHEN __t < 1772321520000000 THEN 5 WHEN __t < 1772322900000000 THEN 6 ELSE 7 END AS __a, 
    (__w0 AND __e0 AND __e1) AS g0,
    (__w0 AND __e0 AND __e1 IS NOT NULL) AS t0,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NULL) AS null_time
  FROM (SELECT *, (recognized) AS __e0, ("match_ms" <= 400) AS __e1, __t >= 1769904000000000 AS __w0
    FROM (SELECT *, (CASE WHEN "event_ms" >= -2208988800001 AND "event_ms" < 253370764800001 THEN TRY_CAST(round("event_ms" * 1000) AS BIGINT) END) AS __t, TRUE AS __keep FROM "src_1" WHERE (("event_ms" >= 1769903999999 AND "event_ms" < 1772323200001) OR NOT ("event_ms" >= -2208988800001 AND "event_ms" < 253370764800001)) OR "event_ms" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769904000000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS (("firmware", __a));

SELECT gid, k0, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT gid, k0, __a, sum(g0)::BIGINT, sum(t0)::BIGINT FROM "scan_1" GROUP BY ALL;

