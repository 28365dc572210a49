-- slo explain api-availability-per-customer slo-specs/homehub-api.yaml --at 2026-03-01T00:00:00Z
-- exit 0

SET TimeZone = 'UTC';

SET memory_limit = '1GB';

SET temp_directory = '$TMP';

SET enable_progress_bar = true;

SET enable_progress_bar_print = false;

SET autoinstall_known_extensions = false;

SET autoload_known_extensions = false;

SET parquet_metadata_cache = true;

SELECT j, c, CASE WHEN c IS NOT NULL THEN json_serialize_sql(c) END FROM (SELECT i, j, CASE WHEN j->>'error' = 'false' THEN json_deserialize_sql(j::JSON) END AS c FROM (SELECT i, json_serialize_sql(sql) AS j FROM (VALUES (0, 'SELECT customer_id <> ''t-internal-test'''), (1, 'SELECT status < 500'), (2, 'SELECT endpoint <> ''/healthz''')) q(i, sql))) ORDER BY i;

SELECT file FROM glob('$ROOT/examples/homehub/api/api-*.parquet');

SELECT file_name, name, type, converted_type, logical_type::VARCHAR FROM parquet_schema(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) WHERE type IS NOT NULL;

DESCRIBE SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false);

CREATE TEMP VIEW "src_1" AS SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false);

SET allowed_paths = ['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet', '$TMP'];

SET enable_external_access = false;

SET lock_configuration = true;

DESCRIBE SELECT ((customer_id != 't-internal-test')) AS c0, ((status < 500)) AS c1, ((endpoint != '/healthz')) AS c2 FROM "src_1";

SELECT count_if(((customer_id != 't-internal-test')) IS TRUE), count_if(((status < 500)) IS TRUE), count_if(((endpoint != '/healthz')) IS TRUE) FROM (SELECT * FROM "src_1" LIMIT 500);

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 2 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_1" AS
SELECT GROUPING("customer_id") AS gid, CAST("customer_id" AS VARCHAR) AS k0, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, 0::BIGINT AS n0, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, coalesce(sum(excluded), 0)::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time, coalesce(sum(ag0), 0)::BIGINT AS ag0, coalesce(sum(av0), 0)::BIGINT AS av0
FROM (SELECT "customer_id", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1772064000000000 THEN 0 WHEN __t < 1772236800000000 THEN 1 WHEN __t < 1772301600000000 THEN 2 WHEN __t < 1772316000000000 THEN 3 WHEN __t < 1772319600000000 THEN 4 WHEN __t < 1772321400000000 THEN 5 WHEN __t < 1772322900000000 THEN 6 ELSE 7 END AS __a, 
    (__keep AND __w0 AND __e0 AND __e1) AS g0,
    (__keep AND __w0 AND __e0 AND __e1 IS NOT NULL) AS t0,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NOT NULL AND NOT __keep) AS excluded,
    (__t IS NULL) AS null_time,
    (__keep AND __e0 AND __e1) AS ag0,
    (__keep AND __e0 AND __e1 IS NOT NULL) AS av0
  FROM (SELECT *, ((endpoint != '/healthz')) AS __e0, ((status < 500)) AS __e1, __t >= 1772290800000000 AS __w0
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, coalesce(((customer_id != 't-internal-test')), FALSE) AS __keep FROM "src_1" WHERE (("ts" >= TIMESTAMPTZ '2026-02-26 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '2026-03-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1772064000000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS (("customer_id", __a));

SELECT gid, k0, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT, sum(ag0)::BIGINT, sum(av0)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT gid, k0, __a, sum(ag0)::BIGINT, sum(av0)::BIGINT FROM "scan_1" GROUP BY ALL;

